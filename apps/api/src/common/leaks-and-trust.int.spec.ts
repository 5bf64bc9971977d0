import { startEmbeddedS3, type EmbeddedS3Handle } from '@vetted/dev-infra';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { decide, newItem, PNG_BYTES, submittedItem } from '../testing/content-factory.js';
import { capturingLogger } from '../testing/log-capture.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A small, well-formed PDF whose catalog carries `catalogExtra` and whose extra objects follow. */
function pdf(catalogExtra: string, ...objects: Array<string | Buffer>): Buffer {
  const parts: Buffer[] = [Buffer.from(`%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog /Pages 2 0 R ${catalogExtra} >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n`, 'latin1')];
  for (const o of objects) parts.push(typeof o === 'string' ? Buffer.from(`${o}\n`, 'latin1') : o);
  parts.push(Buffer.from('trailer << /Root 1 0 R >>\n%%EOF\n', 'latin1'));
  return Buffer.concat(parts);
}

/** Object 3 hidden in a compressed object stream (PDF 1.5+), where a byte scan of the file cannot see it. */
function objectStream(object3: string): Buffer {
  const body = deflateSync(Buffer.from(`3 0 ${object3}`, 'latin1'));
  return Buffer.concat([Buffer.from(`4 0 obj << /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${body.length} >>\nstream\n`, 'latin1'), body, Buffer.from('\nendstream\nendobj\n', 'latin1')]);
}

describe('leaks and trust', () => {
  let s3: EmbeddedS3Handle;
  let s3Dir: string;
  let t: TestApp;
  let editor: TestUser;
  const log = capturingLogger();

  beforeAll(async () => {
    s3Dir = await fs.mkdtemp(path.join(os.tmpdir(), 'vetted-leaks-'));
    s3 = await startEmbeddedS3({ dataDir: s3Dir, port: 0, buckets: [] });
    t = await createTestApp({ S3_ENDPOINT: s3.endpoint, S3_ACCESS_KEY: s3.accessKey, S3_SECRET_KEY: s3.secretKey }, undefined, log.logger);
    editor = await t.newUser(['editor']);
  });
  afterAll(async () => {
    await t?.close();
    await s3?.stop().catch(() => undefined);
    await fs.rm(s3Dir, { recursive: true, force: true });
  });

  it('keeps only a UUID X-Request-ID as the log id; anything else gets a fresh one', async () => {
    const given = '3f2b8c4e-9d1a-4e5f-8a7b-6c5d4e3f2a1b';
    log.lines.length = 0;
    await fetch(`${t.baseUrl}/api/health`, { headers: { 'x-request-id': 'forged id" level=error' } });
    await fetch(`${t.baseUrl}/api/health`, { headers: { 'x-request-id': given } });
    const ids = log.lines.filter((l) => l.msg === 'request').map((l) => l.reqId);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toMatch(UUID);
    expect(ids[0]).not.toContain('forged');
    expect(ids[1]).toBe(given);
  });

  it('accepts only http and https links on agenda events', async () => {
    for (const url of ['javascript:alert(document.cookie)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'file:///etc/passwd']) {
      const res = await t.http(editor.token).post('/api/agenda', { title: 'Congrès', kind: 'congress', startsOn: '2026-12-01', endsOn: '2026-12-01', url });
      expect({ url, status: res.status }).toEqual({ url, status: 400 });
      expect(res.body.message).toMatch(/url: must be an http:\/\/ or https:\/\/ address/);
    }
    const ok = await t.http(editor.token).post('/api/agenda', { title: 'Congrès', kind: 'congress', startsOn: '2026-12-01', endsOn: '2026-12-01', url: 'https://esc2026.example/programme' });
    expect(ok.status).toBe(201);
  });

  it('strips right-to-left overrides and other bidi controls from filenames (uploads and direct uploads)', async () => {
    const item = await newItem(t, editor);
    const res = await t.http(editor.token).upload(`/api/content-items/${item.id}/versions`, { name: 'poster\u202Egnp.exe\u2066.png', type: 'image/png', data: PNG_BYTES });
    expect(res.status).toBe(201);
    expect(res.body.asset.filename).toBe('postergnp.exe.png');
    const download = await t.http(editor.token).get(`/api/content-items/${item.id}/versions/1/original`);
    expect(download.headers.get('content-disposition')).not.toMatch(/%E2%80%AE|%E2%81%A6/i);
    const direct = await t.http(editor.token).post(`/api/content-items/${item.id}/uploads`, { filename: 'a\u202Bb\u200F.pdf', size: 100, sha256: 'a'.repeat(64) });
    expect(direct.status).toBe(201);
    const [{ filename }] = (await t.dataSource.query('select filename from asset_upload where id = $1', [direct.body.uploadId])) as Array<{ filename: string }>;
    expect(filename).toBe('ab.pdf');
  });

  it('refuses PDFs with JavaScript or launch actions, even name-escaped or inside a compressed object stream; a plain PDF passes', async () => {
    const item = await newItem(t, editor);
    const cases: Record<string, Buffer> = {
      openActionScript: pdf('/OpenAction 3 0 R', "3 0 obj << /S /JavaScript /JS (app.alert('hi')) >> endobj"),
      nameTree: pdf('/Names << /JavaScript 3 0 R >>', '3 0 obj << /Names [(a) 5 0 R] >> endobj', '5 0 obj << /S /JavaScript /JS (x) >> endobj'),
      escapedNames: pdf('/OpenAction 3 0 R', '3 0 obj << /S /J#61vaScript /J#53 (x) >> endobj'),
      launch: pdf('/OpenAction 3 0 R', '3 0 obj << /S /Launch /F (calc.exe) >> endobj'),
      inObjectStream: pdf('/OpenAction 3 0 R', objectStream("<< /S /JavaScript /JS (app.alert('hidden')) >>")),
    };
    for (const [name, data] of Object.entries(cases)) {
      const res = await t.http(editor.token).upload(`/api/content-items/${item.id}/versions`, { name: `${name}.pdf`, type: 'application/pdf', data });
      expect({ name, status: res.status, code: res.body.code }).toEqual({ name, status: 422, code: 'pdf_script_refused' });
    }
    expect((await t.http(editor.token).get(`/api/content-items/${item.id}`)).body.versions).toEqual([]);
    const plain = pdf('/OpenAction [2 0 R /Fit]', objectStream('<< /Type /Annot /Subtype /Link >>'));
    const ok = await t.http(editor.token).upload(`/api/content-items/${item.id}/versions`, { name: 'plain.pdf', type: 'application/pdf', data: plain });
    expect(ok.status).toBe(201);
  });

  // Last: it stops the storage server.
  it('answers storage failures with a 503 that names no internal host, port or error', async () => {
    const reviewers = await Promise.all((['marketing_reviewer', 'medical_reviewer', 'regulatory_reviewer'] as const).map((r) => t.newUser([r])));
    const approved = await submittedItem(t, editor);
    for (const [i, lane] of (['marketing', 'medical', 'regulatory'] as const).entries()) expect((await decide(t, reviewers[i], approved.id, lane)).status).toBe(200);
    const item = await newItem(t, editor);
    await s3.stop();
    const endpoint = new URL(s3.endpoint);
    const upload = await t.http(editor.token).upload(`/api/content-items/${item.id}/versions`, { name: 'x.png', type: 'image/png', data: PNG_BYTES });
    const download = await t.http(editor.token).get(`/api/library/${approved.id}/download`);
    for (const res of [upload, download]) {
      expect(res.status).toBe(503);
      const text = JSON.stringify(res.body);
      expect(res.body).not.toHaveProperty('details.cause');
      expect(text).not.toContain(endpoint.port);
      expect(text).not.toMatch(/127\.0\.0\.1|localhost|ECONNREFUSED/);
    }
  });
});
