import http from 'node:http';
import pg from 'pg';

/**
 * The list baseline, run as its own process like the product: the same statements the list endpoint
 * sends (a page of summaries, a count when the page does not tell), through a plain `pg` pool of the
 * same size, answered with `JSON.stringify` of the rows. No framework, no auth, no mapping.
 */
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });

const COLUMNS = `i.id, i.title, i.format, r.status, i.planned_at, i.channels, i.segments, i.owner_id, i.co_owner_ids,
       i.product, i.market, i.language, i.source_item_id, i.series_id, i.episode_number, i.claim_ids, r.fast_track,
       r.required_lanes, r.due_at, i.current_version, r.round, r.submitted_at, r.approved_at, r.expires_at, i.created_at, i.updated_at`;
const WHERE = `where i.planned_at >= $1 and i.planned_at < $2 and i.format = $3 and $4 = any(i.segments)`;

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  if (url.pathname === '/api/health') return void res.writeHead(200).end('{}');
  const q = url.searchParams;
  const pageSize = Number(q.get('pageSize') ?? 100);
  const offset = (Number(q.get('page') ?? 1) - 1) * pageSize;
  const params = [q.get('from'), q.get('to'), q.get('format'), q.get('segment')];
  void (async () => {
    const { rows } = await pool.query(
      `select ${COLUMNS}
         from content_item i join item_review r on r.item_id = i.id
        ${WHERE}
        order by i.planned_at, i.id
        limit ${pageSize} offset ${offset}`,
      params,
    );
    const total =
      rows.length < pageSize && (rows.length > 0 || offset === 0)
        ? offset + rows.length
        : Number((await pool.query(`select count(*) as n from content_item i ${WHERE}`, params)).rows[0].n);
    const body = JSON.stringify({ items: rows, total });
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  })().catch((error: Error) => res.writeHead(500).end(error.message));
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('listening'));
