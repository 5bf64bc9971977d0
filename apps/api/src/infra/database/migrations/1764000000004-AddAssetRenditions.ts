import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What was measured in each version's file (duration, resolution), the background renditions of each
 * version (owned by assets/), and presigned direct uploads waiting to be completed.
 */
export class AddAssetRenditions1764000000004 implements MigrationInterface {
  name = 'AddAssetRenditions1764000000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table content_version
        add column duration_seconds numeric check (duration_seconds >= 0),
        add column width int check (width > 0),
        add column height int check (height > 0)`);
    await q.query(`
      create table asset_rendition (
        version_id uuid primary key references content_version(id),
        original_key text not null unique,
        mime_type text not null,
        status text not null default 'pending' check (status in ('pending','processing','ready','failed','not_applicable')),
        attempts int not null default 0 check (attempts >= 0),
        error text,
        claimed_at timestamptz,
        clean_preview_wanted boolean not null default false,
        thumbnail_key text,
        preview_key text,
        preview_watermarked boolean not null default true,
        updated_at timestamptz not null default now()
      )`);
    await q.query(`create index asset_rendition_todo_idx on asset_rendition (status) where status in ('pending','processing')`);
    // Versions stored before this migration keep their originals: the orphan sweep spares every key listed here.
    await q.query(`insert into asset_rendition (version_id, original_key, mime_type) select id, storage_key, mime_type from content_version`);
    await q.query(`
      create table asset_upload (
        id uuid primary key,
        item_id uuid not null references content_item(id),
        storage_key text not null unique,
        filename text not null,
        max_bytes bigint not null check (max_bytes > 0),
        created_by uuid not null references app_user(id),
        expires_at timestamptz not null,
        completed_at timestamptz,
        created_at timestamptz not null default now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table asset_upload`);
    await q.query(`drop table asset_rendition`);
    await q.query(`alter table content_version drop column duration_seconds, drop column width, drop column height`);
  }
}
