import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The review state moves out of content_item into item_review, a table only the review module
 * writes (one row per item). content_item keeps the planning data and its latest version number.
 */
export class ReviewOwnsItsState1796231297271 implements MigrationInterface {
  name = 'ReviewOwnsItsState1796231297271';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table item_review (
        item_id uuid primary key references content_item(id),
        status text not null
          check (status in ('draft','in_review','changes_requested','approved','expired','withdrawn')),
        required_lanes text[] not null check (cardinality(required_lanes) > 0),
        fast_track boolean not null,
        fast_track_reason text not null,
        workflow_snapshot jsonb not null,
        workflow_version int not null check (workflow_version > 0),
        round int not null default 0 check (round >= 0),
        submitted_at timestamptz,
        due_at timestamptz,
        approved_version_id uuid references content_version(id),
        approved_sha256 text check (approved_sha256 ~ '^[0-9a-f]{64}$'),
        approved_at timestamptz,
        expires_at timestamptz,
        withdrawn_reason text,
        updated_at timestamptz not null default now(),
        constraint item_review_approval_complete check (
          status <> 'approved' or (approved_version_id is not null and approved_sha256 is not null and approved_at is not null and expires_at is not null))
      )`);
    await q.query(`create index item_review_status_idx on item_review (status)`);
    await q.query(`create index item_review_expiry_idx on item_review (expires_at) where status = 'approved'`);
    // Rounds were not counted before: every version that received a decision was one round.
    await q.query(`
      insert into item_review (item_id, status, required_lanes, fast_track, fast_track_reason, workflow_snapshot, workflow_version, round,
                               submitted_at, due_at, approved_version_id, approved_sha256, approved_at, expires_at, withdrawn_reason, updated_at)
      select i.id, i.status, i.required_lanes, i.fast_track, i.fast_track_reason, i.workflow_snapshot, i.workflow_version,
             case when i.submitted_at is null then 0
                  else greatest(1, (select count(distinct d.version_number) from review_decision d where d.item_id = i.id)) end,
             i.submitted_at, i.due_at,
             (select v.id from content_version v where v.item_id = i.id and v.sha256 = i.approved_sha256 order by v.number desc limit 1),
             i.approved_sha256, i.approved_at, i.expires_at, i.withdrawn_reason, i.updated_at
        from content_item i`);
    await q.query(`drop index content_item_status_idx`);
    await q.query(`drop index content_item_expiry_idx`);
    await q.query(`
      alter table content_item
        drop constraint content_item_approval_complete,
        drop column status, drop column fast_track, drop column fast_track_reason, drop column required_lanes,
        drop column workflow_snapshot, drop column workflow_version, drop column due_at, drop column submitted_at,
        drop column approved_at, drop column approved_sha256, drop column expires_at, drop column withdrawn_reason`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table content_item
        add column status text not null default 'draft', add column fast_track boolean not null default false,
        add column fast_track_reason text not null default '', add column required_lanes text[] not null default '{marketing,medical,regulatory}',
        add column workflow_snapshot jsonb not null default '{}', add column workflow_version int not null default 1,
        add column due_at timestamptz, add column submitted_at timestamptz, add column approved_at timestamptz,
        add column approved_sha256 text, add column expires_at timestamptz, add column withdrawn_reason text`);
    await q.query(`
      update content_item i set status = r.status, fast_track = r.fast_track, fast_track_reason = r.fast_track_reason,
             required_lanes = r.required_lanes, workflow_snapshot = r.workflow_snapshot, workflow_version = r.workflow_version,
             due_at = r.due_at, submitted_at = r.submitted_at, approved_at = r.approved_at, approved_sha256 = r.approved_sha256,
             expires_at = r.expires_at, withdrawn_reason = r.withdrawn_reason
        from item_review r where r.item_id = i.id`);
    await q.query(`drop table item_review`);
    await q.query(`create index content_item_status_idx on content_item (status)`);
    await q.query(`create index content_item_expiry_idx on content_item (expires_at) where status = 'approved'`);
  }
}
