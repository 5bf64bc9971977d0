import http from 'node:http';
import type { ListContentItemsQuery } from '@vetted/contracts';
import pg from 'pg';
import { summaryPageStatements, totalFromPage } from '../content/content-item-list.query.js';

/**
 * The list baseline, run as its own process like the product: the very statements the list endpoint
 * sends (built by the same function: a page of summaries, a count when the page does not tell), through
 * a plain `pg` pool of the same size, answered with `JSON.stringify` of the rows. No framework, no auth,
 * no mapping.
 */
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  if (url.pathname === '/api/health') return void res.writeHead(200).end('{}');
  const q = url.searchParams;
  const query = {
    page: Number(q.get('page') ?? 1),
    pageSize: Number(q.get('pageSize') ?? 100),
    from: q.get('from') ?? undefined,
    to: q.get('to') ?? undefined,
    format: q.get('format') ?? undefined,
    segment: q.get('segment') ?? undefined,
  } as ListContentItemsQuery;
  const statements = summaryPageStatements(query);
  void (async () => {
    const { rows } = await pool.query(statements.page, statements.params);
    const total = totalFromPage(query, rows.length) ?? Number((await pool.query(statements.count, statements.params)).rows[0].n);
    const body = JSON.stringify({ items: rows, total });
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  })().catch((error: Error) => res.writeHead(500).end(error.message));
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('listening'));
