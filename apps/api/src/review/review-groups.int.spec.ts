import type { ContentItem } from '@vetted/contracts';
import { approvedClaim } from '../testing/claims-factory.js';
import { aProduct, decide, newItem, newReviewGroup, submittedItem, uploadVersion } from '../testing/content-factory.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';

describe('reviewer groups and their quorum', () => {
  let t: TestApp;
  let admin: TestUser, editor: TestUser, marketing: TestUser, regulatory: TestUser, outsider: TestUser;
  let m1: TestUser, m2: TestUser, m3: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.newUser(['admin']);
    editor = await t.newUser(['editor']);
    marketing = await t.newUser(['marketing_reviewer'], 'Marc Lefèvre');
    regulatory = await t.newUser(['regulatory_reviewer'], 'Sophie Bernard');
    m1 = await t.newUser(['medical_reviewer'], 'Dr Anne Aubert');
    m2 = await t.newUser(['medical_reviewer'], 'Dr Bruno Blanc');
    m3 = await t.newUser(['medical_reviewer'], 'Dr Chloé Caron');
    outsider = await t.newUser(['medical_reviewer'], 'Dr Outside Group');
  });
  afterAll(() => t?.close());

  /** A medical group of m1, m2, m3 needing two approvals, for a product only this test's items name. */
  async function twoOfThree(): Promise<{ product: string; groupId: string }> {
    const product = aProduct();
    const group = await newReviewGroup(t, admin, { lane: 'medical', memberIds: [m1.id, m2.id, m3.id], quorum: { rule: 'n_of_m', n: 2 }, products: [product] });
    return { product, groupId: group.id };
  }

  const itemAs = async (user: TestUser, id: string) => (await t.http(user.token).get(`/api/content-items/${id}`)).body as ContentItem;

  it('approves a 2-of-3 medical lane with two approvals and refuses a third decision with 409', async () => {
    const { product, groupId } = await twoOfThree();
    const item = await submittedItem(t, editor, { product });
    expect(item.laneProgress.medical).toMatchObject({ approvals: 0, required: 2, rule: 'n_of_m', groupId, members: [{ name: 'Dr Anne Aubert' }, { name: 'Dr Bruno Blanc' }, { name: 'Dr Chloé Caron' }] });
    // Lanes no group covers keep today's rule: everyone with the role, any one approves.
    expect(item.laneProgress.marketing).toMatchObject({ required: 1, rule: 'any', groupId: null });

    const notMember = await decide(t, outsider, item.id, 'medical');
    expect(notMember.status).toBe(403);
    expect(notMember.body.code).toBe('not_assigned');

    const first = await decide(t, m1, item.id, 'medical');
    expect(first.status).toBe(200);
    expect(first.body.lanes.medical).toBe('pending');
    expect(first.body.laneProgress.medical.approvals).toBe(1);
    const again = await decide(t, m1, item.id, 'medical');
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/already signed a decision on the medical lane/);

    const second = await decide(t, m2, item.id, 'medical');
    expect(second.status).toBe(200);
    expect(second.body.lanes.medical).toBe('approved');
    expect(second.body.laneProgress.medical).toMatchObject({ approvals: 2, required: 2 });

    const third = await decide(t, m3, item.id, 'medical');
    expect(third.status).toBe(409);
    expect(third.body.code).toBe('quorum_reached');
    const rows = await t.dataSource.query(`select reviewer_name, task_id is not null as has_task from review_decision where item_id = $1 and lane = 'medical' order by decided_at`, [item.id]);
    expect(rows).toEqual([
      { reviewer_name: 'Dr Anne Aubert', has_task: true },
      { reviewer_name: 'Dr Bruno Blanc', has_task: true },
    ]);
    const members = (await itemAs(editor, item.id)).laneProgress.medical?.members ?? [];
    expect(members.map((m) => [m.name, m.taskStatus, m.decision, m.closedReason])).toEqual([
      ['Dr Anne Aubert', 'done', 'approve', null],
      ['Dr Bruno Blanc', 'done', 'approve', null],
      ['Dr Chloé Caron', 'closed', null, 'quorum_reached'],
    ]);
    const trail = (await t.http(editor.token).get(`/api/content-items/${item.id}/audit`)).body.events as Array<{ action: string; after: { signed?: { quorum: unknown } } }>;
    expect(trail.filter((e) => e.action === 'review.member_approved').map((e) => e.after.signed?.quorum)).toEqual([{ approvals: 1, required: 2 }]);
    expect(trail.filter((e) => e.action === 'review.lane_approved').map((e) => e.after.signed?.quorum)).toContainEqual({ approvals: 2, required: 2 });

    await decide(t, marketing, item.id, 'marketing');
    expect((await decide(t, regulatory, item.id, 'regulatory')).body.status).toBe('approved');
  });

  it('counts two members approving at the same instant exactly once each', async () => {
    const { product } = await twoOfThree();
    const item = await submittedItem(t, editor, { product });
    const [a, b] = await Promise.all([decide(t, m1, item.id, 'medical'), decide(t, m2, item.id, 'medical')]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const after = await itemAs(editor, item.id);
    expect(after.lanes.medical).toBe('approved');
    expect(after.laneProgress.medical?.approvals).toBe(2);
    const [{ lane_events, member_events }] = await t.dataSource.query(
      `select count(*) filter (where action = 'review.lane_approved')::int as lane_events, count(*) filter (where action = 'review.member_approved')::int as member_events
         from audit_event where entity_id = $1`,
      [item.id],
    );
    expect({ lane_events, member_events }).toEqual({ lane_events: 1, member_events: 1 });
  });

  it('one request for changes ends the round, whatever the approvals, and closes every open task', async () => {
    const { product } = await twoOfThree();
    const item = await submittedItem(t, editor, { product });
    expect((await decide(t, m1, item.id, 'medical')).status).toBe(200);
    const objection = await decide(t, m2, item.id, 'medical', 'request_changes');
    expect(objection.status).toBe(200);
    expect(objection.body).toMatchObject({ status: 'changes_requested', lanes: { medical: 'changes_requested' } });
    expect((await decide(t, m3, item.id, 'medical')).status).toBe(409);
    expect((await decide(t, marketing, item.id, 'marketing')).status).toBe(409);
    const open = await t.dataSource.query(`select count(*)::int as n from review_task where item_id = $1 and status = 'open'`, [item.id]);
    expect(open).toEqual([{ n: 0 }]);
    const closed = await t.dataSource.query(`select lane, closed_reason from review_task where item_id = $1 and assignee_id = any($2) order by lane`, [item.id, [m3.id, marketing.id]]);
    expect(closed).toEqual([
      { lane: 'marketing', closed_reason: 'changes_requested' },
      { lane: 'medical', closed_reason: 'changes_requested' },
    ]);

    // The next round opens new tasks for everyone again.
    await uploadVersion(t, editor, item.id);
    const round2 = (await t.http(editor.token).post(`/api/content-items/${item.id}/submit`)).body as ContentItem;
    expect(round2.laneProgress.medical).toMatchObject({ approvals: 0, required: 2 });
    expect(round2.laneProgress.medical?.members.every((m) => m.taskStatus === 'open')).toBe(true);
  });

  it('an approval with changes counts towards the quorum; the corrected version is confirmed by the lane’s quorum again', async () => {
    const { product } = await twoOfThree();
    const item = await submittedItem(t, editor, { product });
    await decide(t, m1, item.id, 'medical', 'approve_with_changes');
    const quorum = await decide(t, m2, item.id, 'medical');
    expect(quorum.body.lanes.medical).toBe('approved_with_changes');
    await decide(t, marketing, item.id, 'marketing');
    expect((await decide(t, regulatory, item.id, 'regulatory')).body.status).toBe('approved_with_changes');

    await uploadVersion(t, editor, item.id);
    const confirming = (await t.http(editor.token).post(`/api/content-items/${item.id}/submit`)).body as ContentItem;
    expect(confirming.lanes).toEqual({ marketing: 'carried_forward', medical: 'pending', regulatory: 'carried_forward' });
    expect(Object.keys(confirming.laneProgress)).toEqual(['medical']);
    // Only the carried lanes' approvals carry: m2's plain medical approval is confirmed afresh like the lane.
    const carried = await t.dataSource.query(`select lane from review_decision where item_id = $1 and version_number = 2 order by lane`, [item.id]);
    expect(carried).toEqual([{ lane: 'marketing' }, { lane: 'regulatory' }]);

    expect((await decide(t, m3, item.id, 'medical', 'approve_with_changes')).status).toBe(409);
    expect((await decide(t, m3, item.id, 'medical')).body.lanes.medical).toBe('pending');
    const approved = await decide(t, m1, item.id, 'medical');
    expect(approved.body).toMatchObject({ status: 'approved', approvedVersion: { number: 2 } });
  });

  it('staffs the lanes an escalation opens with their group, on the same round', async () => {
    const source = await submittedItem(t, editor, { claimIds: [] });
    for (const [who, lane] of [[marketing, 'marketing'], [m3, 'medical'], [regulatory, 'regulatory']] as const) expect((await decide(t, who, source.id, lane)).status).toBe(200);
    const { product, groupId } = await twoOfThree();
    const reuse = await submittedItem(t, editor, { claimIds: [], sourceItemId: source.id, product });
    expect(reuse).toMatchObject({ fastTrack: true, requiredLanes: ['regulatory'] });
    expect(Object.keys(reuse.laneProgress)).toEqual(['regulatory']);
    const escalated = await t.http(regulatory.token).post(`/api/content-items/${reuse.id}/escalate`, { reason: 'New layout', versionId: reuse.versions[0].id, password: regulatory.password });
    expect(escalated.status).toBe(200);
    expect(escalated.body.laneProgress).toMatchObject({ medical: { groupId, required: 2, approvals: 0 }, marketing: { groupId: null }, regulatory: { groupId: null } });
    expect((await decide(t, m1, reuse.id, 'medical')).body.lanes.medical).toBe('pending');
    expect((await decide(t, m2, reuse.id, 'medical')).body.lanes.medical).toBe('approved');
  });

  it('closes the open tasks of a round a withdrawn claim halts', async () => {
    const claim = await approvedClaim(t, { editor, medical: m3, regulatory });
    const item = await submittedItem(t, editor, { claimIds: [claim.id] });
    expect((await decide(t, m1, item.id, 'medical')).status).toBe(200);
    const withdrawn = await t.http(m3.token).post(`/api/claims/${claim.id}/withdraw`, { reason: 'New safety data', password: m3.password });
    expect(withdrawn.status).toBe(200);
    expect((await itemAs(editor, item.id)).status).toBe('changes_requested');
    const tasks = await t.dataSource.query(`select lane, status, closed_reason from review_task where item_id = $1 and status <> 'done' group by lane, status, closed_reason order by lane`, [item.id]);
    // Medical had its approval (its other members' tasks closed then); the lanes still waiting end with the round.
    expect(tasks).toEqual([
      { lane: 'marketing', status: 'closed', closed_reason: 'round_halted' },
      { lane: 'medical', status: 'closed', closed_reason: 'quorum_reached' },
      { lane: 'regulatory', status: 'closed', closed_reason: 'round_halted' },
    ]);
  });

  it('refuses a submission whose group has nobody who may decide (409 naming the lane), and one short of its quorum', async () => {
    const authorReviewer = await t.newUser(['editor', 'medical_reviewer'], 'Dr Editor Reviewer');
    const solo = aProduct('Solo');
    await newReviewGroup(t, admin, { name: `Authors ${solo}`, lane: 'medical', memberIds: [authorReviewer.id], quorum: { rule: 'any' }, products: [solo] });
    const own = await newItem(t, authorReviewer, { product: solo });
    await uploadVersion(t, authorReviewer, own.id);
    const refused = await t.http(authorReviewer.token).post(`/api/content-items/${own.id}/submit`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('no_eligible_reviewer');
    expect(refused.body.message).toMatch(/the medical lane \(group “Authors Solo [^”]+”\): no member may decide it/);
    expect((await t.http(authorReviewer.token).get(`/api/content-items/${own.id}`)).body.status).toBe('draft');

    const short = aProduct('Short');
    await newReviewGroup(t, admin, { lane: 'medical', memberIds: [authorReviewer.id, m1.id], quorum: { rule: 'n_of_m', n: 2 }, products: [short] });
    const shortItem = await newItem(t, authorReviewer, { product: short });
    await uploadVersion(t, authorReviewer, shortItem.id);
    const shortOfQuorum = await t.http(authorReviewer.token).post(`/api/content-items/${shortItem.id}/submit`);
    expect(shortOfQuorum.status).toBe(409);
    expect(shortOfQuorum.body.message).toMatch(/the medical lane .*it needs 2 approvals and only 1 member may decide it/);

    const pair = aProduct('Pair');
    await newReviewGroup(t, admin, { lane: 'medical', memberIds: [authorReviewer.id, m1.id], quorum: { rule: 'all' }, products: [pair] });
    await newReviewGroup(t, admin, { lane: 'regulatory', memberIds: [regulatory.id], quorum: { rule: 'n_of_m', n: 1 }, products: [pair] });
    const item = await submittedItem(t, authorReviewer, { product: pair });
    // "all" is all who may decide: the author is not one of them.
    expect(item.laneProgress.medical).toMatchObject({ required: 1, members: [{ id: m1.id }] });
  });

  it('uses the most specific group: product and market, then product, then market, then the default', async () => {
    const product = aProduct('Respira');
    const byMarket = await newReviewGroup(t, admin, { lane: 'marketing', memberIds: [marketing.id], quorum: { rule: 'any' }, markets: ['BE'] });
    const byProduct = await newReviewGroup(t, admin, { lane: 'marketing', memberIds: [marketing.id], quorum: { rule: 'any' }, products: [product] });
    const both = await newReviewGroup(t, admin, { lane: 'marketing', memberIds: [marketing.id], quorum: { rule: 'all' }, products: [product], markets: ['BE'] });
    const lanesOf = async (overrides: Record<string, unknown>) => (await submittedItem(t, editor, overrides)).laneProgress.marketing?.groupId ?? null;
    expect(await lanesOf({ product, market: 'BE' })).toBe(both.id);
    expect(await lanesOf({ product, market: 'DE' })).toBe(byProduct.id);
    expect(await lanesOf({ product: aProduct('Other'), market: 'BE' })).toBe(byMarket.id);
    expect(await lanesOf({ market: 'DE' })).toBeNull();
    for (const g of [byMarket, byProduct, both]) expect((await t.http(admin.token).patch(`/api/review-groups/${g.id}`, { active: false })).status).toBe(200);
  });

  it('validates groups: members hold the lane’s role, n fits the members, names and lane defaults are unique', async () => {
    const base = { lane: 'medical', memberIds: [m1.id, m2.id], quorum: { rule: 'n_of_m', n: 2 }, products: [aProduct()] };
    const wrongRole = await t.http(admin.token).post('/api/review-groups', { ...base, name: 'Wrong role', memberIds: [m1.id, marketing.id] });
    expect(wrongRole.status).toBe(400);
    expect(wrongRole.body.message).toMatch(/Marc Lefèvre does not hold medical_reviewer/);
    expect((await t.http(admin.token).post('/api/review-groups', { ...base, name: 'Too many', quorum: { rule: 'n_of_m', n: 3 } })).status).toBe(400);
    expect((await t.http(admin.token).post('/api/review-groups', { ...base, name: 'No n', quorum: { rule: 'n_of_m' } })).status).toBe(400);
    await t.http(admin.token).patch(`/api/users/${m3.id}`, { active: false });
    expect((await t.http(admin.token).post('/api/review-groups', { ...base, name: 'Inactive', memberIds: [m3.id] })).status).toBe(400);
    await t.http(admin.token).patch(`/api/users/${m3.id}`, { active: true });
    expect((await t.http(editor.token).post('/api/review-groups', { ...base, name: 'Not admin' })).status).toBe(403);

    const saved = await newReviewGroup(t, admin, { ...base, name: 'Cardiologie' });
    expect((await t.http(admin.token).post('/api/review-groups', { ...base, name: 'CARDIOLOGIE' })).status).toBe(409);
    const shrunk = await t.http(admin.token).patch(`/api/review-groups/${saved.id}`, { memberIds: [m1.id] });
    expect(shrunk.status).toBe(400);
    const edited = await t.http(admin.token).patch(`/api/review-groups/${saved.id}`, { memberIds: [m1.id, m2.id, m3.id], quorum: { rule: 'all' } });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ quorum: { rule: 'all' }, members: [{ name: 'Dr Anne Aubert' }, { name: 'Dr Bruno Blanc' }, { name: 'Dr Chloé Caron' }] });
    expect((await t.http(admin.token).get('/api/review-groups')).body.map((g: { id: string }) => g.id)).toContain(saved.id);

    // Last: a default group (no product, no market) staffs the lane of every item no other group covers.
    const fallback = await newReviewGroup(t, admin, { lane: 'regulatory', memberIds: [regulatory.id], quorum: { rule: 'any' } });
    const second = await t.http(admin.token).post('/api/review-groups', { name: 'Second default', lane: 'regulatory', memberIds: [regulatory.id], quorum: { rule: 'any' } });
    expect(second.status).toBe(409);
    expect(second.body.message).toMatch(/already has a default group/);
    expect((await submittedItem(t, editor)).laneProgress.regulatory?.groupId).toBe(fallback.id);
  });
});
