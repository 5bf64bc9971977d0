import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Claim detection (issue 14): the text read from each version (`version_text`, one row per version,
 * with the job's status), the claims found in it (`text_check_link`) and the sentences that read like
 * claims no approved claim supports (`unsupported_statement`). Versions uploaded before are queued.
 */
export class ClaimDetection1796302711496 implements MigrationInterface {
  name = 'ClaimDetection1796302711496';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table version_text (
        version_id uuid primary key references content_version(id),
        item_id uuid not null references content_item(id),
        version_number int not null,
        storage_key text not null,
        mime_type text not null,
        product text,
        language text,
        status text not null default 'pending' check (status in ('pending','processing','done','failed','nothing_to_read')),
        reason text,
        attempts int not null default 0 check (attempts >= 0),
        claimed_at timestamptz,
        lines jsonb,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (item_id, version_number)
      )`);
    await q.query(`create index version_text_pending on version_text (updated_at) where status in ('pending','processing')`);
    await q.query(`
      create table text_check_link (
        id uuid primary key default gen_random_uuid(),
        version_id uuid not null references version_text(version_id) on delete cascade,
        claim_id uuid not null references claim(id),
        code text not null,
        kind text not null check (kind in ('auto','suggested','accepted','rejected')),
        text text not null,
        anchor jsonb not null,
        similarity numeric not null,
        decided_by uuid references app_user(id),
        decided_at timestamptz,
        check ((kind in ('accepted','rejected')) = (decided_by is not null))
      )`);
    await q.query(`create index text_check_link_version on text_check_link (version_id)`);
    await q.query(`
      create table unsupported_statement (
        id uuid primary key default gen_random_uuid(),
        version_id uuid not null references version_text(version_id) on delete cascade,
        text text not null,
        anchor jsonb not null
      )`);
    await q.query(`create index unsupported_statement_version on unsupported_statement (version_id)`);
    await q.query(`
      insert into version_text (version_id, item_id, version_number, storage_key, mime_type, product, language)
      select v.id, v.item_id, v.number, v.storage_key, v.mime_type, i.product, i.language
      from content_version v join content_item i on i.id = v.item_id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table unsupported_statement`);
    await q.query(`drop table text_check_link`);
    await q.query(`drop table version_text`);
  }
}
