import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The dashboard's range scans (issue 16): lanes decided in a period, items approved in a period, and
 * approved material in use by expiry date. Without them each dashboard read scans every task and review.
 */
export class AnalyticsIndexes1796303576936 implements MigrationInterface {
  name = 'AnalyticsIndexes1796303576936';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create index review_task_done_closed_idx on review_task (closed_at) include (item_id, round) where status = 'done'`);
    await q.query(`create index item_review_approved_at_idx on item_review (approved_at) where approved_at is not null`);
    await q.query(`create index item_review_in_use_expiry_idx on item_review (expires_at) where approved_version_id is not null`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index item_review_in_use_expiry_idx`);
    await q.query(`drop index item_review_approved_at_idx`);
    await q.query(`drop index review_task_done_closed_idx`);
  }
}
