import { createHash } from 'node:crypto';
import { approvedClaim } from '../testing/claims-factory.js';
import { decide, newItem, PNG_BYTES, submittedItem, uploadVersion } from '../testing/content-factory.js';
import { textVideo } from '../testing/text-fixtures.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';
import { ReviewService } from './review.service.js';

describe('parallel review over HTTP', () => {
  let t: TestApp;
  let editor: TestUser, marketing: TestUser, medical: TestUser, regulatory: TestUser, doubleHat: TestUser, rep: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    editor = await t.newUser(['editor']);
    marketing = await t.newUser(['marketing_reviewer'], 'Marc Lefèvre');
    medical = await t.newUser(['medical_reviewer'], 'Dr Claire Martin');
    regulatory = await t.newUser(['regulatory_reviewer'], 'Sophie Bernard');
    doubleHat = await t.newUser(['medical_reviewer', 'regulatory_reviewer']);
    rep = await t.newUser(['rep']);
  });
  afterAll(() => t?.close());

  it('creates a draft with the full review when nothing is reused', async () => {
    const item = await newItem(t, editor);
    expect(item).toMatchObject({
      status: 'draft',
      fastTrack: false,
      requiredLanes: ['marketing', 'medical', 'regulatory'],
      lanes: { marketing: 'not_started', medical: 'not_started', regulatory: 'not_started' },
      ownerId: editor.id,
      currentVersion: null,
    });
    expect(item.fastTrackReason).toMatch(/full review/);
  });

  it('refuses to submit without a version (409), then approves when all three lanes approve the same version', async () => {
    const item = await newItem(t, editor);
    const early = await t.http(editor.token).post(`/api/content-items/${item.id}/submit`);
    expect(early.status).toBe(409);
    expect(early.body.message).toMatch(/Upload a version/);

    const version = await uploadVersion(t, editor, item.id);
    expect(version).toMatchObject({ number: 1, asset: { filename: 'infographie.png', size: PNG_BYTES.length, sha256: createHash('sha256').update(PNG_BYTES).digest('hex') } });
    const submitted = await t.http(editor.token).post(`/api/content-items/${item.id}/submit`);
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'in_review', lanes: { marketing: 'pending', medical: 'pending', regulatory: 'pending' } });
    expect(new Date(submitted.body.dueAt).getTime()).toBeGreaterThan(Date.now() + 4 * 86_400_000);

    expect((await decide(t, marketing, item.id, 'marketing')).body.status).toBe('in_review');
    expect((await decide(t, medical, item.id, 'medical')).body.status).toBe('in_review');
    const final = await decide(t, regulatory, item.id, 'regulatory');
    expect(final.status).toBe(200);
    expect(final.body).toMatchObject({
      status: 'approved',
      round: 1,
      approvedVersion: { id: version.id, number: 1, sha256: version.asset.sha256 },
      lanes: { marketing: 'approved', medical: 'approved', regulatory: 'approved' },
    });
    const approvedAt = new Date(final.body.approvedAt).getTime();
    expect(new Date(final.body.expiresAt).getTime() - approvedAt).toBe(730 * 86_400_000);

    const signatures = await t.dataSource.query(`select signer_name, meaning, content_sha256 from signature where entity_id = $1 order by signed_at`, [version.id]);
    expect(signatures).toEqual([
      { signer_name: 'Marc Lefèvre', meaning: 'approved: marketing review', content_sha256: version.asset.sha256 },
      { signer_name: 'Dr Claire Martin', meaning: 'approved: medical review', content_sha256: version.asset.sha256 },
      { signer_name: 'Sophie Bernard', meaning: 'approved: regulatory review', content_sha256: version.asset.sha256 },
    ]);
    const decisions = await t.http(editor.token).get(`/api/content-items/${item.id}/reviews`);
    expect(decisions.body.decisions.map((d: { lane: string }) => d.lane)).toEqual(['marketing', 'medical', 'regulatory']);
    const trail = await t.http(editor.token).get(`/api/content-items/${item.id}/audit`);
    expect(trail.body.verified).toBe(true);
    expect(trail.body.events.filter((e: { action: string }) => e.action === 'content_item.approved')).toHaveLength(1);
  });

  it('a wrong signature password gives 401 and records nothing', async () => {
    const item = await submittedItem(t, editor);
    const res = await decide(t, medical, item.id, 'medical', 'approve', 'wrong-password');
    expect(res.status).toBe(401);
    expect(res.body.message).toMatch(/Signature refused/);
    expect(res.body.code).toBe('signature_refused');
    const [{ count }] = await t.dataSource.query(`select count(*)::int as count from review_decision where item_id = $1`, [item.id]);
    expect(count).toBe(0);
    expect((await t.http(medical.token).get(`/api/content-items/${item.id}`)).body.lanes.medical).toBe('pending');
    const [{ failures }] = await t.dataSource.query(`select count(*)::int as failures from login_failure where email = $1`, [medical.email]);
    expect(failures).toBe(1);
  });

  it('refuses the wrong role (403), the author (403), a second lane by the same person (403) and a decided lane (409)', async () => {
    const item = await submittedItem(t, editor);
    expect((await decide(t, marketing, item.id, 'medical')).status).toBe(403);
    expect((await decide(t, doubleHat, item.id, 'medical')).status).toBe(200);
    const second = await decide(t, doubleHat, item.id, 'regulatory');
    expect(second.status).toBe(403);
    expect(second.body.message).toMatch(/already decided the medical lane/);
    const again = await decide(t, medical, item.id, 'medical');
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/medical approved/);
    expect(again.body.details.allowed).toEqual(expect.arrayContaining(['APPROVE marketing']));

    const editorReviewer = await t.newUser(['editor', 'medical_reviewer']);
    const own = await submittedItem(t, editorReviewer);
    const self = await decide(t, editorReviewer, own.id, 'medical');
    expect(self.status).toBe(403);
    expect(self.body.message).toMatch(/author/);
  });

  it('a change request ends the round; resubmission needs a new version and resets the lanes', async () => {
    const item = await submittedItem(t, editor);
    await decide(t, marketing, item.id, 'marketing');
    const changes = await decide(t, medical, item.id, 'medical', 'request_changes');
    expect(changes.body).toMatchObject({ status: 'changes_requested', lanes: { marketing: 'approved', medical: 'changes_requested', regulatory: 'not_started' } });
    expect((await decide(t, regulatory, item.id, 'regulatory')).status).toBe(409);
    const same = await t.http(editor.token).post(`/api/content-items/${item.id}/submit`);
    expect(same.status).toBe(409);
    await uploadVersion(t, editor, item.id);
    const resubmitted = await t.http(editor.token).post(`/api/content-items/${item.id}/submit`);
    expect(resubmitted.body).toMatchObject({ status: 'in_review', currentVersion: 2, round: 2, approvedVersion: null, lanes: { marketing: 'pending', medical: 'pending', regulatory: 'pending' } });
  });

  it('fast-tracks reuse of an approved item whose claims are covered: regulatory only, due in 1 business day', async () => {
    const [hf1, hf2, hf9] = [await approvedClaim(t, { editor, medical, regulatory }), await approvedClaim(t, { editor, medical, regulatory }), await approvedClaim(t, { editor, medical, regulatory })];
    const source = await submittedItem(t, editor, { claimIds: [hf1.id, hf2.id] });
    for (const [who, lane] of [[marketing, 'marketing'], [medical, 'medical'], [regulatory, 'regulatory']] as const) await decide(t, who, source.id, lane);
    const reuse = await newItem(t, editor, { sourceItemId: source.id, claimIds: [hf1.id, hf2.id], format: 'video', title: 'Épisode 1/5' });
    expect(reuse).toMatchObject({ fastTrack: true, requiredLanes: ['regulatory'] });
    expect(reuse.fastTrackReason).toMatch(source.id);
    // A real, decodable episode: the fast track needs its frames read, and they say nothing the claims do not cover.
    await uploadVersion(t, editor, reuse.id, await textVideo([{ lines: ['Parlez-en à votre médecin.'], from: 0, to: 4 }], 4, { width: 640, height: 360 }));
    const submitted = (await t.http(editor.token).post(`/api/content-items/${reuse.id}/submit`)).body;
    expect(submitted.lanes).toEqual({ marketing: 'waived', medical: 'waived', regulatory: 'pending' });
    expect(new Date(submitted.dueAt).getTime() - new Date(submitted.submittedAt).getTime()).toBeLessThanOrEqual(3 * 86_400_000);
    expect((await decide(t, medical, reuse.id, 'medical')).status).toBe(409);
    expect((await decide(t, regulatory, reuse.id, 'regulatory')).body.status).toBe('approved');

    const newClaims = await newItem(t, editor, { sourceItemId: source.id, claimIds: [hf2.id, hf9.id] });
    expect(newClaims.fastTrack).toBe(false);
    expect(newClaims.fastTrackReason).toContain(`${hf9.code} is not approved on source item`);
  });

  it('withdraws with a signature, and expires approvals past their date through the job handler', async () => {
    const a = await submittedItem(t, editor);
    for (const [who, lane] of [[marketing, 'marketing'], [medical, 'medical'], [regulatory, 'regulatory']] as const) await decide(t, who, a.id, lane);
    const versionId = a.versions[0].id;
    expect((await t.http(rep.token).post(`/api/content-items/${a.id}/withdraw`, { reason: 'x', versionId, password: rep.password })).status).toBe(403);
    const withdrawn = await t.http(regulatory.token).post(`/api/content-items/${a.id}/withdraw`, { reason: 'Label update', versionId, password: regulatory.password });
    expect(withdrawn.body.status).toBe('withdrawn');

    const b = await submittedItem(t, editor);
    for (const [who, lane] of [[marketing, 'marketing'], [medical, 'medical'], [regulatory, 'regulatory']] as const) await decide(t, who, b.id, lane);
    await t.dataSource.query(`update item_review set expires_at = now() - interval '1 minute' where item_id = $1`, [b.id]);
    const service = t.app.get(ReviewService);
    expect(await service.expireDue()).toBe(1);
    expect(await service.expireDue()).toBe(0);
    expect((await t.http(editor.token).get(`/api/content-items/${b.id}`)).body.status).toBe('expired');
  });

  it('reschedules in any state but edits content only in draft or changes_requested', async () => {
    const item = await submittedItem(t, editor);
    const moved = await t.http(editor.token).patch(`/api/content-items/${item.id}`, { plannedAt: '2027-01-15T08:00:00Z' });
    expect(moved.status).toBe(200);
    expect(moved.body.plannedAt).toBe('2027-01-15T08:00:00.000Z');
    const retitled = await t.http(editor.token).patch(`/api/content-items/${item.id}`, { title: 'Nouveau titre' });
    expect(retitled.status).toBe(409);
    expect(retitled.body.message).toMatch(/only its planned date can change/);
  });

  it('lists items by planned window, status and segment', async () => {
    await newItem(t, editor, { plannedAt: '2030-03-10T09:00:00Z', segments: ['patient-driven'], title: 'In March' });
    await newItem(t, editor, { plannedAt: '2030-04-10T09:00:00Z', title: 'In April' });
    const march = await t.http(medical.token).get('/api/content-items?from=2030-03-01T00:00:00Z&to=2030-04-01T00:00:00Z');
    expect(march.body.items.map((i: { title: string }) => i.title)).toEqual(['In March']);
    const bySegment = await t.http(medical.token).get('/api/content-items?segment=patient-driven&status=draft');
    expect(bySegment.body.items.every((i: { segments: string[] }) => i.segments.includes('patient-driven'))).toBe(true);
    expect((await t.http(medical.token).get('/api/content-items?status=nonsense')).status).toBe(400);
  });
});
