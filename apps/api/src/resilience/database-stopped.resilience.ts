import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { alive, call, login, PRODUCT_MAIN, record, startWorld, tally, until, type Answer, type World } from './harness.js';
import { inBatches, submittedItem } from './items.js';

const ITEMS = 20;
const LANES = ['marketing', 'medical', 'regulatory'] as const;

describe('PostgreSQL stopped (fast shutdown) under listings and signed decisions', () => {
  let world: World;
  afterAll(() => world?.close());

  it('answers 503 database_unavailable (never 500) during the outage, recovers within 5 s without a restart, and no decision is half-written', async () => {
    world = await startWorld('pg-stop', { DATABASE_CONNECT_TIMEOUT_MS: '1000', DATABASE_STATEMENT_TIMEOUT_MS: '2000', HEALTH_TIMEOUT_MS: '1000' });
    const base = world.product.base;
    const editor = await login(base, 'editor');
    const reviewers = Object.fromEntries(await Promise.all(LANES.map(async (lane) => [lane, await login(base, lane)] as const)));
    const items = await inBatches(ITEMS, 4, (i) => submittedItem(world, editor, `Résilience ${i}`));

    type Phase = 'before' | 'outage' | 'after';
    let phase: Phase = 'before';
    const answers: Array<Answer & { phase: Phase; kind: 'list' | 'decision'; retried: boolean; message?: string }> = [];
    const queues = Object.fromEntries(LANES.map((lane) => [lane, items.map((item) => ({ ...item, retried: false }))]));
    let listing = true;

    const lister = async () => {
      while (listing) {
        const res = await call(base, 'GET', '/api/content-items?pageSize=50', { token: editor });
        answers.push({ ...res, phase, kind: 'list', retried: false, message: (res.body as { message?: string } | undefined)?.message });
      }
    };
    const decider = async (lane: (typeof LANES)[number]) => {
      const queue = queues[lane];
      while (queue.length > 0) {
        const next = queue.shift()!;
        const res = await call(base, 'POST', `/api/content-items/${next.id}/reviews`, {
          token: reviewers[lane],
          body: { lane, decision: 'approve', versionId: next.versionId, password: 'resilience-password', comment: 'ok' },
        });
        answers.push({ ...res, phase, kind: 'decision', retried: next.retried, message: (res.body as { message?: string } | undefined)?.message });
        // Whether a decision answered 503 was recorded is unknown to the client: it tries again, and a 409 then says it was.
        if (res.status === 503) {
          queue.push({ ...next, retried: true });
          await new Promise((r) => setTimeout(r, 200));
        }
      }
    };
    const load = [lister(), lister(), lister(), ...LANES.map((lane) => decider(lane))];

    await new Promise((r) => setTimeout(r, 1500));
    phase = 'outage';
    await world.pg.stop();
    await new Promise((r) => setTimeout(r, 4000));
    await world.restartPostgres();
    const back = Date.now();
    let last: Answer | undefined;
    const recoveryMs = await until(async () => (last = await call(base, 'GET', '/api/content-items?pageSize=1', { token: editor })).status === 200, 10_000, 'listing answers again').catch((error: Error) => {
      throw new Error(`${error.message}; last answer ${JSON.stringify(last)}; the product wrote:\n${world.product.output()}`);
    });
    phase = 'after';
    await Promise.race([Promise.all(load.slice(3)), new Promise((r) => setTimeout(r, 90_000))]);
    listing = false;
    await Promise.all(load);

    const client = new pg.Client({ connectionString: world.databaseUrl });
    await client.connect();
    const decisions = Number((await client.query(`select count(*) as n from review_decision where decision = 'approve' and item_id = any($1::uuid[])`, [items.map((i) => i.id)])).rows[0].n);
    await client.end();
    let approvedLanes = 0;
    let approvedItems = 0;
    for (const item of items) {
      const full = (await call(base, 'GET', `/api/content-items/${item.id}`, { token: editor })).body as { status: string; lanes: Record<string, string> };
      approvedLanes += Object.values(full.lanes).filter((s) => s === 'approved').length;
      if (full.status === 'approved') approvedItems++;
    }
    const verify = await promisify(execFile)(process.execPath, [path.join(path.dirname(PRODUCT_MAIN), 'cli/audit-verify.js')], { env: { ...process.env, DATABASE_URL: world.databaseUrl } }).then(
      (r) => ({ ok: true, out: r.stdout.trim() }),
      (e: { stdout?: string; stderr?: string }) => ({ ok: false, out: `${e.stdout ?? ''}${e.stderr ?? ''}`.trim() }),
    );

    const during = answers.filter((a) => a.phase === 'outage');
    const unexpected = answers.filter((a) => !(a.status === 200 || a.status === 201 || (a.status === 503 && a.code === 'database_unavailable') || (a.status === 409 && a.retried)));
    await record('PostgreSQL stopped under load', {
      items: ITEMS,
      requests: answers.length,
      duringOutage: tally(during),
      overall: tally(answers),
      recoveryMsAfterPostgresReturned: recoveryMs,
      decisionsRecorded: decisions,
      approvedLanes,
      approvedItems,
      auditChain: verify.out,
      productRestarted: !alive(world.product.pid),
      sinceReturnMs: Date.now() - back,
    });

    expect(alive(world.product.pid)).toBe(true);
    if (unexpected.length) console.error(`the product logged:\n${world.product.errors().join('\n')}\n---\n${world.product.output()}`);
    expect(unexpected.map((a) => `${a.kind} ${a.phase} ${a.status} ${a.code ?? ''} ${a.message ?? ''}`)).toEqual([]);
    expect(during.filter((a) => a.status === 503).length).toBeGreaterThan(0);
    expect(recoveryMs).toBeLessThan(5000);
    expect(verify).toMatchObject({ ok: true, out: expect.stringMatching(/^Audit trail intact/) });
    expect({ decisions, approvedLanes, approvedItems }).toEqual({ decisions: ITEMS * 3, approvedLanes: ITEMS * 3, approvedItems: ITEMS });
  });
});
