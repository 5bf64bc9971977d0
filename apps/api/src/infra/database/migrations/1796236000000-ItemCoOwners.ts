import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Items have an owner and optional co-owners: only they change the content, upload and submit. */
export class ItemCoOwners1796236000000 implements MigrationInterface {
  name = 'ItemCoOwners1796236000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table content_item add column co_owner_ids uuid[] not null default '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table content_item drop column co_owner_ids`);
  }
}
