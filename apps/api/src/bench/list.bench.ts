import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { load, type LoadResult } from './load.js';
import { startProduct } from './product-process.js';

/**
 * The list/calendar line: `items` content items over a year, a one-month window filtered by format and
 * segment, a page of 200, at 1 and 50 concurrent connections, through the product and through the raw
 * baseline (`raw-list-server.ts`: the same SQL, plain pg, JSON.stringify), each in its own process.
 */
export const LIST_PAGE_SIZE = 200;
const YEAR = 2031;
/** The same month and filters in the calendar's address, for the web line. */
export const CALENDAR_MONTH = `${YEAR}-03`;
export const CALENDAR_FILTER = 'format=video&segment=science-driven';

export interface ListBench {
  items: number;
  matching: number;
  runs: Array<{ connections: number; api: LoadResult; raw: LoadResult }>;
  plan: string;
}

/** Clones a real item (made through the API, so every column has a value the product wrote) `items` times. */
export async function seedItems(databaseUrl: string, templateId: string, items: number): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const varied = ['id', 'title', 'format', 'planned_at', 'segments', 'channels'];
    const columnsOf = async (table: string, skip: string[]) =>
      ((await client.query(`select column_name from information_schema.columns where table_name = $1 and table_schema = current_schema() order by ordinal_position`, [table])).rows as Array<{ column_name: string }>)
        .map((r) => r.column_name)
        .filter((c) => !skip.includes(c));
    const itemColumns = await columnsOf('content_item', varied);
    const step = (365 * 86_400) / items;
    for (let start = 0; start < items; start += 50_000) {
      await client.query(
        `insert into content_item (${[...varied, ...itemColumns].join(', ')})
         select gen_random_uuid(), 'Bench item ' || g, (array['video','podcast','infographic'])[1 + g % 3],
                make_timestamptz(${YEAR}, 1, 1, 0, 0, 0, 'UTC') + make_interval(secs => g * $2::float8),
                array[(array['science-driven','patient-driven'])[1 + g % 2]], array['email'], ${itemColumns.map((c) => `t.${c}`).join(', ')}
           from content_item t, generate_series($3::int, $4::int) g where t.id = $1`,
        [templateId, step, start, Math.min(items, start + 50_000) - 1],
      );
    }
    const reviewColumns = await columnsOf('item_review', ['item_id']);
    await client.query(
      `insert into item_review (item_id, ${reviewColumns.join(', ')})
       select i.id, ${reviewColumns.map((c) => `t.${c}`).join(', ')} from content_item i, item_review t
        where t.item_id = $1 and i.title like 'Bench item %'`,
      [templateId],
    );
    await client.query('analyze content_item');
    await client.query('analyze item_review');
  } finally {
    await client.end();
  }
}

export async function measureList(options: { base: string; token: string; databaseUrl: string; items: number; seconds: number }): Promise<ListBench> {
  const month = `from=${YEAR}-03-01T00:00:00Z&to=${YEAR}-04-01T00:00:00Z&format=video&segment=science-driven`;
  const query = `${month}&page=2&pageSize=${LIST_PAGE_SIZE}`;
  const apiUrl = `${options.base}/api/content-items?${query}`;
  const headers = { authorization: `Bearer ${options.token}` };
  const check = await fetch(apiUrl, { headers });
  const body = (await check.json()) as { items: unknown[]; total: number };
  if (check.status !== 200 || body.items.length !== LIST_PAGE_SIZE) throw new Error(`the list answered ${check.status} with ${body.items?.length} items`);

  const raw = await startProduct({ DATABASE_URL: options.databaseUrl }, fileURLToPath(new URL('./raw-list-server.js', import.meta.url)));
  const runs: ListBench['runs'] = [];
  try {
    const rawUrl = `${raw.base}/list?${query}`;
    const rawBody = (await (await fetch(rawUrl)).json()) as { items: unknown[]; total: number };
    if (rawBody.total !== body.total || rawBody.items.length !== body.items.length) throw new Error(`the baseline found ${rawBody.total}, the API ${body.total}`);
    for (const connections of [1, 50]) {
      // A short warm-up of each, then the measured runs, alternated so neither gets the quieter moment.
      await load(apiUrl, { connections, seconds: 1, headers });
      await load(rawUrl, { connections, seconds: 1 });
      const api = await load(apiUrl, { connections, seconds: options.seconds, headers });
      const rawRun = await load(rawUrl, { connections, seconds: options.seconds });
      runs.push({ connections, api, raw: rawRun });
    }
  } finally {
    await raw.stop();
  }
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  const where = `where i.planned_at >= '${YEAR}-03-01' and i.planned_at < '${YEAR}-04-01' and i.format = 'video' and 'science-driven' = any(i.segments)`;
  const explain = async (sql: string) =>
    ((await client.query(`explain (analyze, buffers off, timing off, costs off) ${sql}`)).rows as Array<{ 'QUERY PLAN': string }>).map((r) => r['QUERY PLAN']).join('\n');
  const plan = [
    await explain(`select i.id from content_item i join item_review r on r.item_id = i.id ${where} order by i.planned_at, i.id limit ${LIST_PAGE_SIZE} offset ${LIST_PAGE_SIZE}`),
    await explain(`select count(*) from content_item i ${where}`),
  ].join('\n\n');
  await client.end();
  return { items: options.items, matching: body.total, runs, plan };
}
