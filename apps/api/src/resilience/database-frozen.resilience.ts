import { alive, call, login, postgresProcesses, record, startWorld, tally, until, type Answer, type World } from './harness.js';

const STATEMENT_TIMEOUT_MS = 2000;
const CONNECT_TIMEOUT_MS = 2000;
// The client gives up 1 s after the statement timeout (data-source.ts); the rest is room for a loaded CI machine.
const ANSWER_WITHIN_MS = STATEMENT_TIMEOUT_MS + 1000 + 2000;
const FROZEN_MS = 10_000;

describe('PostgreSQL frozen (SIGSTOP) for 10 s', () => {
  let world: World;
  afterAll(() => world?.close());

  it('answers 503 within the configured timeouts instead of hanging, says db: down, and serves again once it thaws', async () => {
    world = await startWorld('pg-freeze', {
      DATABASE_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
      DATABASE_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
      HEALTH_TIMEOUT_MS: '1000',
    });
    const base = world.product.base;
    const editor = await login(base, 'editor');
    expect((await call(base, 'GET', '/api/content-items', { token: editor })).status).toBe(200);

    const frozen: Answer[] = [];
    const health: Array<Answer & { body: unknown }> = [];
    const pids = await postgresProcesses(world.pgDir);
    for (const pid of pids) process.kill(pid, 'SIGSTOP');
    const thawAt = Date.now() + FROZEN_MS;
    try {
      const lister = async () => {
        while (Date.now() < thawAt - ANSWER_WITHIN_MS) frozen.push(await call(base, 'GET', '/api/content-items?pageSize=20', { token: editor, timeoutMs: 15_000 }));
      };
      const prober = async () => {
        while (Date.now() < thawAt - ANSWER_WITHIN_MS) {
          health.push(await call(base, 'GET', '/api/health', { timeoutMs: 15_000 }));
          await new Promise((r) => setTimeout(r, 500));
        }
      };
      await Promise.all([lister(), lister(), lister(), lister(), prober()]);
      await new Promise((r) => setTimeout(r, Math.max(0, thawAt - Date.now())));
    } finally {
      for (const pid of pids) process.kill(pid, 'SIGCONT');
    }
    const recoveryMs = await until(async () => (await call(base, 'GET', '/api/content-items?pageSize=1', { token: editor })).status === 200, 10_000, 'listing answers after the thaw');
    const healthAfter = await call(base, 'GET', '/api/health');

    const slowest = Math.max(...frozen.map((a) => a.ms));
    await record('PostgreSQL frozen 10 s', {
      requestsWhileFrozen: frozen.length,
      answers: tally(frozen),
      slowestAnswerMs: slowest,
      allowedMs: ANSWER_WITHIN_MS,
      healthProbes: health.length,
      healthSaidDbDown: health.filter((h) => h.status === 503 && (h.body as { db?: string })?.db === 'down').length,
      recoveryMsAfterThaw: recoveryMs,
    });

    expect(alive(world.product.pid)).toBe(true);
    expect(frozen.length).toBeGreaterThan(4);
    expect(tally(frozen)).toEqual({ '503 database_unavailable': frozen.length });
    expect(slowest).toBeLessThan(ANSWER_WITHIN_MS);
    expect(health.length).toBeGreaterThan(0);
    for (const h of health) expect({ status: h.status, body: h.body }).toEqual({ status: 503, body: { status: 'degraded', db: 'down', storage: 'up' } });
    expect(recoveryMs).toBeLessThan(5000);
    expect(healthAfter.body).toEqual({ status: 'ok', db: 'up', storage: 'up' });
  });
});
