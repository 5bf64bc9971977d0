import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The list pages items by (planned_at, id): with both in one index, a month's page is read in order and
 * stops at the page's end instead of sorting every item of the month. It replaces the planned_at index.
 */
export class ListPageIndex1796302249658 implements MigrationInterface {
  name = 'ListPageIndex1796302249658';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create index content_item_planned_id_idx on content_item (planned_at, id)`);
    await q.query(`drop index content_item_planned_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`create index content_item_planned_idx on content_item (planned_at)`);
    await q.query(`drop index content_item_planned_id_idx`);
  }
}
