import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { startProduct, type ProductProcess } from '../bench/product-process.js';
import { alive, call, login, PASSWORD, PRODUCT_MAIN, record, startWorld, tally, type Answer, type World } from './harness.js';
import { inBatches, submittedItem } from './items.js';

const ITEMS = 30;
const LANES = ['marketing', 'medical', 'regulatory'] as const;
/** Process A is killed once this many decisions have been answered (about a third of the run). */
const KILL_AFTER = ITEMS;

describe('two API processes on one database, one killed mid-run', () => {
  let world: World;
  let second: ProductProcess | undefined;
  afterAll(async () => {
    await second?.stop();
    await world?.close();
  });

  it('loses and duplicates no decision, and the survivor keeps serving', async () => {
    world = await startWorld('two-processes');
    second = await startProduct(world.env, PRODUCT_MAIN);
    const processes = { a: world.product, b: second };
    const editor = await login(processes.b.base, 'editor');
    const items = await inBatches(ITEMS, 5, (i) => submittedItem(world, editor, `Deux processus ${i}`));
    // A bearer token is a database row: the same one is honoured by both processes.
    const reviewers = Object.fromEntries(await Promise.all(LANES.map(async (lane) => [lane, await login(processes.a.base, lane)] as const)));

    let killedAt: number | null = null;
    const answers: Array<Answer & { on: 'a' | 'b'; retried: boolean; afterKill: boolean }> = [];
    const decider = async (lane: (typeof LANES)[number], startOn: 'a' | 'b') => {
      const queue = items.map((item, i) => ({ ...item, on: (i % 2 === 0 ? startOn : startOn === 'a' ? 'b' : 'a') as 'a' | 'b', retried: false }));
      while (queue.length > 0) {
        const next = queue.shift()!;
        const on = next.on === 'a' && killedAt !== null ? 'b' : next.on;
        const res = await call(processes[on].base, 'POST', `/api/content-items/${next.id}/reviews`, {
          token: reviewers[lane],
          body: { lane, decision: 'approve', versionId: next.versionId, password: PASSWORD, comment: 'ok' },
        });
        answers.push({ ...res, on, retried: next.retried, afterKill: killedAt !== null });
        if (killedAt === null && answers.length >= KILL_AFTER) {
          killedAt = Date.now();
          void processes.a.kill();
        }
        // No answer (the process died mid-request) or a 503: the client cannot know whether it was recorded, so it tries the other process; a 409 then says it was.
        if (res.status === 0 || res.status === 503) queue.push({ ...next, on: 'b', retried: true });
      }
    };
    await Promise.all(LANES.map((lane, i) => decider(lane, i % 2 === 0 ? 'a' : 'b')));

    const survivorList = await call(processes.b.base, 'GET', '/api/content-items?pageSize=50', { token: editor });
    const client = new pg.Client({ connectionString: world.databaseUrl });
    await client.connect();
    const ids = items.map((i) => i.id);
    const decisions = Number((await client.query(`select count(*) as n from review_decision where item_id = any($1::uuid[])`, [ids])).rows[0].n);
    const distinctLanes = Number((await client.query(`select count(distinct (item_id, lane)) as n from review_decision where item_id = any($1::uuid[])`, [ids])).rows[0].n);
    const approvedItems = Number((await client.query(`select count(*) as n from item_review where item_id = any($1::uuid[]) and status = 'approved'`, [ids])).rows[0].n);
    await client.end();
    const verify = await promisify(execFile)(process.execPath, [path.join(path.dirname(PRODUCT_MAIN), 'cli/audit-verify.js')], { env: { ...process.env, DATABASE_URL: world.databaseUrl } }).then(
      (r) => ({ ok: true, out: r.stdout.trim() }),
      (e: { stdout?: string; stderr?: string }) => ({ ok: false, out: `${e.stdout ?? ''}${e.stderr ?? ''}`.trim() }),
    );

    const unexpected = answers.filter((a) => !(a.status === 201 || a.status === 200 || (a.retried && a.status === 409) || ((a.status === 0 || a.status === 503) && a.on === 'a')));
    await record('two API processes, one killed mid-run', {
      items: ITEMS,
      decisionsAsked: answers.length,
      killedAfterAnswers: KILL_AFTER,
      answers: tally(answers),
      answersAfterKill: tally(answers.filter((a) => a.afterKill)),
      decisionsRecorded: decisions,
      distinctLaneDecisions: distinctLanes,
      approvedItems,
      survivorListing: survivorList.status,
      auditChain: verify.out,
    });

    expect(alive(processes.a.pid)).toBe(false);
    expect(alive(processes.b.pid)).toBe(true);
    if (unexpected.length) console.error(`the survivor logged:\n${processes.b.errors().join('\n')}`);
    expect(unexpected.map((a) => `${a.on} ${a.status} ${a.code ?? ''}`)).toEqual([]);
    expect(survivorList.status).toBe(200);
    expect({ decisions, distinctLanes, approvedItems }).toEqual({ decisions: ITEMS * 3, distinctLanes: ITEMS * 3, approvedItems: ITEMS });
    expect(verify).toMatchObject({ ok: true, out: expect.stringMatching(/^Audit trail intact/) });
  });
});
