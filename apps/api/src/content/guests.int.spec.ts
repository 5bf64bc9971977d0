import type { ContentItem } from '@vetted/contracts';
import { approveAllLanes, decide, invitedGuest, inviteToken, newItem, newReviewTeam, submittedItem, uploadVersion, type ReviewTeam } from '../testing/content-factory.js';
import { createTestApp, TEST_PASSWORD, type TestApp, type TestUser } from '../testing/test-app.js';

const LIMIT = 4;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

describe('agency guests: invited to one item, they see it and nothing else', () => {
  let t: TestApp;
  let team: ReviewTeam, admin: TestUser, otherEditor: TestUser;

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_MAX_FAILURES: String(LIMIT), TRUST_PROXY: 'true' });
    team = await newReviewTeam(t);
    admin = await t.newUser(['admin']);
    otherEditor = await t.newUser(['editor']);
  });
  afterAll(() => t?.close());

  it('the owner invites a guest and gets a one-time link; the guest chooses a password and signs in', async () => {
    const item = await newItem(t, team.editor);
    const refused = await t.http(otherEditor.token).post(`/api/content-items/${item.id}/guests`, { email: 'x@agency.test', name: 'X', expiresAt: inDays(10) });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('not_item_owner');
    const staffEmail = await t.http(team.editor.token).post(`/api/content-items/${item.id}/guests`, { email: team.medical.email, name: 'X', expiresAt: inDays(10) });
    expect(staffEmail.status).toBe(409);
    expect((await t.http(team.editor.token).post(`/api/content-items/${item.id}/guests`, { email: 'late@agency.test', name: 'Late', expiresAt: inDays(-1) })).status).toBe(400);

    const invited = await t.http(team.editor.token).post(`/api/content-items/${item.id}/guests`, { email: 'Studio@Agency.test', name: 'Studio Lumière', expiresAt: inDays(30) });
    expect(invited.status).toBe(201);
    expect(invited.body.inviteUrl).toMatch(/\/accept-invite#token=[A-Za-z0-9_-]{43}$/);
    const token = inviteToken(invited.body.inviteUrl);
    // Stored hashed only, and never in the audit trail.
    const [stored] = await t.dataSource.query(`select token_hash from guest_invitation where guest_id = $1`, [invited.body.guestId]);
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.token_hash).not.toContain(token);
    expect(JSON.stringify((await t.http(team.editor.token).get(`/api/content-items/${item.id}/audit`)).body)).not.toContain(token);
    const listed = await t.http(team.editor.token).get(`/api/content-items/${item.id}/guests`);
    expect(listed.body.guests).toEqual([expect.objectContaining({ guestId: invited.body.guestId, email: 'studio@agency.test', status: 'invited' })]);

    // Before accepting, no password works.
    expect((await t.http().post('/api/auth/login', { email: 'studio@agency.test', password: '!invited' })).status).toBe(401);
    expect((await t.http().post('/api/auth/accept-invite', { token, password: 'short' })).status).toBe(400);
    const accepted = await t.http().post('/api/auth/accept-invite', { token, password: TEST_PASSWORD });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ email: 'studio@agency.test' });
    const reused = await t.http().post('/api/auth/accept-invite', { token, password: TEST_PASSWORD });
    expect(reused.status).toBe(401);
    expect(reused.body.code).toBe('invitation_invalid');

    const login = await t.http().post('/api/auth/login', { email: 'studio@agency.test', password: TEST_PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ roles: ['agency'], guestItemIds: [item.id] });
    expect((await t.http(team.editor.token).get(`/api/content-items/${item.id}/guests`)).body.guests[0].status).toBe('active');
    // Admins cannot make guests, nor give a guest a staff role.
    expect((await t.http(admin.token).post('/api/users', { email: 'g@agency.test', name: 'G', password: TEST_PASSWORD, roles: ['agency'] })).status).toBe(400);
    expect((await t.http(admin.token).patch(`/api/users/${invited.body.guestId}`, { roles: ['editor'] })).status).toBe(409);
  });

  it('gives a guest 404 on every item, file and list they were not invited to, and 403 on decisions', async () => {
    const theirs = await submittedItem(t, team.editor, { title: 'Their item' });
    const other = await submittedItem(t, team.editor, { title: 'Not theirs' });
    const approved = await submittedItem(t, team.editor, { title: 'Approved elsewhere' });
    await approveAllLanes(t, team, approved.id);
    const guest = await invitedGuest(t, team.editor, theirs.id);
    const as = t.http(guest.token);

    const notFound = [
      `/api/content-items/${other.id}`,
      `/api/content-items/${other.id}/versions/1/original`,
      `/api/content-items/${other.id}/versions/1/preview`,
      `/api/content-items/${other.id}/versions/1/thumbnail`,
      `/api/content-items/${other.id}/comments`,
      `/api/content-items/${other.id}/reviews`,
      `/api/content-items/${other.id}/audit`,
      `/api/content-items/${other.id}/guests`,
      `/api/library`,
      `/api/library/${approved.id}`,
      `/api/library/${approved.id}/download`,
      `/api/agenda?from=2026-01-01&to=2026-12-31`,
      `/api/calendar/saturation?from=2026-12-01&to=2026-12-31`,
      `/api/audit`,
      `/api/users`,
      `/api/review-groups`,
      `/api/reviews/inbox`,
    ];
    for (const path of notFound) expect([path, (await as.get(path)).status]).toEqual([path, 404]);
    const otherVersion = other.versions[0].id;
    expect((await as.post(`/api/content-items/${other.id}/reviews`, { lane: 'medical', decision: 'approve', versionId: otherVersion, password: TEST_PASSWORD })).status).toBe(404);
    expect((await as.post(`/api/content-items/${other.id}/comments`, { versionNumber: 1, body: 'Hello' })).status).toBe(404);

    // Their own item: readable, its files and discussion too; the list holds it alone.
    expect((await as.get(`/api/content-items/${theirs.id}`)).status).toBe(200);
    expect((await as.get(`/api/content-items/${theirs.id}/versions/1/original`)).status).toBe(200);
    expect((await as.get(`/api/content-items/${theirs.id}/reviews`)).status).toBe(200);
    const list = await as.get('/api/content-items?pageSize=500');
    expect(list.body.items.map((i: ContentItem) => i.id)).toEqual([theirs.id]);
    expect((await as.post(`/api/content-items/${theirs.id}/comments`, { versionNumber: 1, body: 'Nous corrigeons la légende.' })).status).toBe(201);

    // Never a decision, nor an owner's act.
    const versionId = theirs.versions[0].id;
    const decision = await as.post(`/api/content-items/${theirs.id}/reviews`, { lane: 'marketing', decision: 'approve', versionId, password: TEST_PASSWORD });
    expect(decision.status).toBe(403);
    expect(decision.body.message).toMatch(/never sign review decisions/);
    expect((await as.post(`/api/content-items/${theirs.id}/periodic-review`, { decision: 'recertify', versionId, password: TEST_PASSWORD })).status).toBe(403);
    expect((await as.post(`/api/content-items/${theirs.id}/withdraw`, { reason: 'x', versionId, password: TEST_PASSWORD })).status).toBe(403);
    expect((await as.post(`/api/content-items/${theirs.id}/submit`)).status).toBe(403);
    expect((await as.patch(`/api/content-items/${theirs.id}`, { title: 'Renamed' })).status).toBe(403);
    expect((await as.post(`/api/content-items/${theirs.id}/guests`, { email: 'friend@agency.test', name: 'F', expiresAt: inDays(3) })).status).toBe(403);
    expect((await as.post('/api/content-items', { title: 'x', format: 'video', plannedAt: '2026-12-01' })).status).toBe(404);
  });

  it('lets a guest upload the corrected version after changes were requested, which they then may not review', async () => {
    const item = await submittedItem(t, team.editor);
    const guest = await invitedGuest(t, team.editor, item.id);
    expect((await decide(t, team.medical, item.id, 'medical', 'request_changes')).body.status).toBe('changes_requested');
    const version = await uploadVersion(t, guest, item.id);
    expect(version.number).toBe(2);
    const [{ created_by }] = await t.dataSource.query(`select created_by from content_version where id = $1`, [version.id]);
    expect(created_by).toBe(guest.id);
    expect((await t.http(team.editor.token).post(`/api/content-items/${item.id}/submit`)).body.currentVersion).toBe(2);
  });

  it('refuses sign-in once the invitation expired, and ends the guest’s sessions on revocation', async () => {
    const expiring = await newItem(t, team.editor);
    const guest = await invitedGuest(t, team.editor, expiring.id);
    expect((await t.http(guest.token).get('/api/auth/me')).status).toBe(200);
    await t.dataSource.query(`update guest_invitation set expires_at = now() - interval '1 second' where guest_id = $1`, [guest.id]);
    expect((await t.http(guest.token).get('/api/auth/me')).status).toBe(401);
    const late = await t.http().post('/api/auth/login', { email: guest.email, password: TEST_PASSWORD });
    expect(late.status).toBe(401);
    expect(late.body.code).toBe('guest_access_ended');
    expect((await t.http(team.editor.token).get(`/api/content-items/${expiring.id}/guests`)).body.guests[0].status).toBe('expired');

    const revoking = await newItem(t, team.editor);
    const revoked = await invitedGuest(t, team.editor, revoking.id);
    expect((await t.http(otherEditor.token).delete(`/api/content-items/${revoking.id}/guests/${revoked.id}`)).status).toBe(403);
    expect((await t.http(team.editor.token).delete(`/api/content-items/${revoking.id}/guests/${revoked.id}`)).status).toBe(204);
    expect((await t.http(team.editor.token).delete(`/api/content-items/${revoking.id}/guests/${revoked.id}`)).status).toBe(404);
    expect((await t.http(revoked.token).get('/api/auth/me')).status).toBe(401);
    const [{ open }] = await t.dataSource.query(`select count(*)::int as open from user_session where user_id = $1 and revoked_at is null`, [revoked.id]);
    expect(open).toBe(0);
    expect((await t.http().post('/api/auth/login', { email: revoked.email, password: TEST_PASSWORD })).body.code).toBe('guest_access_ended');

    // Invited again, the same guest confirms the password they chose and is back.
    const again = await t.http(team.editor.token).post(`/api/content-items/${revoking.id}/guests`, { email: revoked.email, name: revoked.name, expiresAt: inDays(5) });
    expect(again.status).toBe(201);
    expect((await t.http().post('/api/auth/accept-invite', { token: inviteToken(again.body.inviteUrl), password: 'not-the-password-chosen' })).status).toBe(401);
    expect((await t.http().post('/api/auth/accept-invite', { token: inviteToken(again.body.inviteUrl), password: TEST_PASSWORD })).status).toBe(200);
    expect((await t.http().post('/api/auth/login', { email: revoked.email, password: TEST_PASSWORD })).status).toBe(200);
  });

  it('a new link replaces an unused one, and an expired link is refused', async () => {
    const item = await newItem(t, team.editor);
    const body = { email: 'renew@agency.test', name: 'Renew', expiresAt: inDays(20) };
    const first = await t.http(team.editor.token).post(`/api/content-items/${item.id}/guests`, body);
    const second = await t.http(team.editor.token).post(`/api/content-items/${item.id}/guests`, body);
    expect(second.body.guestId).toBe(first.body.guestId);
    expect((await t.http().post('/api/auth/accept-invite', { token: inviteToken(first.body.inviteUrl), password: TEST_PASSWORD })).status).toBe(401);
    await t.dataSource.query(`update guest_invitation set token_expires_at = now() - interval '1 second' where guest_id = $1`, [second.body.guestId]);
    expect((await t.http().post('/api/auth/accept-invite', { token: inviteToken(second.body.inviteUrl), password: TEST_PASSWORD })).body.code).toBe('invitation_invalid');
  });

  it('throttles invitation tokens like sign-ins', async () => {
    const from = { 'x-forwarded-for': '198.51.100.61' };
    for (let i = 0; i < LIMIT; i++) {
      expect((await t.http().send('POST', '/api/auth/accept-invite', { token: `guess-${i}`, password: TEST_PASSWORD }, from)).status).toBe(401);
    }
    const throttled = await t.http().send<{ code: string }>('POST', '/api/auth/accept-invite', { token: 'guess-again', password: TEST_PASSWORD }, from);
    expect(throttled.status).toBe(429);
    expect(throttled.body.code).toBe('too_many_attempts');
  });
});
