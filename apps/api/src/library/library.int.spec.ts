import type { ContentItem, LibraryItem } from '@vetted/contracts';
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { RenditionsService } from '../assets/renditions.service.js';
import { StorageService } from '../infra/storage/storage.service.js';
import { currentVersionId, decide, newItem, PNG_BYTES, submittedItem, uploadVersion } from '../testing/content-factory.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('the rep library over HTTP', () => {
  let t: TestApp;
  let editor: TestUser, admin: TestUser, marketing: TestUser, medical: TestUser, regulatory: TestUser, rep: TestUser, otherRep: TestUser;
  const seeded: Record<'draft' | 'inReview' | 'changesRequested' | 'approved' | 'expired' | 'withdrawn', ContentItem> = {} as never;

  async function approvedItem(overrides: Record<string, unknown> = {}, file?: { name: string; type: string; data: Uint8Array }): Promise<ContentItem> {
    const item = await newItem(t, editor, overrides);
    if (file) {
      const upload = await t.http(editor.token).upload(`/api/content-items/${item.id}/versions`, file);
      if (upload.status !== 201) throw new Error(`upload failed: ${upload.status} ${JSON.stringify(upload.body)}`);
    } else {
      await uploadVersion(t, editor, item.id);
    }
    await t.http(editor.token).post(`/api/content-items/${item.id}/submit`);
    await decide(t, marketing, item.id, 'marketing');
    await decide(t, medical, item.id, 'medical');
    const final = await decide(t, regulatory, item.id, 'regulatory');
    if (final.body.status !== 'approved') throw new Error(`not approved: ${JSON.stringify(final.body)}`);
    return final.body;
  }

  async function download(token: string, itemId: string) {
    const response = await fetch(`${t.baseUrl}/api/library/${itemId}/download`, { headers: { authorization: `Bearer ${token}` } });
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { status: response.status, headers: response.headers, bytes, json: () => JSON.parse(Buffer.from(bytes).toString('utf8')) };
  }

  const auditActions = async (itemId: string) =>
    ((await t.dataSource.query(`select action, actor_id, after from audit_event where entity_id = $1 order by seq`, [itemId])) as Array<{
      action: string;
      actor_id: string;
      after: Record<string, unknown>;
    }>).filter((e) => e.action.startsWith('library.'));

  beforeAll(async () => {
    t = await createTestApp();
    editor = await t.newUser(['editor']);
    admin = await t.newUser(['admin']);
    marketing = await t.newUser(['marketing_reviewer']);
    medical = await t.newUser(['medical_reviewer']);
    regulatory = await t.newUser(['regulatory_reviewer']);
    rep = await t.newUser(['rep'], 'Rémi Rep');
    otherRep = await t.newUser(['rep'], 'Rose Rep');

    seeded.draft = await newItem(t, editor, { title: 'Seed draft' });
    await uploadVersion(t, editor, seeded.draft.id);
    seeded.inReview = await submittedItem(t, editor, { title: 'Seed in review' });
    seeded.changesRequested = await submittedItem(t, editor, { title: 'Seed changes requested' });
    await decide(t, medical, seeded.changesRequested.id, 'medical', 'request_changes');
    seeded.approved = await approvedItem({
      title: 'Seed approved: le médicament en 90 secondes',
      description: 'Posologie expliquée aux cardiologues',
      format: 'infographic',
      channels: ['email', 'congress'],
      segments: ['cardiologists'],
    });
    seeded.expired = await approvedItem({ title: 'Seed approved but expired' });
    await t.dataSource.query(`update item_review set expires_at = now() - interval '1 minute' where item_id = $1`, [seeded.expired.id]);
    seeded.withdrawn = await approvedItem({ title: 'Seed withdrawn' });
    const withdrawal = await t.http(regulatory.token).post(`/api/content-items/${seeded.withdrawn.id}/withdraw`, {
      reason: 'Label update',
      versionId: await currentVersionId(t, regulatory, seeded.withdrawn.id),
      password: regulatory.password,
    });
    expect(withdrawal.body.status).toBe('withdrawn');
    expect(seeded.changesRequested.id).toBeDefined();
  });
  afterAll(() => t?.close());

  it('lists only approved, unexpired items to a rep, with their approved version and nothing about the review', async () => {
    const res = await t.http(rep.token).get('/api/library?q=seed');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(1);
    const [item] = res.body.items as LibraryItem[];
    expect(item).toEqual({
      id: seeded.approved.id,
      title: 'Seed approved: le médicament en 90 secondes',
      description: 'Posologie expliquée aux cardiologues',
      format: 'infographic',
      channels: ['email', 'congress'],
      segments: ['cardiologists'],
      product: null,
      market: null,
      language: null,
      approvedAt: seeded.approved.approvedAt,
      expiresAt: seeded.approved.expiresAt,
      version: { number: 1, filename: 'infographie.png', mimeType: 'image/png', size: PNG_BYTES.length, sha256: sha256(PNG_BYTES) },
    });
    expect(JSON.stringify(res.body)).not.toMatch(/lanes|reviewState|ownerId|claimIds|status/);
  });

  it('answers a rep 404 for a draft, an item in review, an expired or a withdrawn item: by id, by download and in search', async () => {
    for (const item of [seeded.draft, seeded.inReview, seeded.changesRequested, seeded.expired, seeded.withdrawn]) {
      expect((await t.http(rep.token).get(`/api/library/${item.id}`)).status).toBe(404);
      expect((await download(rep.token, item.id)).status).toBe(404);
      expect((await t.http(rep.token).post(`/api/library/${item.id}/shares`, { channel: 'email' })).status).toBe(404);
    }
    const search = await t.http(rep.token).get('/api/library?q=seed%20draft');
    expect(search.body).toEqual({ items: [], total: 0 });
    const one = await t.http(rep.token).get(`/api/library/${seeded.approved.id}`);
    expect(one.status).toBe(200);
    expect(one.body.version.sha256).toBe(sha256(PNG_BYTES));
  });

  it('searches title and description whatever the case and accents, and filters by format, segment and channel', async () => {
    const ids = async (query: string) => ((await t.http(rep.token).get(`/api/library?${query}`)).body.items as LibraryItem[]).map((i) => i.id);
    expect(await ids('q=MEDICAMENT')).toEqual([seeded.approved.id]);
    expect(await ids('q=posologie%20expliquee')).toEqual([seeded.approved.id]);
    expect(await ids('q=100%25')).toEqual([]);
    expect(await ids('format=infographic&segment=cardiologists&channel=congress')).toEqual([seeded.approved.id]);
    expect(await ids('format=podcast&q=seed')).toEqual([]);
    expect(await ids('segment=oncologists&q=seed')).toEqual([]);
    const page = await t.http(rep.token).get('/api/library?q=seed&limit=1&offset=5');
    expect(page.body).toEqual({ items: [], total: 1 });
  });

  it('downloads exactly the approved bytes, with the stored name and type as an attachment, and audits it', async () => {
    const bytes = Uint8Array.from([...PNG_BYTES, 1, 2, 3]);
    const item = await approvedItem({ title: 'Cœur en 90 s' }, { name: 'Cœur résumé.png', type: 'image/png', data: bytes });
    const res = await download(rep.token, item.id);
    expect(res.status).toBe(200);
    expect(sha256(res.bytes)).toBe(sha256(bytes));
    expect(Buffer.from(res.bytes).equals(Buffer.from(bytes))).toBe(true);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-length')).toBe(String(bytes.length));
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="C_ur resume.png"; filename*=UTF-8''C%C5%93ur%20r%C3%A9sum%C3%A9.png`);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const events = await auditActions(item.id);
    expect(events).toEqual([{ action: 'library.downloaded', actor_id: rep.id, after: { versionNumber: 1, filename: 'Cœur résumé.png', sha256: sha256(bytes) } }]);
  });

  it('refuses a stored file that no longer matches the approved hash with 409, and records library.integrity_failure', async () => {
    const item = await approvedItem({ title: 'Tampered piece' });
    const [{ storage_key: key }] = (await t.dataSource.query('select storage_key from content_version where item_id = $1', [item.id])) as Array<{ storage_key: string }>;
    const other = Buffer.from('not the approved bytes');
    await t.app.get(StorageService).put(key, other, other.length, 'image/png');

    const res = await download(rep.token, item.id);
    expect(res.status).toBe(409);
    expect(res.json()).toMatchObject({ statusCode: 409, message: expect.stringMatching(/does not match the approved version/), details: { reason: 'hash_mismatch' } });
    const events = await auditActions(item.id);
    expect(events).toEqual([
      {
        action: 'library.integrity_failure',
        actor_id: rep.id,
        after: { versionNumber: 1, storageKey: key, approvedSha256: sha256(PNG_BYTES), storedSha256: sha256(other) },
      },
    ]);

    await t.app.get(StorageService).remove(key);
    const missing = await download(rep.token, item.id);
    expect(missing.status).toBe(409);
    expect(missing.json().details).toEqual({ itemId: item.id, reason: 'file_missing' });
  });

  it('records what reps share and summarises it by item, channel and distinct reps for the committee', async () => {
    const item = seeded.approved;
    const first = await t.http(rep.token).post(`/api/library/${item.id}/shares`, { channel: 'email', audienceSegment: 'cardiologists', note: 'After the congress' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ itemId: item.id, repId: rep.id, repName: 'Rémi Rep', channel: 'email', audienceSegment: 'cardiologists', note: 'After the congress' });
    await t.http(rep.token).post(`/api/library/${item.id}/shares`, { channel: 'rep-visit' });
    await t.http(otherRep.token).post(`/api/library/${item.id}/shares`, { channel: 'email' });
    expect((await auditActions(item.id)).filter((e) => e.action === 'library.shared')).toHaveLength(3);

    const summary = await t.http(editor.token).get('/api/library/shares/summary');
    expect(summary.status).toBe(200);
    expect(summary.body.items).toEqual([
      {
        itemId: item.id,
        title: item.title,
        format: 'infographic',
        total: 3,
        byChannel: { email: 2, 'rep-visit': 1, social: 0, other: 0 },
        distinctReps: 2,
        lastSharedAt: expect.any(String),
      },
    ]);
    const future = await t.http(admin.token).get('/api/library/shares/summary?from=2999-01-01T00:00:00Z');
    expect(future.body.items).toEqual([]);

    const list = await t.http(admin.token).get(`/api/library/shares?itemId=${item.id}`);
    expect(list.body.shares.map((s: { repName: string; channel: string }) => `${s.repName}/${s.channel}`)).toEqual(['Rose Rep/email', 'Rémi Rep/rep-visit', 'Rémi Rep/email']);

    expect((await t.http(rep.token).get('/api/library/shares/summary')).status).toBe(403);
    expect((await t.http(rep.token).get('/api/library/shares')).status).toBe(403);
    expect((await t.http(editor.token).post(`/api/library/${item.id}/shares`, { channel: 'email' })).status).toBe(403);
  });

  it('refuses bad input with 400 and says what is wrong', async () => {
    const bad = async (res: Promise<{ status: number; body: { message: string } }>, message: RegExp) => {
      const { status, body } = await res;
      expect(status).toBe(400);
      expect(body.message).toMatch(message);
    };
    const id = seeded.approved.id;
    await bad(t.http(rep.token).post(`/api/library/${id}/shares`, { channel: 'fax' }), /^channel: /);
    await bad(t.http(rep.token).post(`/api/library/${id}/shares`, {}), /^channel: /);
    await bad(t.http(rep.token).post(`/api/library/${id}/shares`, { channel: 'email', doctorName: 'Dr X' }), /doctorName/);
    await bad(t.http(rep.token).post(`/api/library/${id}/shares`, { channel: 'email', note: 'x'.repeat(1001) }), /note: at most 1000/);
    await bad(t.http(rep.token).get('/api/library?format=pdf'), /^format: /);
    await bad(t.http(rep.token).get('/api/library?limit=0'), /^limit: /);
    await bad(t.http(rep.token).get(`/api/library?q=${'a'.repeat(201)}`), /q: at most 200/);
    await bad(t.http(rep.token).get('/api/library/not-a-uuid'), /uuid/i);
    await bad(t.http(editor.token).get('/api/library/shares/summary?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z'), /from must be before to/);
    await bad(t.http(editor.token).get('/api/library/shares/summary?from=yesterday'), /from must be an ISO 8601/);
    await bad(t.http(editor.token).get('/api/library/shares?itemId=42'), /itemId must be a content item id/);
  });

  it('serves reps the approved version\'s thumbnail, and nothing for a draft', async () => {
    const png = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#3366cc' } }).png().toBuffer();
    const item = await approvedItem({ title: 'With thumbnail' }, { name: 'infographie.png', type: 'image/png', data: Uint8Array.from(png) });
    await t.app.get(RenditionsService).processPending(50);
    const res = await t.http(rep.token).send('GET', `/api/library/${item.id}/thumbnail`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/webp');
    const draft = await newItem(t, editor, { title: 'Draft with no thumbnail for reps' });
    await uploadVersion(t, editor, draft.id);
    await t.app.get(RenditionsService).processPending(50);
    expect((await t.http(rep.token).get(`/api/library/${draft.id}/thumbnail`)).status).toBe(404);
  });
});

