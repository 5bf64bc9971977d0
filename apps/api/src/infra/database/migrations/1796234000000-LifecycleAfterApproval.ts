import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Review machine version 2, the life after the first approval: approval with changes (a lane
 * approves on condition of listed changes, confirmed on the corrected version while the others
 * carry forward), revisions that supersede the version in use, and periodic reviews. Stored snapshots are upgraded by the code on their next write (upgradeReviewSnapshot).
 */
export class LifecycleAfterApproval1796234000000 implements MigrationInterface {
  name = 'LifecycleAfterApproval1796234000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table item_review drop constraint item_review_status_check`);
    await q.query(`
      alter table item_review add constraint item_review_status_check
        check (status in ('draft','in_review','changes_requested','approved_with_changes','approved','expired','withdrawn','retired'))`);
    await q.query(`alter table review_decision drop constraint review_decision_decision_check`);
    await q.query(`
      alter table review_decision add constraint review_decision_decision_check
        check (decision in ('approve','approve_with_changes','request_changes','carried_forward'))`);
    // An approved revision replaces the version in use; the replaced ones stay, with their signatures.
    await q.query(`alter table item_review add column superseded_version_ids uuid[] not null default '{}'`);
    await q.query(`alter table item_review add column periodic_review_opened_at timestamptz`);
    // A version that leaves use gets its watermark back, saying why (withdrawn, expired, superseded, retired).
    await q.query(`alter table asset_rendition add column watermark_label text`);
    await q.query(`
      create table periodic_review_decision (
        id uuid primary key default gen_random_uuid(),
        item_id uuid not null references content_item(id),
        version_id uuid not null references content_version(id),
        decision text not null check (decision in ('recertify','retire')),
        reviewer_id uuid not null references app_user(id),
        reviewer_name text not null,
        comment text,
        signature_id uuid not null references signature(id),
        decided_at timestamptz not null
      )`);
    // A carried-forward approval points at the signature given on the earlier version, and says which.
    await q.query(`alter table review_decision add column carried_from_version int`);
    await q.query(`
      alter table review_decision add constraint review_decision_carried_names_source
        check ((decision = 'carried_forward') = (carried_from_version is not null))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table asset_rendition drop column watermark_label`);
    await q.query(`drop table periodic_review_decision`);
    await q.query(`alter table item_review drop column periodic_review_opened_at`);
    await q.query(`alter table item_review drop column superseded_version_ids`);
    await q.query(`delete from review_decision where decision in ('carried_forward', 'approve_with_changes')`);
    await q.query(`alter table review_decision drop constraint review_decision_carried_names_source`);
    await q.query(`alter table review_decision drop column carried_from_version`);
    await q.query(`alter table review_decision drop constraint review_decision_decision_check`);
    await q.query(`alter table review_decision add constraint review_decision_decision_check check (decision in ('approve','request_changes'))`);
    await q.query(`alter table item_review drop constraint item_review_status_check`);
    await q.query(`
      alter table item_review add constraint item_review_status_check
        check (status in ('draft','in_review','changes_requested','approved','expired','withdrawn'))`);
  }
}
