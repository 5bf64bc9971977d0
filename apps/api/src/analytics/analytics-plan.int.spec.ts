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

  it("reads an approved item's first task and its requests for changes by index", async () => {
    const item = '00000000-0000-4000-8000-000000000001';
    expect(await plan(`select min(created_at) from review_task where item_id = '${item}'`)).toMatch(/review_task_item_created_idx/);
    expect(await plan(`select 1 from review_decision where item_id = '${item}' and decision in ('request_changes', 'approve_with_changes') and decided_at <= now()`)).toMatch(/review_decision_changes_idx/);
  });
});
