import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateContent1764000000002 implements MigrationInterface {
  name = 'CreateContent1764000000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table content_item (
        id uuid primary key default gen_random_uuid(),
        title text not null,
        description text,
        format text not null check (format in ('video','podcast','infographic','series')),
        status text not null default 'draft'
          check (status in ('draft','in_review','changes_requested','approved','expired','withdrawn')),
        planned_at timestamptz not null,
        channels text[] not null default '{}',
        segments text[] not null default '{}',
        owner_id uuid not null references app_user(id),
        source_item_id uuid references content_item(id),
        claim_ids text[] not null default '{}',
        fast_track boolean not null,
        fast_track_reason text not null,
        required_lanes text[] not null check (cardinality(required_lanes) > 0),
        workflow_snapshot jsonb not null,
        workflow_version int not null,
        due_at timestamptz,
        current_version int,
        submitted_at timestamptz,
        approved_at timestamptz,
        approved_sha256 text,
        expires_at timestamptz,
        withdrawn_reason text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint content_item_approval_complete check (status <> 'approved' or (approved_at is not null and expires_at is not null and approved_sha256 is not null))
      )`);
    await q.query(`create index content_item_planned_idx on content_item (planned_at)`);
    await q.query(`create index content_item_status_idx on content_item (status)`);
    await q.query(`create index content_item_expiry_idx on content_item (expires_at) where status = 'approved'`);
    await q.query(`
      create table content_version (
        id uuid primary key default gen_random_uuid(),
        item_id uuid not null references content_item(id),
        number int not null check (number > 0),
        note text,
        storage_key text not null unique,
        filename text not null,
        mime_type text not null,
        size bigint not null check (size >= 0),
        sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
        created_by uuid not null references app_user(id),
        created_at timestamptz not null default now(),
        unique (item_id, number)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table content_version`);
    await q.query(`drop table content_item`);
  }
}
