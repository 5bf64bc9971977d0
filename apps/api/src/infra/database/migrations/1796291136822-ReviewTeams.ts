import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Review teams (issue 12): reviewer groups with a quorum per lane; a lane assignment and one review
 * task per member for each round; decisions that say which task they close and, for a delegate, on
 * whose behalf (also on the signature); out-of-office periods with a delegate; agency guests invited
 * to single items. A lane may now hold several decisions per version (one per member), still never
 * two by the same person on a version.
 */
export class ReviewTeams1796291136822 implements MigrationInterface {
  name = 'ReviewTeams1796291136822';

  async up(q: QueryRunner): Promise<void> {
    // Identity: the guest role, alone on its accounts (a guest is never also staff).
    await q.query(`alter table app_user drop constraint app_user_roles_known`);
    await q.query(`
      alter table app_user add constraint app_user_roles_known check (
        cardinality(roles) > 0 and
        roles <@ array['admin','editor','marketing_reviewer','medical_reviewer','regulatory_reviewer','rep','agency']::text[] and
        (not ('agency' = any(roles)) or roles = array['agency']::text[]))`);
    await q.query(`
      create table user_absence (
        user_id uuid primary key references app_user(id),
        starts_at timestamptz not null,
        ends_at timestamptz not null,
        delegate_id uuid not null references app_user(id),
        updated_at timestamptz not null default now(),
        constraint user_absence_period check (ends_at > starts_at),
        constraint user_absence_not_self check (delegate_id <> user_id)
      )`);
    await q.query(`create index user_absence_delegate_idx on user_absence (delegate_id, ends_at)`);
    await q.query(`alter table signature add column on_behalf_of uuid references app_user(id)`);
    await q.query(`
      create table guest_invitation (
        id uuid primary key default gen_random_uuid(),
        item_id uuid not null references content_item(id),
        guest_id uuid not null references app_user(id),
        invited_by uuid not null references app_user(id),
        -- SHA-256 of the one-time link's token; cleared when used, so a link works once.
        token_hash text unique,
        token_expires_at timestamptz not null,
        expires_at timestamptz not null,
        accepted_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz not null default now()
      )`);
    // One live invitation per guest and item: inviting again renews it.
    await q.query(`create unique index guest_invitation_live_key on guest_invitation (item_id, guest_id) where revoked_at is null`);
    await q.query(`create index guest_invitation_guest_idx on guest_invitation (guest_id)`);

    // Review: groups and their members.
    await q.query(`
      create table review_group (
        id uuid primary key default gen_random_uuid(),
        name text not null,
        lane text not null check (lane in ('marketing','medical','regulatory')),
        quorum_rule text not null check (quorum_rule in ('all','any','n_of_m')),
        quorum_n int check (quorum_n >= 1),
        products text[] not null default '{}',
        markets text[] not null default '{}',
        active boolean not null default true,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint review_group_n_with_n_of_m check ((quorum_rule = 'n_of_m') = (quorum_n is not null))
      )`);
    await q.query(`create unique index review_group_name_key on review_group (lower(name))`);
    // One default group (no product, no market) per lane among the active ones: "the default" is never ambiguous.
    await q.query(`create unique index review_group_one_default_key on review_group (lane) where active and products = '{}' and markets = '{}'`);
    await q.query(`
      create table review_group_member (
        group_id uuid not null references review_group(id) on delete cascade,
        user_id uuid not null references app_user(id),
        primary key (group_id, user_id)
      )`);

    // Review: who staffs each lane in each round, and one task per member.
    await q.query(`
      create table review_lane_assignment (
        item_id uuid not null references content_item(id),
        round int not null check (round >= 1),
        lane text not null check (lane in ('marketing','medical','regulatory')),
        version_number int not null,
        -- null: no group covers the item; everyone with the lane's role may decide, any one approves.
        group_id uuid references review_group(id),
        group_name text,
        quorum_rule text not null check (quorum_rule in ('all','any','n_of_m')),
        required int not null check (required >= 1),
        created_at timestamptz not null default now(),
        primary key (item_id, round, lane)
      )`);
    await q.query(`
      create table review_task (
        id uuid primary key default gen_random_uuid(),
        item_id uuid not null,
        round int not null,
        lane text not null,
        version_number int not null,
        assignee_id uuid not null references app_user(id),
        due_at timestamptz,
        status text not null default 'open' check (status in ('open','done','closed')),
        decision text check (decision in ('approve','approve_with_changes','request_changes')),
        decision_id uuid references review_decision(id),
        decided_by uuid references app_user(id),
        closed_at timestamptz,
        closed_reason text check (closed_reason in ('quorum_reached','changes_requested','other_lane_decided','withdrawn','round_halted')),
        created_at timestamptz not null default now(),
        foreign key (item_id, round, lane) references review_lane_assignment (item_id, round, lane),
        constraint review_task_one_per_member unique (item_id, round, lane, assignee_id),
        constraint review_task_done_has_decision check ((status = 'done') = (decision is not null and decision_id is not null and decided_by is not null)),
        constraint review_task_closed_has_reason check ((status = 'closed') = (closed_reason is not null)),
        constraint review_task_open_not_closed check ((status = 'open') = (closed_at is null))
      )`);
    await q.query(`create index review_task_open_idx on review_task (assignee_id, due_at) where status = 'open'`);
    await q.query(`create index review_task_decided_by_idx on review_task (decided_by, closed_at)`);
    await q.query(`create index review_task_assignee_closed_idx on review_task (assignee_id, closed_at) where status <> 'open'`);

    // Decisions: several per lane (one per member), still one per person and version (review_decision_one_lane_per_reviewer).
    await q.query(`alter table review_decision drop constraint review_decision_one_per_lane`);
    await q.query(`
      alter table review_decision
        add column task_id uuid references review_task(id),
        add column on_behalf_of uuid references app_user(id),
        add column on_behalf_of_name text,
        add constraint review_decision_on_behalf_named check ((on_behalf_of is null) = (on_behalf_of_name is null))`);
    await q.query(`create unique index review_decision_task_key on review_decision (task_id) where task_id is not null`);

    // Reviews in flight keep today's rule: each pending lane is open to everyone with its role, any one approves.
    await q.query(`
      insert into review_lane_assignment (item_id, round, lane, version_number, group_id, group_name, quorum_rule, required)
      select r.item_id, r.round, l.lane, i.current_version, null, null, 'any', 1
        from item_review r
        join content_item i on i.id = r.item_id
        cross join unnest(array['marketing','medical','regulatory']) as l(lane)
       where r.status = 'in_review' and r.round >= 1 and i.current_version is not null
         and r.workflow_snapshot #>> array['context','lanes',l.lane] = 'pending'`);
    await q.query(`
      insert into review_task (item_id, round, lane, version_number, assignee_id, due_at)
      select a.item_id, a.round, a.lane, a.version_number, u.id, r.due_at
        from review_lane_assignment a
        join item_review r on r.item_id = a.item_id
        join content_item i on i.id = a.item_id
        join content_version v on v.item_id = a.item_id and v.number = a.version_number
        join app_user u on u.active and (a.lane || '_reviewer') = any(u.roles)
       where u.id <> i.owner_id and u.id <> v.created_by
         and not exists (select 1 from review_decision d where d.item_id = a.item_id and d.version_number = a.version_number and d.reviewer_id = u.id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index review_decision_task_key`);
    await q.query(`
      alter table review_decision
        drop constraint review_decision_on_behalf_named,
        drop column on_behalf_of_name, drop column on_behalf_of, drop column task_id`);
    await q.query(`drop table review_task`);
    await q.query(`drop table review_lane_assignment`);
    await q.query(`drop table review_group_member`);
    await q.query(`drop table review_group`);
    await q.query(`drop table guest_invitation`);
    await q.query(`alter table signature drop column on_behalf_of`);
    await q.query(`drop table user_absence`);
    // Quorum decisions do not fit the one-decision-per-lane rule: keep the first of each lane.
    await q.query(`
      delete from review_decision d using review_decision e
       where d.item_id = e.item_id and d.version_number = e.version_number and d.lane = e.lane and d.decided_at > e.decided_at`);
    await q.query(`alter table review_decision add constraint review_decision_one_per_lane unique (item_id, version_number, lane)`);
    // Guests go with their role (a guest who uploaded a version is still referenced by it: undoing then fails).
    await q.query(`delete from user_session where user_id in (select id from app_user where 'agency' = any(roles))`);
    await q.query(`delete from app_user where 'agency' = any(roles)`);
    await q.query(`alter table app_user drop constraint app_user_roles_known`);
    await q.query(`
      alter table app_user add constraint app_user_roles_known check (
        cardinality(roles) > 0 and
        roles <@ array['admin','editor','marketing_reviewer','medical_reviewer','regulatory_reviewer','rep']::text[])`);
  }
}
