import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { newItem } from '../testing/content-factory.js';
import { bucketClient, objectsUnder } from '../testing/bucket.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';

// The embedded S3 server checks the POST policy (signature, key, expiry, size range) like MinIO and AWS S3;
// the complete step still checks what was actually stored, whichever store it is.
describe('direct-to-storage uploads', () => {
  let t: TestApp;
  let editor: TestUser;

  beforeAll(async () => {
    t = await createTestApp({ UPLOAD_MAX_MB_INFOGRAPHIC: '2' });
    editor = await t.newUser(['editor']);
  });
  afterAll(() => t?.close());

  const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

  async function postToStorage(itemId: string, data: Uint8Array, filename = 'affiche.png') {
    const created = await t.http(editor.token).post(`/api/content-items/${itemId}/uploads`, { filename, size: data.length, sha256: sha256(data) });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ maxBytes: 2 * 1024 * 1024, acceptedTypes: ['png', 'jpg', 'webp', 'pdf'] });
    const form = new FormData();
    for (const [k, v] of Object.entries(created.body.fields as Record<string, string>)) form.append(k, v);
    form.append('file', new Blob([data]), filename);
    const stored = await fetch(created.body.url, { method: 'POST', body: form });
    expect(stored.status).toBeLessThan(300);
    return created.body.uploadId as string;
  }

  it('records the version once the object is checked: size, type by content, SHA-256 read back from storage', async () => {
    const item = await newItem(t, editor);
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#336699' } }).png().toBuffer();
    const uploadId = await postToStorage(item.id, png);
    const res = await t.http(editor.token).post(`/api/content-items/${item.id}/uploads/${uploadId}/complete`, { note: 'direct' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ number: 1, note: 'direct', asset: { mimeType: 'image/png', size: png.length, sha256: createHash('sha256').update(png).digest('hex') } });
    expect(res.body.media).toEqual({ durationSeconds: null, width: 40, height: 30 });
    expect((await t.http(editor.token).post(`/api/content-items/${item.id}/uploads/${uploadId}/complete`, {})).status).toBe(409);
  });

  it('refuses an object of the wrong type and removes it', async () => {
    const item = await newItem(t, editor);
    const uploadId = await postToStorage(item.id, Buffer.from('<html><script>alert(1)</script></html>'), 'affiche.png');
    const res = await t.http(editor.token).post(`/api/content-items/${item.id}/uploads/${uploadId}/complete`, {});
    expect(res.status).toBe(415);
    expect(await objectsUnder(t, `items/${item.id}/`)).toEqual([]);
    expect((await t.http(editor.token).get(`/api/content-items/${item.id}`)).body.versions).toEqual([]);
  });

  it('refuses to hand out a policy for a file above the limit (413)', async () => {
    const item = await newItem(t, editor);
    const res = await t.http(editor.token).post(`/api/content-items/${item.id}/uploads`, { filename: 'big.pdf', size: 3 * 1024 * 1024, sha256: 'a'.repeat(64) });
    expect(res.status).toBe(413);
    expect(res.body.details).toMatchObject({ limit: 2 * 1024 * 1024 });
  });

  it('refuses at /complete an object whose real size or SHA-256 differs from what was declared, and removes it', async () => {
    const item = await newItem(t, editor);
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#993366' } }).png().toBuffer();

    // Declared 1 byte, carried the whole file: the store refuses the POST (the policy's size range is exact)…
    const tiny = await t.http(editor.token).post(`/api/content-items/${item.id}/uploads`, { filename: 'a.png', size: 1, sha256: sha256(png) });
    const form = new FormData();
    for (const [k, v] of Object.entries(tiny.body.fields as Record<string, string>)) form.append(k, v);
    form.append('file', new Blob([png]), 'a.png');
    expect((await fetch(tiny.body.url, { method: 'POST', body: form })).status).toBe(403);
    // …and a store that did not enforce the policy (or anyone writing there directly) gets past storage, not /complete.
    const key = (tiny.body.fields as Record<string, string>).key;
    await bucketClient(t).putObject(t.config.s3.bucket, key, png, png.length);
    const wrongSize = await t.http(editor.token).post(`/api/content-items/${item.id}/uploads/${tiny.body.uploadId}/complete`, {});
    expect(wrongSize.status).toBe(422);
    expect(wrongSize.body.details).toEqual({ declaredSize: 1, storedSize: png.length });

    // Right size, other bytes than the ones declared.
    const other = Buffer.from(png);
    other[other.length - 20] ^= 0xff;
    const swapped = await t.http(editor.token).post(`/api/content-items/${item.id}/uploads`, { filename: 'b.png', size: png.length, sha256: sha256(png) });
    await bucketClient(t).putObject(t.config.s3.bucket, (swapped.body.fields as Record<string, string>).key, other, other.length);
    const wrongHash = await t.http(editor.token).post(`/api/content-items/${item.id}/uploads/${swapped.body.uploadId}/complete`, {});
    expect(wrongHash.status).toBe(422);
    expect(wrongHash.body.details).toMatchObject({ declaredSha256: sha256(png), storedSha256: sha256(other) });

    expect(await objectsUnder(t, `items/${item.id}/`)).toEqual([]);
    expect((await t.http(editor.token).get(`/api/content-items/${item.id}`)).body.versions).toEqual([]);
  });

  it('asks for the SHA-256 of the file when the upload is created', async () => {
    const item = await newItem(t, editor);
    const res = await t.http(editor.token).post(`/api/content-items/${item.id}/uploads`, { filename: 'a.png', size: 10 });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/sha256/);
  });

  it('hands out presigned POST URLs on S3_PUBLIC_ENDPOINT, the address browsers reach, and they work there', async () => {
    const publicEndpoint = t.config.s3.endpoint.replace('127.0.0.1', 'localhost');
    const app = await createTestApp({ S3_PUBLIC_ENDPOINT: publicEndpoint });
    try {
      const author = await app.newUser(['editor']);
      const item = await newItem(app, author);
      const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000000' } }).png().toBuffer();
      const created = await app.http(author.token).post(`/api/content-items/${item.id}/uploads`, { filename: 'p.png', size: png.length, sha256: sha256(png) });
      expect(created.body.url).toBe(`${publicEndpoint}/${app.config.s3.bucket}`);
      const form = new FormData();
      for (const [k, v] of Object.entries(created.body.fields as Record<string, string>)) form.append(k, v);
      form.append('file', new Blob([png]), 'p.png');
      expect((await fetch(created.body.url, { method: 'POST', body: form })).status).toBe(204);
      expect((await app.http(author.token).post(`/api/content-items/${item.id}/uploads/${created.body.uploadId}/complete`, {})).status).toBe(201);
    } finally {
      await app.close();
    }
  });
});
