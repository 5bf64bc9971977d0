import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { newItem } from '../testing/content-factory.js';
import { objectsUnder } from '../testing/bucket.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';

// s3rver accepts browser POST uploads but ignores the policy (size range, key, expiry are not enforced):
// here the complete step's own checks are what is tested; MinIO and AWS S3 enforce the policy as well.
describe('direct-to-storage uploads', () => {
  let t: TestApp;
  let editor: TestUser;

  beforeAll(async () => {
    t = await createTestApp({ UPLOAD_MAX_MB_INFOGRAPHIC: '2' });
    editor = await t.newUser(['editor']);
  });
  afterAll(() => t?.close());

  async function postToStorage(itemId: string, data: Uint8Array, filename = 'affiche.png') {
    const created = await t.http(editor.token).post(`/api/content-items/${itemId}/uploads`, { filename, size: data.length });
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
    const res = await t.http(editor.token).post(`/api/content-items/${item.id}/uploads`, { filename: 'big.pdf', size: 3 * 1024 * 1024 });
    expect(res.status).toBe(413);
    expect(res.body.details).toMatchObject({ limit: 2 * 1024 * 1024 });
  });
});
