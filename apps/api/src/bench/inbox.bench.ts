import pg from 'pg';
import { load, type LoadResult } from './load.js';

/**
 * A reviewer's inbox (GET /api/reviews/inbox, open and done) and the analytics dashboard
 * (GET /api/analytics/dashboard, the default 90 days) at 1 connection over the 100,000 seeded items,
 * a share of them under review. The review rows are clones of two items taken through the API (one
 * submitted, one approved by every lane), so each column holds what the product itself writes.
 */
export const OPEN_ITEMS = 1_000;
export const APPROVED_ITEMS = 4_000;

export interface InboxBench {
  runs: Array<{ what: string; result: LoadResult; total?: number }>;
  openTasks: number;
  plans: Record<string, string>;
}

/** The review tables a submission and its decisions write, with the item's own id in `item_id`. */
const REVIEW_TABLES = ['review_lane_assignment', 'review_decision', 'review_task'] as const;

/**
 * Gives `count` seeded items (`Bench item …`, from `offset` in id order) the review rows of `templateId`,
 * every timestamp moved by `shift` (an SQL interval expression over `b.g`, the item's rank), so
 * due dates and approvals spread over time instead of sharing one instant.
 */
async function cloneReview(client: pg.Client, templateId: string, offset: number, count: number, shift: string): Promise<void> {
  const columns = async (table: string) =>
    (await client.query(`select column_name, data_type from information_schema.columns where table_name = $1 and table_schema = current_schema() order by ordinal_position`, [table])).rows as Array<{ column_name: string; data_type: string }>;
  await client.query(`drop table if exists bench_targets`);
  await client.query(
    `create temporary table bench_targets as
       select i.id as item_id, row_number() over (order by i.id) as g from content_item i
        where i.title like 'Bench item %' and not exists (select 1 from review_task t where t.item_id = i.id)
        order by i.id offset $1 limit $2`,
    [offset, count],
  );
  // Tasks and decisions point at each other (task.decision_id, decision.task_id): both get ids derived
  // from the item and the template's id, so each clone points at its own counterpart.
  const mapped = (column: string) => `case when t.${column} is null then null else md5(b.item_id::text || t.${column}::text)::uuid end`;
  const value = (c: { column_name: string; data_type: string }) => {
    if (c.column_name === 'item_id') return 'b.item_id';
    if (['id', 'decision_id', 'task_id'].includes(c.column_name)) return mapped(c.column_name);
    if (c.data_type === 'timestamp with time zone') return `t.${c.column_name} + ${shift}`;
    return `t.${c.column_name}`;
  };
  await client.query(`delete from item_review r using bench_targets b where r.item_id = b.item_id`);
  // The circular foreign keys cannot be satisfied one insert at a time: their triggers are off for the
  // copy (the embedded PostgreSQL's user is a superuser), and every reference is to a row copied with it.
  await client.query(`set session_replication_role = replica`);
  for (const table of ['item_review', ...REVIEW_TABLES]) {
    const cols = await columns(table);
    await client.query(
      `insert into ${table} (${cols.map((c) => c.column_name).join(', ')})
       select ${cols.map((c) => value(c)).join(', ')} from ${table} t, bench_targets b where t.item_id = $1`,
      [templateId],
    );
  }
  await client.query(`set session_replication_role = default`);
}

/** `openTemplate`: an item submitted through the API; `approvedTemplate`: one approved through it. */
export async function seedReviews(databaseUrl: string, openTemplate: string, approvedTemplate: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // Open rounds submitted over the last weeks: due dates from overdue to upcoming.
    await cloneReview(client, openTemplate, 0, OPEN_ITEMS, `make_interval(mins => (b.g * 37)::int % (40 * 24 * 60)) - interval '20 days'`);
    // Approvals over the last 85 days, inside the dashboard's default 90.
    await cloneReview(client, approvedTemplate, 0, APPROVED_ITEMS, `- make_interval(mins => (b.g * 31)::int % (85 * 24 * 60))`);
    for (const table of ['item_review', ...REVIEW_TABLES]) await client.query(`analyze ${table}`);
  } finally {
    await client.end();
  }
}

export async function measureInbox(options: { base: string; reviewerToken: string; editorToken: string; databaseUrl: string; seconds: number }): Promise<InboxBench> {
  const targets = [
    { what: 'inbox, open tasks', url: `${options.base}/api/reviews/inbox?status=open`, token: options.reviewerToken },
    { what: 'inbox, done tasks', url: `${options.base}/api/reviews/inbox?status=done`, token: options.reviewerToken },
    { what: 'analytics dashboard, last 90 days', url: `${options.base}/api/analytics/dashboard`, token: options.editorToken },
  ];
  const runs: InboxBench['runs'] = [];
  let openTasks = 0;
  for (const target of targets) {
    const headers = { authorization: `Bearer ${target.token}` };
    const check = await fetch(target.url, { headers });
    const body = (await check.json()) as { total?: number; counts?: { open: number } };
    if (check.status !== 200) throw new Error(`${target.what} answered ${check.status}: ${JSON.stringify(body)}`);
    if (body.counts) openTasks = body.counts.open;
    await load(target.url, { connections: 1, seconds: 1, headers });
    runs.push({ what: target.what, result: await load(target.url, { connections: 1, seconds: options.seconds, headers }), total: body.total });
  }
  return { runs, openTasks, plans: await plans(options.databaseUrl) };
}

/** The plans of the inbox's heaviest part (open tasks with their items) and of the dashboard's lane query, for the report's details. */
async function plans(databaseUrl: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const explain = async (sql: string, params: unknown[] = []) =>
      ((await client.query(`explain (analyze, buffers off, timing off, costs off) ${sql}`, params)).rows as Array<{ 'QUERY PLAN': string }>).map((r) => r['QUERY PLAN']).join('\n');
    const medical = ((await client.query(`select id from app_user where email = 'medical@vetted.local'`)).rows[0] as { id: string }).id;
    return {
      inboxOpen: await explain(
        `select t.id from review_task t join item_review r on r.item_id = t.item_id and r.round = t.round and r.status = 'in_review'
           join content_item i on i.id = t.item_id where t.status = 'open' and t.assignee_id = $1 order by t.due_at, i.planned_at limit 50`,
        [medical],
      ),
      dashboardLanes: await explain(`select item_id, round from review_task where status = 'done' and closed_at >= now() - interval '90 days' and closed_at < now()`),
    };
  } finally {
    await client.end();
  }
}
