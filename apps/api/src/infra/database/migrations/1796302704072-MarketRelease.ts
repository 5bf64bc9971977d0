import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Market release (issue 12): a market policy may require a signed final release after MLR approval
 * (France: the responsible pharmacist). The role, the `awaiting_release` status, the round's release
 * market on the review, and the signed releases themselves.
 */
export class MarketRelease1796302704072 implements MigrationInterface {
  name = 'MarketRelease1796302704072';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table app_user drop constraint app_user_roles_known`);
    await q.query(`
      alter table app_user add constraint app_user_roles_known check (
        cardinality(roles) > 0 and
        roles <@ array['admin','editor','marketing_reviewer','medical_reviewer','regulatory_reviewer','responsible_pharmacist','rep','agency']::text[] and
        (not ('agency' = any(roles)) or roles = array['agency']::text[]))`);
    await q.query(`alter table item_review drop constraint item_review_status_check`);
    await q.query(`
      alter table item_review add constraint item_review_status_check
        check (status in ('draft','in_review','changes_requested','approved_with_changes','awaiting_release','approved','suspended','expired','withdrawn','retired'))`);
    // The market whose policy asked for a release in the latest round; null when none did.
    await q.query(`alter table item_review add column release_market text`);
    await q.query(`
      create table market_release (
        id uuid primary key default gen_random_uuid(),
        item_id uuid not null references content_item(id),
        version_id uuid not null references content_version(id),
        version_number int not null,
        sha256 text not null,
        market text not null,
        filing_reference text,
        released_by uuid not null references app_user(id),
        released_by_name text not null,
        signature_id uuid not null references signature(id),
        released_at timestamptz not null,
        constraint market_release_once_per_version unique (version_id)
      )`);
    await q.query(`create index market_release_item_idx on market_release (item_id, released_at desc)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table market_release`);
    await q.query(`alter table item_review drop column release_market`);
    await q.query(`update item_review set status = 'approved' where status = 'awaiting_release'`);
    await q.query(`alter table item_review drop constraint item_review_status_check`);
    await q.query(`
      alter table item_review add constraint item_review_status_check
        check (status in ('draft','in_review','changes_requested','approved_with_changes','approved','suspended','expired','withdrawn','retired'))`);
    await q.query(`update app_user set roles = array_remove(roles, 'responsible_pharmacist') where 'responsible_pharmacist' = any(roles) and cardinality(roles) > 1`);
    // A pharmacist-only account goes with its role (one that signed releases is still referenced: undoing then fails).
    await q.query(`delete from user_session where user_id in (select id from app_user where roles = array['responsible_pharmacist']::text[])`);
    await q.query(`delete from app_user where roles = array['responsible_pharmacist']::text[]`);
    await q.query(`alter table app_user drop constraint app_user_roles_known`);
    await q.query(`
      alter table app_user add constraint app_user_roles_known check (
        cardinality(roles) > 0 and
        roles <@ array['admin','editor','marketing_reviewer','medical_reviewer','regulatory_reviewer','rep','agency']::text[] and
        (not ('agency' = any(roles)) or roles = array['agency']::text[]))`);
  }
}
