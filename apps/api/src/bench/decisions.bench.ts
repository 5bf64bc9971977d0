import { hash, verify } from '@node-rs/argon2';
import { performance } from 'node:perf_hooks';
import pg from 'pg';

/**
 * Review decisions: `items` submitted items × 3 lanes signed at 50 concurrent clients through
 * POST /api/content-items/:id/reviews, versus a raw-SQL baseline doing per decision what a decision
 * must: lock the item, one argon2id verification, insert the decision, update the review row, commit.
 */
export const LANES = ['marketing', 'medical', 'regulatory'] as const;
const CONCURRENCY = 50;
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6300010000050001' + '0d0a2db40000000049454e44ae426082', 'hex');

export interface DecisionBench {
  items: number;
  decisions: number;
  apiPerSecond: number;
  rawPerSecond: number;
  statuses: Record<string, number>;
  recorded: number;
  distinct: number;
}

/** Items with one version each, submitted: every lane has a decision to make. */
export async function submittedItems(base: string, editor: string, count: number): Promise<Array<{ id: string; versionId: string }>> {
  const auth = { authorization: `Bearer ${editor}` };
  const one = async (i: number) => {
    const created = await fetch(`${base}/api/content-items`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ title: `Decision bench ${i}`, format: 'infographic', plannedAt: '2032-01-05T09:00:00Z' }),
    });
    const { id } = (await created.json()) as { id: string };
    const form = new FormData();
    form.append('file', new Blob([PNG], { type: 'image/png' }), 'bench.png');
    const upload = await fetch(`${base}/api/content-items/${id}/versions`, { method: 'POST', headers: auth, body: form });
    const { id: versionId } = (await upload.json()) as { id: string };
    const submit = await fetch(`${base}/api/content-items/${id}/submit`, { method: 'POST', headers: auth });
    if (submit.status !== 200) throw new Error(`submit answered ${submit.status}`);
    return { id, versionId };
  };
  const items: Array<{ id: string; versionId: string }> = [];
  for (let i = 0; i < count; i += 10) items.push(...(await Promise.all(Array.from({ length: Math.min(10, count - i) }, (_, k) => one(i + k)))));
  return items;
}

export async function measureDecisions(options: { base: string; databaseUrl: string; items: Array<{ id: string; versionId: string }>; tokens: Record<(typeof LANES)[number], string>; password: string }): Promise<DecisionBench> {
  const work = options.items.flatMap((item) => LANES.map((lane) => ({ ...item, lane })));
  const statuses: Record<string, number> = {};
  const apiQueue = [...work];
  const apiBegan = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let next = apiQueue.shift(); next; next = apiQueue.shift()) {
        const res = await fetch(`${options.base}/api/content-items/${next.id}/reviews`, {
          method: 'POST',
          headers: { authorization: `Bearer ${options.tokens[next.lane]}`, 'content-type': 'application/json' },
          body: JSON.stringify({ lane: next.lane, decision: 'approve', versionId: next.versionId, password: options.password, comment: 'ok' }),
        });
        await res.arrayBuffer();
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      }
    }),
  );
  const apiSeconds = (performance.now() - apiBegan) / 1000;

  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
  try {
    const counts = (await pool.query(`select count(*) as n, count(distinct (item_id, lane)) as d from review_decision where item_id = any($1::uuid[])`, [options.items.map((i) => i.id)])).rows[0] as { n: string; d: string };
    await pool.query(`create table bench_raw_item (id uuid primary key, approvals int not null default 0, updated_at timestamptz)`);
    await pool.query(`create table bench_raw_decision (item_id uuid not null references bench_raw_item(id), lane text not null, decided_at timestamptz not null default now(), unique (item_id, lane))`);
    await pool.query(`insert into bench_raw_item (id) select unnest($1::uuid[])`, [options.items.map((i) => i.id)]);
    const passwordHash = await hash(options.password);
    const rawQueue = [...work];
    const rawBegan = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let next = rawQueue.shift(); next; next = rawQueue.shift()) {
          if (!(await verify(passwordHash, options.password))) throw new Error('argon2 refused the password');
          const client = await pool.connect();
          try {
            await client.query('begin');
            await client.query('select id from bench_raw_item where id = $1 for update', [next.id]);
            await client.query('insert into bench_raw_decision (item_id, lane) values ($1, $2)', [next.id, next.lane]);
            await client.query('update bench_raw_item set approvals = approvals + 1, updated_at = now() where id = $1', [next.id]);
            await client.query('commit');
          } finally {
            client.release();
          }
        }
      }),
    );
    const rawSeconds = (performance.now() - rawBegan) / 1000;
    return {
      items: options.items.length,
      decisions: work.length,
      apiPerSecond: work.length / apiSeconds,
      rawPerSecond: work.length / rawSeconds,
      statuses,
      recorded: Number(counts.n),
      distinct: Number(counts.d),
    };
  } finally {
    await pool.end();
  }
}
