import type { Notification, NotificationList } from '@vetted/contracts';
import { ReviewRemindersService } from '../review/review-reminders.service.js';
import { aProduct, approveAllLanes, currentVersionId, decide, newReviewGroup, newReviewTeam, submittedItem, type ReviewTeam } from '../testing/content-factory.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';

describe('in-app notifications', () => {
  let t: TestApp;
  let team: ReviewTeam;

  beforeAll(async () => {
    t = await createTestApp();
    team = await newReviewTeam(t);
  });
  afterAll(() => t?.close());

  async function mine(user: TestUser, query = ''): Promise<NotificationList> {
    const res = await t.http(user.token).get(`/api/notifications${query}`);
    expect(res.status).toBe(200);
    return res.body;
  }
  const about = async (user: TestUser, itemId: string): Promise<Notification[]> => (await mine(user)).notifications.filter((n) => n.itemId === itemId);

  it('tells each lane’s reviewers of their new task when an item is submitted, and not its editor', async () => {
    const item = await submittedItem(t, team.editor, { title: 'Tâche pour les relecteurs' });
    for (const lane of ['marketing', 'medical', 'regulatory'] as const) {
      const [n] = await about(team[lane], item.id);
      expect(n).toMatchObject({ type: 'task_assigned', readAt: null, params: { itemTitle: 'Tâche pour les relecteurs', lane } });
      expect(n.params.dueAt).toBeTruthy();
    }
    expect(await about(team.editor, item.id)).toEqual([]);
  });

  it('counts unread ones, marks one or all read, and keeps each user to their own', async () => {
    await submittedItem(t, team.editor);
    const before = await mine(team.medical);
    expect(before.unread).toBeGreaterThanOrEqual(2);
    const first = before.notifications[0];
    const read = await t.http(team.medical.token).post(`/api/notifications/${first.id}/read`);
    expect(read.status).toBe(200);
    expect(read.body.readAt).toBeTruthy();
    expect((await mine(team.medical)).unread).toBe(before.unread - 1);
    expect((await mine(team.medical, '?unread=true')).notifications.map((n) => n.id)).not.toContain(first.id);
    // Someone else's notification is unknown to them.
    expect((await t.http(team.marketing.token).post(`/api/notifications/${first.id}/read`)).status).toBe(404);
    const all = await t.http(team.medical.token).post('/api/notifications/read-all');
    expect(all.status).toBe(200);
    expect(all.body.marked).toBe(before.unread - 1);
    expect((await mine(team.medical)).unread).toBe(0);
    expect((await mine(team.marketing)).unread).toBeGreaterThan(0);
  });

  it('refuses an unknown query parameter and a bad page', async () => {
    expect((await t.http(team.medical.token).get('/api/notifications?unread=maybe')).status).toBe(400);
    expect((await t.http(team.medical.token).get('/api/notifications?page=0')).status).toBe(400);
    expect((await t.http(team.medical.token).get('/api/notifications?status=open')).status).toBe(400);
  });

  it('tells the editor when changes are requested, with the reviewer’s comment', async () => {
    const item = await submittedItem(t, team.editor);
    const res = await t.http(team.medical.token).post(`/api/content-items/${item.id}/reviews`, {
      lane: 'medical',
      decision: 'request_changes',
      versionId: await currentVersionId(t, team.medical, item.id),
      password: team.medical.password,
      comment: 'La référence 3 ne soutient pas l’allégation',
    });
    expect(res.status).toBe(200);
    const [n] = await about(team.editor, item.id);
    expect(n).toMatchObject({ type: 'changes_requested', params: { lane: 'medical', actorName: 'Dr Claire Martin', excerpt: 'La référence 3 ne soutient pas l’allégation' } });
  });

  it('tells the editor when the item is approved, then withdrawn', async () => {
    const item = await submittedItem(t, team.editor);
    await approveAllLanes(t, team, item.id);
    expect((await about(team.editor, item.id)).map((n) => n.type)).toEqual(['item_approved']);
    const withdrawn = await t.http(team.regulatory.token).post(`/api/content-items/${item.id}/withdraw`, {
      reason: 'Étude retirée',
      versionId: await currentVersionId(t, team.regulatory, item.id),
      password: team.regulatory.password,
    });
    expect(withdrawn.status).toBe(200);
    const told = await about(team.editor, item.id);
    expect(told.map((n) => n.type)).toEqual(['item_withdrawn', 'item_approved']);
    expect(told[0].params).toMatchObject({ actorName: 'Sophie Bernard', excerpt: 'Étude retirée' });
  });

  it('tells a delegate of a task of the colleague they cover for', async () => {
    const away = await t.newUser(['marketing_reviewer'], 'Paul Absent');
    const cover = await t.newUser(['marketing_reviewer'], 'Nina Remplace');
    const set = await t.http(away.token).send<any>('PUT', '/api/users/me/out-of-office', { from: new Date(Date.now() - 3600_000).toISOString(), to: new Date(Date.now() + 86_400_000).toISOString(), delegateId: cover.id });
    expect(set.status).toBe(200);
    // The group staffs the lane with the absent member only: the delegate has no task of their own.
    const product = aProduct();
    await newReviewGroup(t, await t.newUser(['admin']), { lane: 'marketing', memberIds: [away.id], quorum: { rule: 'any' }, products: [product] });
    const item = await submittedItem(t, team.editor, { product });
    const told = await about(cover, item.id);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ type: 'task_assigned', params: { lane: 'marketing', onBehalfOfName: 'Paul Absent' } });
    expect((await about(away, item.id)).map((n) => n.params.onBehalfOfName ?? null)).toEqual([null]);
  });

  it('tells the people a comment mentions, by name or e-mail, and not its author', async () => {
    const item = await submittedItem(t, team.editor);
    const local = team.regulatory.email.split('@')[0];
    const res = await t.http(team.marketing.token).post(`/api/content-items/${item.id}/comments`, {
      versionNumber: 1,
      body: `@ClaireMartin peux-tu vérifier ? cc @${local} @MarcLefevre`,
    });
    expect(res.status).toBe(201);
    const medical = (await about(team.medical, item.id)).filter((n) => n.type === 'mentioned');
    expect(medical).toHaveLength(1);
    expect(medical[0].params).toMatchObject({ actorName: 'Marc Lefèvre', threadId: res.body.id });
    expect((await about(team.regulatory, item.id)).filter((n) => n.type === 'mentioned')).toHaveLength(1);
    expect((await about(team.marketing, item.id)).filter((n) => n.type === 'mentioned')).toEqual([]);
    expect((await about(team.editor, item.id)).filter((n) => n.type === 'mentioned')).toEqual([]);
  });

  it('reminds of tasks due within a day and overdue, and of approvals running out in 30 days, once each', async () => {
    const soon = await submittedItem(t, team.editor);
    const late = await submittedItem(t, team.editor);
    const approved = await submittedItem(t, team.editor);
    await approveAllLanes(t, team, approved.id);
    await t.dataSource.query(`update review_task set due_at = now() + interval '5 hours' where item_id = $1`, [soon.id]);
    await t.dataSource.query(`update review_task set due_at = now() - interval '1 hour' where item_id = $1`, [late.id]);
    await t.dataSource.query(`update item_review set expires_at = now() + interval '20 days' where item_id = $1`, [approved.id]);
    const reminders = t.app.get(ReviewRemindersService);
    await reminders.remindDue();
    await reminders.remindDue();
    expect((await about(team.medical, soon.id)).map((n) => n.type)).toEqual(['task_due_soon', 'task_assigned']);
    expect((await about(team.medical, late.id)).map((n) => n.type)).toEqual(['task_overdue', 'task_assigned']);
    const expiring = (await about(team.editor, approved.id)).filter((n) => n.type === 'item_expiring');
    expect(expiring).toHaveLength(1);
    // A task decided since is not reminded of.
    expect((await decide(t, team.marketing, late.id, 'marketing')).status).toBe(200);
    await t.dataSource.query(`delete from notification where dedupe_key like 'task_overdue:%'`);
    await reminders.remindDue();
    expect((await about(team.marketing, late.id)).map((n) => n.type)).not.toContain('task_overdue');
  });

  it('keeps each user’s e-mail preference and language, and refuses unknown values', async () => {
    const http = t.http(team.rep.token);
    expect((await http.get('/api/users/me/notification-settings')).body).toEqual({ email: 'instant', locale: 'en' });
    const put = await http.send<any>('PUT', '/api/users/me/notification-settings', { email: 'daily', locale: 'fr' });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ email: 'daily', locale: 'fr' });
    expect((await http.send<any>('PUT', '/api/users/me/notification-settings', { locale: 'en' })).body).toEqual({ email: 'daily', locale: 'en' });
    expect((await http.send<any>('PUT', '/api/users/me/notification-settings', { email: 'hourly' })).status).toBe(400);
    expect((await http.send<any>('PUT', '/api/users/me/notification-settings', {})).status).toBe(400);
    expect((await t.http(team.editor.token).get('/api/users/me/notification-settings')).body).toEqual({ email: 'instant', locale: 'en' });
  });
});
