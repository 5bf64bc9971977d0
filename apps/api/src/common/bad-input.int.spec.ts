import { request } from 'node:http';
import { decide, newItem, PNG_BYTES, submittedItem, uploadVersion } from '../testing/content-factory.js';
import { capturingLogger } from '../testing/log-capture.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';

async function rowCount(t: TestApp, table: string): Promise<number> {
  const [{ n }] = (await t.dataSource.query(`select count(*)::int as n from ${table}`)) as Array<{ n: number }>;
  return n;
}

describe('bad input is a 400 naming the field, never a 500', () => {
  let t: TestApp;
  let editor: TestUser;
  let reviewer: TestUser;
  const log = capturingLogger();

  beforeAll(async () => {
    t = await createTestApp({}, undefined, log.logger);
    editor = await t.newUser(['editor']);
    reviewer = await t.newUser(['medical_reviewer']);
  });
  afterAll(() => t?.close());

  it('refuses a NUL byte in any text field (PostgreSQL refuses 0x00) and stores nothing', async () => {
    const before = await rowCount(t, 'content_item');
    const cases: Array<[string, Record<string, unknown>]> = [
      ['title', { title: 'Insuffisance\u0000 cardiaque' }],
      ['description', { description: 'a\u0000b' }],
      ['channels.0', { channels: ['email\u0000'] }],
      ['claimIds.0', { claimIds: ['HF\u0000001'] }],
    ];
    for (const [field, override] of cases) {
      const res = await t.http(editor.token).post('/api/content-items', { title: 'Ok', format: 'video', plannedAt: '2026-12-01T09:00:00Z', ...override });
      expect({ field, status: res.status, code: res.body.code }).toEqual({ field, status: 400, code: 'invalid_input' });
      expect(res.body.message).toContain(field);
    }
    expect(await rowCount(t, 'content_item')).toBe(before);
    const agenda = await t.http(editor.token).post('/api/agenda', { title: 'Congrès', kind: 'congress', startsOn: '2026-12-01', endsOn: '2026-12-01', location: 'Lyon\u0000' });
    expect(agenda.status).toBe(400);
  });

  it('refuses a NUL byte in a query parameter and in fields whose schema has no text rule (a review comment)', async () => {
    expect((await t.http(editor.token).get('/api/content-items?segment=a%00b')).status).toBe(400);
    expect((await t.http(editor.token).get('/api/library?q=%00')).status).toBe(400);
    expect((await t.http(editor.token).get('/api/audit?entity=%00')).status).toBe(400);
    const item = await submittedItem(t, editor);
    const res = await t.http(reviewer.token).post(`/api/content-items/${item.id}/reviews`, { lane: 'medical', decision: 'approve', password: reviewer.password, comment: 'ok\u0000' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid_input');
    expect(await rowCount(t, 'review_decision')).toBe(0);
    expect((await decide(t, reviewer, item.id, 'medical')).status).toBe(200);
  });

  it('refuses a lone UTF-16 surrogate (it would be stored as U+FFFD and no longer match the audit hash)', async () => {
    const res = await t.http(editor.token).post('/api/content-items', { title: 'Cœur \ud83d', format: 'video', plannedAt: '2026-12-01T09:00:00Z' });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/title: .*surrogate/);
    const paired = await t.http(editor.token).post('/api/content-items', { title: 'Cœur ❤️ 🫀', format: 'video', plannedAt: '2026-12-01T09:00:00Z' });
    expect(paired.status).toBe(201);
    expect(paired.body.title).toBe('Cœur ❤️ 🫀');
  });

  it('refuses dates outside 1900–2999: agenda 0000-01-01, plannedAt year 0000 and year 10000 once in UTC', async () => {
    const agenda = await t.http(editor.token).post('/api/agenda', { title: 'Congrès', kind: 'congress', startsOn: '0000-01-01', endsOn: '2026-12-01' });
    expect(agenda.status).toBe(400);
    expect(agenda.body.message).toMatch(/startsOn: .*1900-01-01 and 2999-12-31/);
    expect((await t.http(editor.token).get('/api/agenda?from=0000-01-01&to=2026-12-31')).status).toBe(400);
    for (const plannedAt of ['0000-01-01T00:00:00Z', '9999-12-31T23:59:59-14:00', '3000-01-01T00:00:00Z', '1899-12-31T23:59:59Z']) {
      const res = await t.http(editor.token).post('/api/content-items', { title: 'Ok', format: 'video', plannedAt });
      expect({ plannedAt, status: res.status }).toEqual({ plannedAt, status: 400 });
    }
    expect((await t.http(editor.token).get('/api/content-items?from=0000-01-01T00:00:00Z')).status).toBe(400);
    const edge = await t.http(editor.token).post('/api/content-items', { title: 'Ok', format: 'video', plannedAt: '2999-12-31T23:59:59Z' });
    expect(edge.status).toBe(201);
  });

  it('refuses version numbers past 2³¹ in paths and queries', async () => {
    const item = await newItem(t, editor);
    await uploadVersion(t, editor, item.id);
    for (const number of ['2147483648', '99999999999999999999', '0', '-1', '1e3']) {
      const res = await t.http(editor.token).get(`/api/content-items/${item.id}/versions/${number}/original`);
      expect({ number, status: res.status }).toEqual({ number, status: 400 });
    }
    expect((await t.http(editor.token).get(`/api/content-items/${item.id}/versions/2147483647/original`)).status).toBe(404);
    expect((await t.http(editor.token).get(`/api/content-items/${item.id}/comments?version=2147483648`)).status).toBe(400);
    expect((await t.http(editor.token).post(`/api/content-items/${item.id}/comments`, { versionNumber: 2 ** 31, body: 'x' })).status).toBe(400);
    expect((await t.http(editor.token).get('/api/content-items?page=2147483648')).status).toBe(400);
    expect((await t.http(editor.token).get('/api/audit?beforeSeq=1e400')).status).toBe(400);
  });

  it('answers a truncated multipart upload with a 400 logged at info (a dropped connection is not a bug), and keeps no file', async () => {
    const item = await newItem(t, editor);
    const boundary = 'vetted-truncated';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="x.png"\r\ncontent-type: image/png\r\n\r\n`),
      PNG_BYTES,
      // No closing boundary: the body ends in the middle of the file part.
    ]);
    log.lines.length = 0;
    const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        `${t.baseUrl}/api/content-items/${item.id}/versions`,
        { method: 'POST', headers: { authorization: `Bearer ${editor.token}`, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': body.length } },
        (r) => {
          let text = '';
          r.on('data', (c: Buffer) => (text += c.toString()));
          r.on('end', () => resolve({ status: r.statusCode ?? 0, body: text }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ statusCode: 400, code: 'upload_incomplete' });
    expect((await t.http(editor.token).get(`/api/content-items/${item.id}`)).body.versions).toEqual([]);
    const errors = log.lines.filter((l) => l.level >= 50);
    expect(errors).toEqual([]);
    expect(log.lines.find((l) => l.msg === 'request' && l.status === 400)?.level).toBe(30);
  });
});
