import { createTestApp, TEST_PASSWORD, type TestApp } from '../testing/test-app.js';

const LIMIT = 4;

describe('login throttling', () => {
  let t: TestApp;
  let other: TestApp;
  beforeAll(async () => {
    // TRUST_PROXY so each request can say which client address it comes from (X-Forwarded-For).
    t = await createTestApp({ LOGIN_MAX_FAILURES: String(LIMIT), TRUST_PROXY: 'true' });
    // A second API process on the same database: the limits must hold across replicas.
    other = await createTestApp({ LOGIN_MAX_FAILURES: String(LIMIT), TRUST_PROXY: 'true' }, { databaseUrl: t.databaseUrl, bucket: t.config.s3.bucket });
  });
  afterAll(async () => {
    await other?.close();
    await t?.close();
  });

  function login(email: string, password: string, from: string, app: TestApp = t) {
    return app.http().send<{ code?: string }>('POST', '/api/auth/login', { email, password }, { 'x-forwarded-for': from });
  }

  it('checks 25 concurrent wrong passwords for one account, over two API processes: exactly the limit are checked, the rest get 429', async () => {
    const victim = await t.newUser(['admin']);
    const results = await Promise.all(Array.from({ length: 25 }, (_, i) => login(victim.email, 'guess-at-the-same-time', '198.51.100.7', i % 2 ? other : t)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(LIMIT);
    expect(statuses.filter((s) => s === 429)).toHaveLength(25 - LIMIT);
    const [{ n }] = await t.dataSource.query('select count(*)::int as n from login_failure where email = $1', [victim.email]);
    expect(n).toBe(LIMIT);
  });

  it("limits a stranger's guesses to their own address: the owner still signs in from their usual address", async () => {
    const owner = await t.newUser(['admin']);
    const home = '192.0.2.10';
    expect((await login(owner.email, TEST_PASSWORD, home)).status).toBe(200);

    // A stranger guesses from one address until it is refused there, then from four more (the account ceiling).
    const strangers = ['203.0.113.1', '203.0.113.2', '203.0.113.3', '203.0.113.4', '203.0.113.5'];
    for (const address of strangers) {
      for (let i = 0; i < LIMIT; i++) expect((await login(owner.email, `guess-${i}`, address)).status).toBe(401);
      const refused = await login(owner.email, TEST_PASSWORD, address);
      expect(refused.status).toBe(429);
      expect(refused.body.code).toBe('too_many_attempts');
    }
    // The account's ceiling now refuses any address it never signed in from, even with the right password…
    expect((await login(owner.email, TEST_PASSWORD, '203.0.113.99')).status).toBe(429);
    // …but not the owner's own.
    const mine = await login(owner.email, TEST_PASSWORD, home);
    expect(mine.status).toBe(200);
    // And the owner's sign-in forgives nobody else: the stranger's address stays refused.
    expect((await login(owner.email, TEST_PASSWORD, strangers[0])).status).toBe(429);
  });

  it('keeps counting failures of the owner at their usual address (the strict limit still holds there)', async () => {
    const owner = await t.newUser(['editor']);
    const home = '192.0.2.20';
    expect((await login(owner.email, TEST_PASSWORD, home)).status).toBe(200);
    for (let i = 0; i < LIMIT; i++) expect((await login(owner.email, `typo-${i}`, home)).status).toBe(401);
    const refused = await login(owner.email, TEST_PASSWORD, home);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
