import { ensureDatabase, startEmbeddedPostgres, type EmbeddedPostgresHandle } from '@vetted/dev-infra';
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../testing/global-setup.js';
import { createTestApp, type HttpResult, type TestApp, type TestUser } from '../../testing/test-app.js';

// PostgreSQL of its own for this file: it is stopped, restarted and frozen under the API's feet.
describe('database outages: 503 with Retry-After, bounded waits, honest health, recovery without restart', () => {
  let dir: string;
  let port: number;
  let pg: EmbeddedPostgresHandle;
  let t: TestApp;
  let editor: TestUser;

  const start = async () => {
    pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'postgres'), port });
  };

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'vetted-pg-outage-'));
    port = await freePort();
    await start();
    await ensureDatabase(pg.url, 'outage');
    const url = new URL(pg.url);
    url.pathname = '/outage';
    t = await createTestApp(
      { DATABASE_CONNECT_TIMEOUT_MS: '1000', DATABASE_STATEMENT_TIMEOUT_MS: '1000', HEALTH_TIMEOUT_MS: '1000' },
      { databaseUrl: url.toString(), bucket: `t-${randomUUID().slice(0, 18)}` },
    );
    editor = await t.newUser(['editor']);
  });
  afterAll(async () => {
    await t?.close();
    await pg?.stop();
    await fs.rm(dir, { recursive: true, force: true });
  });

  const list = () => t.http(editor.token).get('/api/content-items');

  function expectOutageAnswer(res: HttpResult) {
    expect(res.status).toBe(503);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(res.body).toMatchObject({ statusCode: 503, code: 'database_unavailable', message: expect.stringMatching(/database is unavailable/) });
  }

  async function untilOk(): Promise<number> {
    const began = Date.now();
    while ((await list()).status !== 200) {
      if (Date.now() - began > 10_000) throw new Error('the API did not recover within 10 s');
    }
    return Date.now() - began;
  }

  it('answers 503 (never 500) while PostgreSQL stops under load, says db: down, and recovers once it is back', async () => {
    expect((await list()).status).toBe(200);
    const statuses: number[] = [];
    let outages: HttpResult | undefined;
    let stopped = false;
    const load = Array.from({ length: 6 }, async () => {
      while (!stopped) {
        const res = await list();
        statuses.push(res.status);
        if (res.status === 503) outages = res;
      }
    });
    await pg.stop();
    // Keep the load on a little after the server is gone: every request now meets a refused connection.
    for (let i = 0; i < 5; i++) statuses.push((await list()).status);
    stopped = true;
    await Promise.all(load);
    expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
    expect(statuses).toContain(503);
    expectOutageAnswer(outages!);
    const health = await t.http().get('/api/health');
    expect(health.status).toBe(503);
    expect(health.body).toEqual({ status: 'degraded', db: 'down', storage: 'up' });

    await start();
    const recoveryMs = await untilOk();
    // Measured recovery after PostgreSQL accepts connections again, same API process.
    expect(recoveryMs).toBeLessThan(2000);
    expect((await t.http().get('/api/health')).body).toEqual({ status: 'ok', db: 'up', storage: 'up' });
    console.info(`database-outage: ${statuses.filter((s) => s === 503).length} of ${statuses.length} requests got 503 while stopping, none 500; recovered in ${recoveryMs} ms`);
  });

  it('answers 503 within the timeouts while PostgreSQL is frozen, and health says db: down', async () => {
    expect((await list()).status).toBe(200);
    const pids = await postgresProcesses(path.join(dir, 'postgres'));
    expect(pids.length).toBeGreaterThan(1);
    for (const pid of pids) process.kill(pid, 'SIGSTOP');
    try {
      let began = Date.now();
      const frozen = await list();
      const listMs = Date.now() - began;
      expectOutageAnswer(frozen);
      // Statement timeout 1 s (the server cannot cancel when frozen) + 1 s client grace, with room for CI.
      expect(listMs).toBeLessThan(4000);
      began = Date.now();
      const health = await t.http().get('/api/health');
      const healthMs = Date.now() - began;
      expect(health.status).toBe(503);
      expect(health.body).toMatchObject({ db: 'down', storage: 'up' });
      expect(healthMs).toBeLessThan(2500);
      console.info(`database-outage: frozen PostgreSQL, listing answered 503 in ${listMs} ms, health in ${healthMs} ms`);
    } finally {
      for (const pid of pids) process.kill(pid, 'SIGCONT');
    }
    const recoveryMs = await untilOk();
    expect(recoveryMs).toBeLessThan(4000);
  });
});

/** The postmaster (from postmaster.pid) and every process it started (backends, checkpointer, walwriter…). */
async function postgresProcesses(dataDir: string): Promise<number[]> {
  const postmaster = Number((await fs.readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
  const children: number[] = [];
  for (const entry of await fs.readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await fs.readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // Fields after the command name (which may hold spaces, inside parentheses): state, ppid, …
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (ppid === postmaster) children.push(Number(entry));
  }
  return [postmaster, ...children];
}
