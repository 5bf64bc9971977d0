import type { ContentItem, Inbox } from '@vetted/contracts';
import { aProduct, approveAllLanes, decide, newReviewGroup, newReviewTeam, submittedItem, type ReviewTeam } from '../testing/content-factory.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';
import { ReviewService } from './review.service.js';

describe('the reviewer inbox, delegation and out of office', () => {
  let t: TestApp;
  let admin: TestUser, team: ReviewTeam, absent: TestUser, delegate: TestUser, third: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.newUser(['admin']);
    team = await newReviewTeam(t);
    absent = await t.newUser(['medical_reviewer'], 'Dr Absent Abadie');
    delegate = await t.newUser(['medical_reviewer'], 'Dr Delegate Dupont');
    third = await t.newUser(['medical_reviewer'], 'Dr Third Thomas');
  });
  afterAll(() => t?.close());

  const inbox = async (user: TestUser, query = '') => {
    const res = await t.http(user.token).get(`/api/reviews/inbox${query}`);
    expect(res.status).toBe(200);
    return res.body as Inbox;
  };
  const away = (user: TestUser, delegateId: string, from = new Date(Date.now() - 3_600_000), to = new Date(Date.now() + 7 * 86_400_000)) =>
    t.http(user.token).send<any>('PUT', '/api/users/me/out-of-office', { from: from.toISOString(), to: to.toISOString(), delegateId });

  it('lists my open tasks by due date with overdue flagged and counts, and moves them to done once decided', async () => {
    const later = await submittedItem(t, team.editor, { title: 'Later' });
    const late = await submittedItem(t, team.editor, { title: 'Late' });
    await t.dataSource.query(`update review_task set due_at = now() - interval '1 day' where item_id = $1`, [late.id]);
    await t.dataSource.query(`update review_task set due_at = now() + interval '10 days' where item_id = $1`, [later.id]);

    const open = await inbox(team.marketing);
    const mine = open.tasks.filter((x) => [later.id, late.id].includes(x.item.id));
    expect(mine.map((x) => [x.item.title, x.lane, x.overdue, x.kind])).toEqual([
      ['Late', 'marketing', true, 'lane_review'],
      ['Later', 'marketing', false, 'lane_review'],
    ]);
    expect(open.counts.overdue).toBeGreaterThanOrEqual(1);
    expect(open.tasks.map((x) => x.dueAt)).toEqual([...open.tasks.map((x) => x.dueAt)].sort((a, b) => (a ?? '9').localeCompare(b ?? '9')));

    expect((await decide(t, team.marketing, late.id, 'marketing')).status).toBe(200);
    const after = await inbox(team.marketing);
    expect(after.tasks.map((x) => x.item.id)).not.toContain(late.id);
    expect(after.counts.open).toBe(open.counts.open - 1);
    const done = await inbox(team.marketing, '?status=done');
    expect(done.tasks.find((x) => x.item.id === late.id)).toMatchObject({ status: 'done', decision: 'approve', decidedBy: null });
    expect(done.total).toBe(after.counts.done);
    expect((await t.http(team.marketing.token).get('/api/reviews/inbox?status=nonsense')).status).toBe(400);
    expect((await t.http(team.marketing.token).get('/api/reviews/inbox?page=0')).status).toBe(400);
  });

  it('shows a lane closed by its quorum as done, never as waiting', async () => {
    const product = aProduct();
    await newReviewGroup(t, admin, { lane: 'medical', memberIds: [absent.id, delegate.id, third.id], quorum: { rule: 'any' }, products: [product] });
    const item = await submittedItem(t, team.editor, { product });
    expect((await inbox(third)).tasks.map((x) => x.item.id)).toContain(item.id);
    await decide(t, delegate, item.id, 'medical');
    expect((await inbox(third)).tasks.map((x) => x.item.id)).not.toContain(item.id);
    expect((await inbox(third, '?status=done')).tasks.find((x) => x.item.id === item.id)).toMatchObject({ status: 'closed', closedReason: 'quorum_reached' });
  });

  it('keeps open periodic reviews in the inbox of medical and regulatory reviewers', async () => {
    const item = await submittedItem(t, team.editor, { title: 'Due for recertification' });
    await approveAllLanes(t, team, item.id);
    await t.dataSource.query(`update item_review set expires_at = now() + interval '10 days' where item_id = $1`, [item.id]);
    expect(await t.app.get(ReviewService).openDuePeriodicReviews()).toBeGreaterThanOrEqual(1);
    const entry = (await inbox(team.regulatory)).tasks.find((x) => x.item.id === item.id);
    expect(entry).toMatchObject({ kind: 'periodic_review', taskId: null, lane: null, status: 'open' });
    expect((await inbox(team.marketing)).tasks.map((x) => x.item.id)).not.toContain(item.id);
  });

  it('a delegate decides on behalf of an absent reviewer: the signature, the decision and the audit trail say so', async () => {
    const product = aProduct();
    await newReviewGroup(t, admin, { lane: 'medical', memberIds: [absent.id, third.id], quorum: { rule: 'all' }, products: [product] });
    const item = await submittedItem(t, team.editor, { product });
    // Not a member and covering nobody yet: not theirs to decide.
    expect((await decide(t, delegate, item.id, 'medical')).body.code).toBe('not_assigned');
    expect((await away(absent, delegate.id)).status).toBe(200);

    const covered = (await inbox(delegate)).tasks.find((x) => x.item.id === item.id);
    expect(covered).toMatchObject({ lane: 'medical', coveringFor: { id: absent.id, name: 'Dr Absent Abadie' } });
    const view = (await t.http(delegate.token).get(`/api/content-items/${item.id}`)).body as ContentItem;
    expect(view.laneProgress.medical?.members.find((m) => m.id === absent.id)?.coveredBy).toEqual({ id: delegate.id, name: 'Dr Delegate Dupont' });

    const signed = await decide(t, delegate, item.id, 'medical');
    expect(signed.status).toBe(200);
    expect(signed.body.lanes.medical).toBe('pending');
    const [signature] = await t.dataSource.query(
      `select s.signer_id, s.signer_name, s.on_behalf_of, s.meaning from signature s join review_decision d on d.signature_id = s.id where d.item_id = $1`,
      [item.id],
    );
    expect(signature).toEqual({ signer_id: delegate.id, signer_name: 'Dr Delegate Dupont', on_behalf_of: absent.id, meaning: 'approved: medical review, on behalf of Dr Absent Abadie' });
    const decisions = (await t.http(team.editor.token).get(`/api/content-items/${item.id}/reviews`)).body.decisions;
    expect(decisions).toEqual([expect.objectContaining({ reviewerId: delegate.id, onBehalfOf: { id: absent.id, name: 'Dr Absent Abadie' } })]);
    const trail = (await t.http(team.editor.token).get(`/api/content-items/${item.id}/audit`)).body.events as Array<{ actorId: string; after: { signed?: { onBehalfOf: unknown } } }>;
    expect(trail.find((e) => e.after.signed)).toMatchObject({ actorId: delegate.id, after: { signed: { onBehalfOf: { id: absent.id, name: 'Dr Absent Abadie' } } } });
    const member = (signed.body as ContentItem).laneProgress.medical?.members.find((m) => m.id === absent.id);
    expect(member).toMatchObject({ taskStatus: 'done', decidedBy: { id: delegate.id } });

    // The absent member's task is done; the delegate cannot sign a second time in the lane.
    expect((await decide(t, delegate, item.id, 'medical')).status).toBe(409);
    expect((await decide(t, absent, item.id, 'medical')).status).toBe(409);
    expect((await decide(t, third, item.id, 'medical')).body.lanes.medical).toBe('approved');
    expect((await inbox(delegate, '?status=done')).tasks.find((x) => x.item.id === item.id)).toMatchObject({ coveringFor: { id: absent.id }, decision: 'approve' });
    await t.http(absent.token).delete('/api/users/me/out-of-office');
  });

  it('stops covering when the absence ends or is cleared, and never lets a delegate decide their own item', async () => {
    const product = aProduct();
    const editorReviewer = await t.newUser(['editor', 'medical_reviewer'], 'Dr Editor Reviewer');
    await newReviewGroup(t, admin, { lane: 'medical', memberIds: [absent.id, third.id], quorum: { rule: 'any' }, products: [product] });
    const own = await submittedItem(t, editorReviewer, { product });
    expect((await away(absent, editorReviewer.id)).status).toBe(200);
    // The delegate wrote this one: not in their inbox, and refused if they try.
    expect((await inbox(editorReviewer)).tasks.map((x) => x.item.id)).not.toContain(own.id);
    const refused = await decide(t, editorReviewer, own.id, 'medical');
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('segregation_of_duties');

    const other = await submittedItem(t, team.editor, { product });
    expect((await inbox(editorReviewer)).tasks.map((x) => x.item.id)).toContain(other.id);
    expect((await t.http(absent.token).delete('/api/users/me/out-of-office')).status).toBe(204);
    expect((await inbox(editorReviewer)).tasks.map((x) => x.item.id)).not.toContain(other.id);
    expect((await decide(t, editorReviewer, other.id, 'medical')).body.code).toBe('not_assigned');

    // An absence that has not started yet covers nothing.
    const tomorrow = new Date(Date.now() + 86_400_000);
    expect((await away(absent, editorReviewer.id, tomorrow, new Date(tomorrow.getTime() + 86_400_000))).status).toBe(200);
    expect((await decide(t, editorReviewer, other.id, 'medical')).body.code).toBe('not_assigned');
    await t.http(absent.token).delete('/api/users/me/out-of-office');
  });

  it('validates out of office and shows admins who covers whom', async () => {
    expect((await away(absent, absent.id)).status).toBe(400);
    const wrongRole = await away(absent, team.marketing.id);
    expect(wrongRole.status).toBe(400);
    expect(wrongRole.body.message).toMatch(/does not hold medical_reviewer/);
    expect((await away(absent, delegate.id, new Date(Date.now() - 2 * 86_400_000), new Date(Date.now() - 86_400_000))).status).toBe(400);
    expect((await t.http(absent.token).send('PUT', '/api/users/me/out-of-office', { from: '2026-12-10', to: '2026-12-01', delegateId: delegate.id })).status).toBe(400);
    expect((await away(team.editor, delegate.id)).status).toBe(403);

    const candidates = (await t.http(absent.token).get('/api/users/me/delegates')).body as Array<{ id: string }>;
    expect(candidates.map((c) => c.id)).toEqual(expect.arrayContaining([delegate.id, third.id]));
    expect(candidates.map((c) => c.id)).not.toContain(team.marketing.id);

    expect((await away(absent, delegate.id)).status).toBe(200);
    expect((await t.http(absent.token).get('/api/users/me/out-of-office')).body).toMatchObject({ delegateId: delegate.id, delegateName: 'Dr Delegate Dupont', active: true });
    const users = (await t.http(admin.token).get('/api/users')).body as Array<{ id: string; outOfOffice: unknown; covering: unknown }>;
    expect(users.find((u) => u.id === absent.id)?.outOfOffice).toMatchObject({ delegateId: delegate.id, active: true });
    expect(users.find((u) => u.id === delegate.id)?.covering).toEqual([expect.objectContaining({ id: absent.id, name: 'Dr Absent Abadie' })]);
    expect((await t.http(absent.token).delete('/api/users/me/out-of-office')).status).toBe(204);
    expect((await t.http(absent.token).get('/api/users/me/out-of-office')).body).toBeNull();
  });
});
