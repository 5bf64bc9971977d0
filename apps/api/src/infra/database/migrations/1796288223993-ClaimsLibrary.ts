import type { MigrationInterface, QueryRunner } from 'typeorm';

// Accent folding that PostgreSQL can index: translate() is built in and immutable, where the
// unaccent extension is not installed on every managed database (and is not immutable). The
// typographic apostrophe becomes a space: the text parser keeps "l’insuffisance" as one word.
const ACCENTED = 'áàâäãåçéèêëíìîïñóòôöõœúùûüýÿÁÀÂÄÃÅÇÉÈÊËÍÌÎÏÑÓÒÔÖÕŒÚÙÛÜÝŸ’';
const PLAIN = 'aaaaaaceeeeiiiinoooooouuuuyyAAAAAACEEEEIIIINOOOOOOUUUUYY ';

/**
 * The claims library: claims with their references and signed lane decisions, searchable in French
 * and English with or without accents. Items reference claims by id, with an optional anchor each.
 * Claim strings items declared before are carried over as draft claims of the item's product, so
 * nothing is fast-tracked on a claim no one approved in the library. Reviews remember an escalation.
 */
export class ClaimsLibrary1796288223993 implements MigrationInterface {
  name = 'ClaimsLibrary1796288223993';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create function vetted_fold(text) returns text language sql immutable parallel safe as $$ select lower(translate($1, '${ACCENTED}', '${PLAIN}')) $$`);
    await q.query(`
      create table claim (
        id uuid primary key default gen_random_uuid(),
        code text not null check (code ~ '^[A-Z0-9][A-Z0-9._-]{0,39}$'),
        product text not null check (length(product) between 1 and 100),
        statement text not null check (length(statement) between 1 and 2000),
        translations jsonb not null default '{}',
        therapeutic_area text,
        markets text[] not null default '{}',
        status text not null check (status in ('draft', 'in_review', 'changes_requested', 'approved', 'withdrawn', 'expired')),
        workflow_snapshot jsonb,
        workflow_version int not null default 1,
        round int not null default 0,
        search_document text not null,
        search tsvector generated always as (
          to_tsvector('simple', vetted_fold(search_document)) || to_tsvector('french', vetted_fold(search_document)) || to_tsvector('english', vetted_fold(search_document))
        ) stored,
        created_by uuid not null references app_user(id),
        submitted_at timestamptz,
        approved_at timestamptz,
        expires_at timestamptz,
        withdrawn_reason text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (product, code)
      )`);
    // No pending list: claims are written rarely and searched all day, so every entry goes straight into the tree.
    await q.query(`create index claim_search_idx on claim using gin (search) with (fastupdate = off)`);
    await q.query(`create index claim_status_expiry_idx on claim (status, expires_at)`);
    await q.query(`
      create table claim_reference (
        id uuid primary key default gen_random_uuid(),
        claim_id uuid not null references claim(id),
        citation text not null,
        doi text,
        pmid text,
        locator text,
        storage_key text,
        filename text,
        mime_type text,
        size bigint,
        sha256 text,
        created_by uuid not null references app_user(id),
        created_at timestamptz not null default now()
      )`);
    await q.query(`create index claim_reference_claim_idx on claim_reference (claim_id, created_at)`);
    await q.query(`
      create table claim_decision (
        id uuid primary key default gen_random_uuid(),
        claim_id uuid not null references claim(id),
        round int not null,
        lane text not null check (lane in ('medical', 'regulatory')),
        decision text not null check (decision in ('approve', 'request_changes')),
        reviewer_id uuid not null references app_user(id),
        reviewer_name text not null,
        comment text,
        content_sha256 text not null,
        signature_id uuid not null references signature(id),
        decided_at timestamptz not null,
        unique (claim_id, round, lane)
      )`);
    await q.query(`alter table content_item add column claim_anchors jsonb not null default '{}'`);
    await q.query(`alter table item_review add column escalation jsonb`);
    await q.query(`alter table item_review drop constraint item_review_status_check`);
    await q.query(`
      alter table item_review add constraint item_review_status_check
        check (status in ('draft','in_review','changes_requested','approved_with_changes','approved','suspended','expired','withdrawn','retired'))`);
    await q.query(`create index content_item_claim_ids_idx on content_item using gin (claim_ids)`);

    // Claims declared as free text become draft claims of the item's product (one per product and code).
    await q.query(`
      insert into claim (code, product, statement, status, search_document, created_by)
      select distinct on (product, code) code, product, 'Imported claim ' || original || ': write its statement and references, then submit it for review', 'draft', code, owner_id
      from (
        select i.owner_id, c.original, coalesce(i.product, 'unassigned') as product,
               left(upper(regexp_replace(regexp_replace(c.original, '[^A-Za-z0-9._-]+', '-', 'g'), '^[^A-Za-z0-9]+', '')), 40) as code, i.created_at
        from content_item i cross join lateral unnest(i.claim_ids) as c(original)
      ) declared
      where code <> ''
      order by product, code, created_at`);
    await q.query(`
      update content_item i set claim_ids = coalesce((
        select array_agg(distinct cl.id::text)
        from unnest(i.claim_ids) as c(original)
        join claim cl on cl.product = coalesce(i.product, 'unassigned')
          and cl.code = left(upper(regexp_replace(regexp_replace(c.original, '[^A-Za-z0-9._-]+', '-', 'g'), '^[^A-Za-z0-9]+', '')), 40)
      ), '{}')
      where cardinality(i.claim_ids) > 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`update content_item i set claim_ids = coalesce((select array_agg(cl.code) from claim cl where cl.id::text = any(i.claim_ids)), '{}')`);
    await q.query(`drop index content_item_claim_ids_idx`);
    await q.query(`alter table item_review drop constraint item_review_status_check`);
    await q.query(`
      alter table item_review add constraint item_review_status_check
        check (status in ('draft','in_review','changes_requested','approved_with_changes','approved','expired','withdrawn','retired'))`);
    await q.query(`alter table item_review drop column escalation`);
    await q.query(`alter table content_item drop column claim_anchors`);
    await q.query(`drop table claim_decision`);
    await q.query(`drop table claim_reference`);
    await q.query(`drop table claim`);
    await q.query(`drop function vetted_fold(text)`);
  }
}
