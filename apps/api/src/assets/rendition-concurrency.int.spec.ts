import sharp from 'sharp';
import { newItem } from '../testing/content-factory.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';
import { RenditionsService } from './renditions.service.js';

type Render = (row: { versionId: string }) => Promise<boolean>;

/** RENDITION_CONCURRENCY: one run of the job renders that many versions side by side, each once. */
describe('rendition concurrency', () => {
  let t: TestApp;
  let editor: TestUser;
  let photo: Buffer;

  beforeAll(async () => {
    t = await createTestApp({ RENDITION_CONCURRENCY: '3' });
    editor = await t.newUser(['editor']);
    photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 90, g: 120, b: 150 } } }).png().toBuffer();
  });
  afterAll(() => t?.close());

  it('renders up to RENDITION_CONCURRENCY versions at once and every pending version exactly once', async () => {
    const versions: string[] = [];
    for (let i = 0; i < 7; i++) {
      const item = await newItem(t, editor);
      const upload = await t.http(editor.token).upload(`/api/content-items/${item.id}/versions`, { name: 'affiche.png', type: 'image/png', data: photo });
      versions.push(upload.body.id as string);
    }
    const service = t.app.get(RenditionsService);
    // The private render, watched: how many run together, and which versions it was given.
    const target = service as unknown as { render: Render };
    const original = target.render.bind(service);
    let inFlight = 0;
    let peak = 0;
    const rendered: string[] = [];
    target.render = async (row) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      rendered.push(row.versionId);
      try {
        // Long enough that lanes overlap even on a loaded machine; rendering itself stays real.
        await new Promise((r) => setTimeout(r, 150));
        return await original(row);
      } finally {
        inFlight--;
      }
    };
    try {
      expect(await service.processPending(100)).toBe(7);
    } finally {
      target.render = original;
    }
    expect(peak).toBe(3);
    expect([...rendered].sort()).toEqual([...versions].sort());
    const statuses = (await t.dataSource.query(`select status, count(*)::int as n from asset_rendition where version_id = any($1::uuid[]) group by status`, [versions])) as Array<{ status: string; n: number }>;
    expect(statuses).toEqual([{ status: 'ready', n: 7 }]);
  });

  it('stops at the limit it was given, whatever the concurrency', async () => {
    for (let i = 0; i < 2; i++) {
      const item = await newItem(t, editor);
      await t.http(editor.token).upload(`/api/content-items/${item.id}/versions`, { name: 'affiche.png', type: 'image/png', data: photo });
    }
    const service = t.app.get(RenditionsService);
    expect(await service.processPending(1)).toBe(1);
    expect(await service.processPending(100)).toBe(1);
  });
});
