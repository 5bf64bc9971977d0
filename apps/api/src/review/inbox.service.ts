import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { INBOX_PAGE_SIZE, type Inbox, type InboxQuery, type InboxTask, type SessionUser } from '@vetted/contracts';
import { DataSource } from 'typeorm';
import { unsupportedStatementsCount } from '../detection/unsupported-statements.sql.js';

/**
 * The open lane tasks of a reviewer: their own, and those of absent colleagues they cover for now
 * (where they may decide: holding the lane's role, not the item's author or the version's uploader,
 * not having signed on this version already). Only tasks of the round under review count.
 */
const OPEN_LANE_TASKS = `
  select t.id as task_id, 'lane_review' as kind, t.lane, t.round, t.version_number, t.due_at, t.status,
         nullif(t.assignee_id, $1) as covering_id, t.decision, t.decided_by, t.assignee_id, t.closed_at, t.closed_reason, t.item_id
    from review_task t
    join item_review r on r.item_id = t.item_id and r.round = t.round and r.status = 'in_review'
   where t.status = 'open'
     and (t.assignee_id = $1 or (
          t.assignee_id in (select a.user_id from user_absence a where a.delegate_id = $1 and a.starts_at <= now() and a.ends_at > now())
          and (t.lane || '_reviewer') = any($2::text[])
          and not exists (select 1 from content_item i where i.id = t.item_id and i.owner_id = $1)
          and not exists (select 1 from content_version v where v.item_id = t.item_id and v.number = t.version_number and v.created_by = $1)
          and not exists (select 1 from review_decision d where d.item_id = t.item_id and d.version_number = t.version_number and d.reviewer_id = $1)))`;

/** Open periodic reviews, for medical and regulatory reviewers who neither wrote the item nor uploaded the approved version. */
const OPEN_PERIODIC_REVIEWS = `
  select null::uuid as task_id, 'periodic_review' as kind, null as lane, null::int as round, v.number as version_number, r.expires_at as due_at,
         'open' as status, null::uuid as covering_id, null as decision, null::uuid as decided_by, null::uuid as assignee_id,
         null::timestamptz as closed_at, null as closed_reason, r.item_id
    from item_review r
    join content_item i on i.id = r.item_id
    join content_version v on v.id = r.approved_version_id
   where $3 and r.status = 'approved' and r.periodic_review_opened_at is not null and i.owner_id <> $1 and v.created_by <> $1`;

/** Tasks that left my inbox: decided by me or for me, or closed without me (quorum reached, round ended), and my periodic reviews. */
const DONE_LANE_TASKS = `
  select t.id as task_id, 'lane_review' as kind, t.lane, t.round, t.version_number, t.due_at, t.status,
         nullif(t.assignee_id, $1) as covering_id, t.decision, t.decided_by, t.assignee_id, t.closed_at, t.closed_reason, t.item_id
    from review_task t
   -- ($2, the roles, matters to open tasks only; named here so both lists take the same parameters.)
   where t.status <> 'open' and (t.assignee_id = $1 or t.decided_by = $1) and $2::text[] is not null`;

const DONE_PERIODIC_REVIEWS = `
  select null::uuid as task_id, 'periodic_review' as kind, null as lane, null::int as round, v.number as version_number, null::timestamptz as due_at,
         'done' as status, null::uuid as covering_id, p.decision, p.reviewer_id as decided_by, p.reviewer_id as assignee_id,
         p.decided_at as closed_at, null as closed_reason, p.item_id
    from periodic_review_decision p join content_version v on v.id = p.version_id
   where p.reviewer_id = $1 and $3`;

interface Row {
  task_id: string | null;
  kind: InboxTask['kind'];
  lane: InboxTask['lane'];
  round: number | null;
  version_number: number | null;
  due_at: Date | null;
  status: InboxTask['status'];
  covering_id: string | null;
  covering_name: string | null;
  decision: InboxTask['decision'];
  decided_by: string | null;
  decided_by_name: string | null;
  assignee_id: string | null;
  closed_at: Date | null;
  closed_reason: InboxTask['closedReason'];
  overdue: boolean;
  item_id: string;
  title: string;
  format: InboxTask['item']['format'];
  item_status: InboxTask['item']['status'];
  product: string | null;
  market: string | null;
  planned_at: Date;
  fast_track: boolean;
  submitted_at: Date | null;
  unsupported_statements: number;
}

/** The reviewer's inbox: review tasks from the database, a page at a time, never a machine restored per item. */
@Injectable()
export class InboxService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async inbox(user: SessionUser, query: InboxQuery): Promise<Inbox> {
    const periodicReviewer = user.roles.includes('medical_reviewer') || user.roles.includes('regulatory_reviewer');
    const params = [user.id, user.roles, periodicReviewer];
    const open = `${OPEN_LANE_TASKS} union all ${OPEN_PERIODIC_REVIEWS}`;
    const done = `${DONE_LANE_TASKS} union all ${DONE_PERIODIC_REVIEWS}`;
    // The open tasks are read once for both of their counts (on 100,000 items, reading them twice was a third of the request).
    const [counts] = (await this.dataSource.query(
      `select o.open, o.overdue, (select count(*) from (${done}) d)::int as done
         from (select count(*)::int as open, (count(*) filter (where o.due_at < now()))::int as overdue from (${open}) o) o`,
      params,
    )) as Array<Inbox['counts']>;
    const source = query.status === 'open' ? open : done;
    // Open: the most urgent first. Done: the most recently closed first.
    const order = query.status === 'open' ? 'x.due_at asc nulls last, i.planned_at asc, x.item_id, x.lane' : 'x.closed_at desc nulls last, x.item_id, x.lane';
    const rows = (await this.dataSource.query(
      `select x.*, (x.status = 'open' and x.due_at < now()) as overdue, c.name as covering_name, d.name as decided_by_name,
              i.title, i.format, r.status as item_status, i.product, i.market, i.planned_at, r.fast_track, r.submitted_at,
              ${unsupportedStatementsCount('x.item_id', 'coalesce(x.version_number, i.current_version)')} as unsupported_statements
         from (${source}) x
         join content_item i on i.id = x.item_id
         join item_review r on r.item_id = x.item_id
         left join app_user c on c.id = x.covering_id
         left join app_user d on d.id = x.decided_by
        order by ${order}
        limit $4 offset $5`,
      [...params, INBOX_PAGE_SIZE, (query.page - 1) * INBOX_PAGE_SIZE],
    )) as Row[];
    return {
      tasks: rows.map(toTask),
      page: query.page,
      pageSize: INBOX_PAGE_SIZE,
      total: query.status === 'open' ? counts.open : counts.done,
      counts,
    };
  }
}

function toTask(r: Row): InboxTask {
  return {
    taskId: r.task_id,
    kind: r.kind,
    lane: r.lane,
    round: r.round,
    versionNumber: r.version_number,
    dueAt: r.due_at?.toISOString() ?? null,
    overdue: r.overdue,
    status: r.status,
    coveringFor: r.covering_id ? { id: r.covering_id, name: r.covering_name ?? '' } : null,
    decision: r.decision,
    decidedBy: r.decided_by && r.decided_by !== r.assignee_id ? { id: r.decided_by, name: r.decided_by_name ?? '' } : null,
    closedAt: r.closed_at?.toISOString() ?? null,
    closedReason: r.closed_reason,
    item: {
      id: r.item_id,
      title: r.title,
      format: r.format,
      status: r.item_status,
      product: r.product,
      market: r.market,
      plannedAt: r.planned_at.toISOString(),
      fastTrack: r.fast_track,
      submittedAt: r.submitted_at?.toISOString() ?? null,
      unsupportedStatements: r.unsupported_statements,
    },
  };
}
