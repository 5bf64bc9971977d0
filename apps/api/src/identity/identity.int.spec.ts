import { createTestApp, TEST_PASSWORD, type TestApp } from '../testing/test-app.js';

describe('identity: login, sessions, users', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_MAX_FAILURES: '3' });
  });
  afterAll(() => t?.close());

  it('logs in with an httpOnly SameSite=Lax cookie and a bearer token that both work', async () => {
    const user = await t.newUser(['editor'], 'Émilie Durand');
    const res = await t.http().post('/api/auth/login', { email: user.email.toUpperCase(), password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.user).toEqual({ id: user.id, email: user.email, name: 'Émilie Durand', roles: ['editor'] });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^vetted_session=[\w-]+;/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const viaCookie = await t.http().send('GET', '/api/auth/me', undefined, { cookie: cookie.split(';')[0] });
    expect(viaCookie.status).toBe(200);
    expect((await t.http(res.body.accessToken).get('/api/auth/me')).body.email).toBe(user.email);
  });

  it('answers a wrong password and an unknown email with the same 401 message', async () => {
    const user = await t.newUser(['rep']);
    const wrong = await t.http().post('/api/auth/login', { email: user.email, password: 'not-the-password' });
    const unknown = await t.http().post('/api/auth/login', { email: 'nobody@test.local', password: 'whatever-password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.message).toBe(unknown.body.message);
    expect(wrong.body.code).toBe('wrong_credentials');
    expect(wrong.body.message).not.toMatch(/email (is|was) (unknown|not found)|password (is|was) wrong/i);
  });

  it('throttles repeated failures on one account with 429 and Retry-After, even for the right password', async () => {
    const user = await t.newUser(['rep']);
    for (let i = 0; i < 3; i++) expect((await t.http().post('/api/auth/login', { email: user.email, password: 'bad-password' })).status).toBe(401);
    const blocked = await t.http().post('/api/auth/login', { email: user.email, password: TEST_PASSWORD });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(blocked.body.message).toMatch(/Too many failed password attempts/);
    expect(blocked.body).toMatchObject({ code: 'too_many_attempts', details: { retryAfterSeconds: expect.any(Number) } });
  });

  it('logout ends the session at once', async () => {
    const user = await t.newUser(['editor']);
    expect((await t.http(user.token).post('/api/auth/logout')).status).toBe(204);
    expect((await t.http(user.token).get('/api/auth/me')).status).toBe(401);
  });

  it('ends a session idle for longer than the idle limit', async () => {
    const user = await t.newUser(['editor']);
    await t.dataSource.query(`update user_session set last_seen_at = now() - interval '31 minutes' where user_id = $1`, [user.id]);
    expect((await t.http(user.token).get('/api/auth/me')).status).toBe(401);
  });

  it('lets an admin create, list and deactivate users; a deactivated user is locked out and their tokens stop at once', async () => {
    const admin = await t.newUser(['admin']);
    const created = await t.http(admin.token).post('/api/users', { email: 'New.Reviewer@Test.local', name: 'Nouveau', password: 'a-long-enough-password', roles: ['medical_reviewer', 'regulatory_reviewer'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: 'new.reviewer@test.local', roles: ['medical_reviewer', 'regulatory_reviewer'], active: true });
    expect(created.body).not.toHaveProperty('passwordHash');
    const duplicate = await t.http(admin.token).post('/api/users', { email: 'new.reviewer@test.local', name: 'Again', password: 'a-long-enough-password', roles: ['rep'] });
    expect(duplicate.status).toBe(409);
    const login = await t.http().post('/api/auth/login', { email: 'new.reviewer@test.local', password: 'a-long-enough-password' });
    expect(login.status).toBe(200);

    const off = await t.http(admin.token).patch(`/api/users/${created.body.id}`, { active: false });
    expect(off.status).toBe(200);
    expect((await t.http(login.body.accessToken).get('/api/auth/me')).status).toBe(401);
    expect((await t.http().post('/api/auth/login', { email: 'new.reviewer@test.local', password: 'a-long-enough-password' })).status).toBe(401);
    const listed = await t.http(admin.token).get('/api/users');
    expect(listed.body.find((u: { id: string }) => u.id === created.body.id).active).toBe(false);
  });

  it('refuses bad user input with a 400 that names each problem', async () => {
    const admin = await t.newUser(['admin']);
    const res = await t.http(admin.token).post('/api/users', { email: 'not-an-email', name: '', password: 'short', roles: ['pope'] });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/email/);
    expect(res.body.message).toMatch(/password: password must be at least 12 characters/);
    expect(res.body.message).toMatch(/roles/);
  });
});
