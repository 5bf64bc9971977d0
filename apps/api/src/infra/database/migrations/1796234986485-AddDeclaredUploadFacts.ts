import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the client declared when it asked for a direct upload (size and SHA-256): the object in storage
 * must match both before it becomes a version. Rows from before this migration declared nothing.
 */
export class AddDeclaredUploadFacts1796234986485 implements MigrationInterface {
  name = 'AddDeclaredUploadFacts1796234986485';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table asset_upload add column declared_size bigint check (declared_size > 0), add column declared_sha256 text check (declared_sha256 ~ '^[0-9a-f]{64}$')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table asset_upload drop column declared_sha256, drop column declared_size`);
  }
}
