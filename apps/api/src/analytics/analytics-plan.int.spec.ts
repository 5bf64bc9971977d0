import { createTestApp, type TestApp } from '../testing/test-app.js';

/** The dashboard's range filters can use their indexes (checked on the plan, with sequential scans priced out). */
describe('analytics query plans', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  const plan = (sql: string) =>
    t.dataSource.transaction(async (tx) => {
      await tx.query('set local enable_seqscan = off');
      const rows = (await tx.query(`explain ${sql}`)) as Array<{ 'QUERY PLAN': string }>;
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });

  it('finds the rounds decided in a period, the items approved in it and the material expiring soon by index', async () => {
    expect(await plan(`select item_id, round from review_task where status = 'done' and closed_at >= now() - interval '90 days' and closed_at < now()`)).toMatch(/review_task_done_closed_idx/);
    expect(await plan(`select item_id from item_review where approved_at >= now() - interval '90 days' and approved_at < now()`)).toMatch(/item_review_approved_at_idx/);
    expect(await plan(`select item_id from item_review where approved_version_id is not null and expires_at >= now() and expires_at < now() + interval '90 days'`)).toMatch(/item_review_in_use_expiry_idx/);
  });
});
