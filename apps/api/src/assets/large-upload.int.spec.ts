import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { newItem } from '../testing/content-factory.js';
import { bucketClient } from '../testing/bucket.js';
import { PDF_HEADER } from '../testing/media-files.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';

const SIZE = 300 * 1024 * 1024;
const CHUNK = Buffer.alloc(1024 * 1024, 0x20);

describe('a 300 MB upload', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ UPLOAD_MAX_MB_INFOGRAPHIC: '400' });
  });
  afterAll(() => t?.close());

  it('streams through the API with flat memory and stores exactly the bytes sent', async () => {
    const editor = await t.newUser(['editor']);
    const item = await newItem(t, editor);
    global.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const started = Date.now();
    const { status, body, sha256 } = await streamUpload(t, editor.token, `/api/content-items/${item.id}/versions`);
    const seconds = (Date.now() - started) / 1000;
    clearInterval(sampler);
    const growthMb = (peak - baseline) / 1024 / 1024;
    console.log(`300 MB upload: ${seconds.toFixed(1)} s, RSS growth ${growthMb.toFixed(1)} MB (baseline ${(baseline / 1024 / 1024).toFixed(0)} MB)`);

    expect({ status, body: status === 201 ? null : body }).toEqual({ status: 201, body: null });
    const version = JSON.parse(body) as { asset: { size: number; sha256: string; mimeType: string } };
    expect(version.asset).toMatchObject({ size: SIZE, sha256, mimeType: 'application/pdf' });
    // Buffering the upload would grow by the whole file; half of it leaves room for a shared worker's GC
    // timing (109 MB was seen once in a full run). The 1 GB figure and its target are in `npm run bench`.
    expect(growthMb).toBeLessThan(SIZE / 2 / 1024 / 1024);

    const [{ key }] = (await t.dataSource.query('select storage_key as key from content_version where item_id = $1', [item.id])) as Array<{ key: string }>;
    const stored = createHash('sha256');
    for await (const chunk of await bucketClient(t).getObject(t.config.s3.bucket, key)) stored.update(chunk as Buffer);
    expect(stored.digest('hex')).toBe(sha256);
  }, 300_000);
});

/** Writes a multipart body of SIZE bytes (a PDF header, then filler) chunk by chunk, honouring backpressure. */
function streamUpload(t: TestApp, token: string, path: string): Promise<{ status: number; body: string; sha256: string }> {
  const boundary = 'vetted-large-upload';
  const head = Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="catalogue.pdf"\r\ncontent-type: application/pdf\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const hash = createHash('sha256');
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, t.baseUrl), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': head.length + SIZE + tail.length },
    });
    req.on('error', reject);
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, sha256: hash.digest('hex') }));
    });
    req.write(head);
    let sent = 0;
    const first = Buffer.concat([PDF_HEADER, CHUNK.subarray(PDF_HEADER.length)]);
    const writeMore = () => {
      while (sent < SIZE) {
        const chunk = sent === 0 ? first : CHUNK.subarray(0, Math.min(CHUNK.length, SIZE - sent));
        hash.update(chunk);
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', writeMore);
      }
      req.end(tail);
    };
    writeMore();
  });
}
