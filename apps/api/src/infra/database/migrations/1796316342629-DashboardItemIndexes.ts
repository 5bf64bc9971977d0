import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The dashboard's per-item lookups for the items approved in a period (issue 13, measured on 100,000
 * items): when each item's review began (the first task's creation) and whether any lane asked for
 * changes before approval. Without them each approved item reads all its tasks and decisions from the heap.
 */
export class DashboardItemIndexes1796316342629 implements MigrationInterface {
  name = 'DashboardItemIndexes1796316342629';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create index review_task_item_created_idx on review_task (item_id, created_at)`);
    await q.query(`create index review_decision_changes_idx on review_decision (item_id, decided_at) where decision in ('request_changes', 'approve_with_changes')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index review_decision_changes_idx`);
    await q.query(`drop index review_task_item_created_idx`);
  }
}
