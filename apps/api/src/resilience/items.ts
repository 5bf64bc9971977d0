import { call, type World } from './harness.js';

/** A tiny valid PNG: enough for a version whose bytes do not matter. */
export const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6300010000050001' + '0d0a2db40000000049454e44ae426082', 'hex');

export function pngForm(name = 'infographie.png'): FormData {
  const form = new FormData();
  form.append('file', new Blob([PNG], { type: 'image/png' }), name);
  return form;
}

export async function newItem(world: World, editor: string, title: string): Promise<string> {
  const res = await call(world.product.base, 'POST', '/api/content-items', { token: editor, body: { title, format: 'infographic', plannedAt: '2031-06-02T09:00:00Z', channels: ['email'] } });
  if (res.status !== 201) throw new Error(`create: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { id: string }).id;
}

/** An item with one version, submitted: all three lanes to decide. Returns the item and the version id to sign. */
export async function submittedItem(world: World, editor: string, title: string): Promise<{ id: string; versionId: string }> {
  const id = await newItem(world, editor, title);
  const upload = await call(world.product.base, 'POST', `/api/content-items/${id}/versions`, { token: editor, form: pngForm() });
  if (upload.status !== 201) throw new Error(`upload: ${upload.status} ${JSON.stringify(upload.body)}`);
  const submit = await call(world.product.base, 'POST', `/api/content-items/${id}/submit`, { token: editor });
  if (submit.status !== 200) throw new Error(`submit: ${submit.status} ${JSON.stringify(submit.body)}`);
  return { id, versionId: (upload.body as { id: string }).id };
}

/** Runs `make` for each of `count` inputs, `parallel` at a time. */
export async function inBatches<T>(count: number, parallel: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < count; i += parallel) out.push(...(await Promise.all(Array.from({ length: Math.min(parallel, count - i) }, (_, k) => make(i + k)))));
  return out;
}
