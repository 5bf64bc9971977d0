import { startEmbeddedS3, type EmbeddedS3Handle } from '@vetted/dev-infra';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { request } from 'node:http';
import { newItem } from '../testing/content-factory.js';
import { PDF_HEADER } from '../testing/media-files.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';

describe('storage going down during an upload', () => {
  let s3: EmbeddedS3Handle;
  let t: TestApp;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'vetted-s3-down-'));
    s3 = await startEmbeddedS3({ dataDir, port: 0, buckets: [] });
    t = await createTestApp({ S3_ENDPOINT: s3.endpoint, S3_ACCESS_KEY: s3.accessKey, S3_SECRET_KEY: s3.secretKey });
  });
  afterAll(async () => {
    await t?.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('answers 503 and records nothing when storage stops while the file is arriving', async () => {
    const editor = await t.newUser(['editor']);
    const item = await newItem(t, editor);
    const file = Buffer.concat([PDF_HEADER, Buffer.alloc(4 * 1024 * 1024, 0x20)]);
    const res = await uploadStoppingStorageHalfway(t, editor.token, `/api/content-items/${item.id}/versions`, file, () => s3.stop());
    expect(res.status).toBe(503);
    expect(res.body.message).toMatch(/Storage is unavailable/);
    const rows = (await t.dataSource.query('select count(*)::int as n from content_version where item_id = $1', [item.id])) as Array<{ n: number }>;
    expect(rows[0].n).toBe(0);
    expect((await t.http(editor.token).get(`/api/content-items/${item.id}`)).body.currentVersion).toBeNull();
  });
});

/** Sends half the multipart body, stops storage, then sends the rest. */
function uploadStoppingStorageHalfway(t: TestApp, token: string, path: string, data: Buffer, stop: () => Promise<void>) {
  const boundary = 'vetted-storage-down';
  const head = Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="poster.pdf"\r\ncontent-type: application/pdf\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return new Promise<{ status: number; body: { message: string } }>((resolve, reject) => {
    const req = request(new URL(path, t.baseUrl), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': head.length + data.length + tail.length },
    });
    req.on('error', reject);
    req.on('response', (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += String(d)));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(body) as { message: string } }));
    });
    req.write(Buffer.concat([head, data.subarray(0, data.length / 2)]), () => {
      void stop().then(() => req.end(Buffer.concat([data.subarray(data.length / 2), tail])), reject);
    });
  });
}
