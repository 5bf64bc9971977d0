import { decide, submittedItem, uploadVersion } from '../testing/content-factory.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';

describe('approve with changes: only the lanes that set conditions confirm the corrected version', () => {
  let t: TestApp;
  let editor: TestUser, marketing: TestUser, medical: TestUser, regulatory: TestUser, rep: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    editor = await t.newUser(['editor']);
    marketing = await t.newUser(['marketing_reviewer'], 'Marc Lefèvre');
    medical = await t.newUser(['medical_reviewer'], 'Dr Claire Martin');
    regulatory = await t.newUser(['regulatory_reviewer'], 'Sophie Bernard');
    rep = await t.newUser(['rep']);
  });
  afterAll(() => t?.close());

  it('carries the unconditional approvals forward, asks the conditional lane only, then reaches the library', async () => {
    const item = await submittedItem(t, editor);
    await decide(t, marketing, item.id, 'marketing');
    await decide(t, medical, item.id, 'medical', 'approve_with_changes');
    const conditional = await decide(t, regulatory, item.id, 'regulatory');
    expect(conditional.body).toMatchObject({
      status: 'approved_with_changes',
      approvedVersion: null,
      lanes: { marketing: 'approved', medical: 'approved_with_changes', regulatory: 'approved' },
    });
    expect((await t.http(rep.token).get(`/api/library/${item.id}`)).status).toBe(404);

    const v2 = await uploadVersion(t, editor, item.id);
    const confirming = await t.http(editor.token).post(`/api/content-items/${item.id}/submit`);
    expect(confirming.body).toMatchObject({ status: 'in_review', round: 2, lanes: { marketing: 'carried_forward', medical: 'pending', regulatory: 'carried_forward' } });
    expect(new Date(confirming.body.dueAt).getTime() - new Date(confirming.body.submittedAt).getTime()).toBeLessThanOrEqual(3 * 86_400_000);

    const carried = await t.dataSource.query(
      `select lane, decision, carried_from_version, reviewer_name from review_decision where item_id = $1 and version_number = 2 order by lane`,
      [item.id],
    );
    expect(carried).toEqual([
      { lane: 'marketing', decision: 'carried_forward', carried_from_version: 1, reviewer_name: 'Marc Lefèvre' },
      { lane: 'regulatory', decision: 'carried_forward', carried_from_version: 1, reviewer_name: 'Sophie Bernard' },
    ]);
    const trail = (await t.http(editor.token).get(`/api/content-items/${item.id}/audit`)).body.events as Array<{ action: string; after: Record<string, unknown> }>;
    const carriedEvent = trail.find((e) => e.action === 'review.approvals_carried_forward');
    expect(carriedEvent?.after).toMatchObject({ from: { version: 1, sha256: item.versions[0].asset.sha256 }, to: { version: 2, sha256: v2.asset.sha256 } });

    expect((await decide(t, marketing, item.id, 'marketing')).status).toBe(409);
    expect((await decide(t, medical, item.id, 'medical', 'approve_with_changes')).status).toBe(409);
    const approved = await decide(t, medical, item.id, 'medical');
    expect(approved.body).toMatchObject({ status: 'approved', approvedVersion: { id: v2.id, number: 2, sha256: v2.asset.sha256 } });
    const library = await t.http(rep.token).get(`/api/library/${item.id}`);
    expect(library.status).toBe(200);
    expect(library.body.version).toMatchObject({ number: 2, sha256: v2.asset.sha256 });
  });

  it('requires the list of changes, and a confirming lane that requests changes starts a full round', async () => {
    const item = await submittedItem(t, editor);
    const bare = await t.http(medical.token).post(`/api/content-items/${item.id}/reviews`, {
      lane: 'medical',
      decision: 'approve_with_changes',
      versionId: item.versions[0].id,
      password: medical.password,
    });
    expect(bare.status).toBe(400);
    expect(bare.body.message).toMatch(/comment is required/);

    await decide(t, marketing, item.id, 'marketing', 'approve_with_changes');
    await decide(t, medical, item.id, 'medical');
    await decide(t, regulatory, item.id, 'regulatory');
    await uploadVersion(t, editor, item.id);
    await t.http(editor.token).post(`/api/content-items/${item.id}/submit`);
    const refused = await decide(t, marketing, item.id, 'marketing', 'request_changes');
    expect(refused.body.status).toBe('changes_requested');
    await uploadVersion(t, editor, item.id);
    const full = await t.http(editor.token).post(`/api/content-items/${item.id}/submit`);
    expect(full.body.lanes).toEqual({ marketing: 'pending', medical: 'pending', regulatory: 'pending' });
  });
});
