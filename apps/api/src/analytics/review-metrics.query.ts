import { REVIEW_LANES, REVISION_STATUSES, EXPIRY_HORIZONS, type AnalyticsDashboard, type ReviewLane } from '@vetted/contracts';
import type { EntityManager } from 'typeorm';
import { inScope, median, p90, SCOPED_ITEMS, scopeParams, type AnalyticsScope } from './analytics-scope.js';

type ReviewMetrics = AnalyticsDashboard['review'];

/**
 * The review half of the dashboard, in five aggregate queries over item_review, review_task and
 * review_decision (a report: it reads the review module's tables and writes nothing).
 */
export async function reviewMetrics(db: EntityManager, scope: AnalyticsScope): Promise<ReviewMetrics> {
  const params = scopeParams(scope);
  const [laneRows, approvedRows, roundRows, overdueRows, expiringRows] = await Promise.all([
    db.query(
      `with ${SCOPED_ITEMS},
       lanes as (
         select t.item_id, t.round, t.lane, min(t.created_at) as started_at, max(t.closed_at) filter (where t.status = 'done') as decided_at
           from review_task t
          -- Only the rounds with a decision in the period (review_task_done_closed_idx), not every task ever.
          where ${inScope('t.item_id')} and (t.item_id, t.round) in (select item_id, round from review_task where status = 'done' and closed_at >= $1 and closed_at < $2)
          group by t.item_id, t.round, t.lane)
       select lane, count(*)::int as count, ${median('decided_at - started_at')} as median_hours, ${p90('decided_at - started_at')} as p90_hours
         from lanes where decided_at >= $1 and decided_at < $2
        group by lane`,
      params,
    ) as Promise<Array<{ lane: ReviewLane; count: number; median_hours: number | null; p90_hours: number | null }>>,
    db.query(
      `with ${SCOPED_ITEMS},
       approved as (
         select r.item_id, r.fast_track, r.approved_at - first.at as took,
                not exists (select 1 from review_decision d
                             where d.item_id = r.item_id and d.decision in ('request_changes', 'approve_with_changes') and d.decided_at <= r.approved_at) as first_pass
           from item_review r
           cross join lateral (select min(t.created_at) as at from review_task t where t.item_id = r.item_id) first
          where r.approved_at >= $1 and r.approved_at < $2 and first.at is not null and ${inScope('r.item_id')})
       select count(*)::int as approved,
              count(*) filter (where first_pass)::int as first_pass,
              count(*) filter (where fast_track)::int as fast_tracked,
              ${median('took')} as median_hours, ${p90('took')} as p90_hours,
              ${median('took', 'filter (where fast_track)')} as fast_median_hours,
              ${median('took', 'filter (where not fast_track)')} as full_median_hours
         from approved`,
      params,
    ) as Promise<Array<{ approved: number; first_pass: number; fast_tracked: number; median_hours: number | null; p90_hours: number | null; fast_median_hours: number | null; full_median_hours: number | null }>>,
    db.query(
      `with ${SCOPED_ITEMS}
       select r.round as rounds, count(*)::int as items
         from item_review r
        where r.approved_at >= $1 and r.approved_at < $2 and ${inScope('r.item_id')}
        group by r.round order by r.round`,
      params,
    ) as Promise<Array<{ rounds: number; items: number }>>,
    db.query(
      `with ${SCOPED_ITEMS}
       select t.lane, count(*)::int as overdue
         from review_task t
        where t.status = 'open' and t.due_at < now() and ${inScope('t.item_id')}
        group by t.lane`,
      params,
    ) as Promise<Array<{ lane: ReviewLane; overdue: number }>>,
    db.query(
      `with ${SCOPED_ITEMS}
       select ${EXPIRY_HORIZONS.map((d) => `count(*) filter (where r.expires_at < now() + interval '${d} days')::int as "${d}"`).join(', ')}
         from item_review r
        where ${inScope('r.item_id')} and r.approved_version_id is not null and r.status = any($6::text[])
          and r.expires_at >= now() and r.expires_at < now() + interval '${Math.max(...EXPIRY_HORIZONS)} days'`,
      [...params, ['approved', ...REVISION_STATUSES]],
    ) as Promise<Array<Record<string, number>>>,
  ]);
  const approved = approvedRows[0];
  const lanes = new Map(laneRows.map((r) => [r.lane, r]));
  const overdue = new Map(overdueRows.map((r) => [r.lane, r.overdue]));
  const saved = approved.full_median_hours !== null && approved.fast_median_hours !== null ? round2(approved.full_median_hours - approved.fast_median_hours) : null;
  const totalRounds = roundRows.reduce((sum, r) => sum + r.rounds * r.items, 0);
  const roundItems = roundRows.reduce((sum, r) => sum + r.items, 0);
  return {
    laneCycle: REVIEW_LANES.map((lane) => ({ lane, count: lanes.get(lane)?.count ?? 0, medianHours: lanes.get(lane)?.median_hours ?? null, p90Hours: lanes.get(lane)?.p90_hours ?? null })),
    endToEnd: { count: approved.approved, medianHours: approved.median_hours, p90Hours: approved.p90_hours },
    rounds: { approved: roundItems, average: roundItems ? round2(totalRounds / roundItems) : null, distribution: roundRows },
    firstPass: { approved: approved.approved, firstPass: approved.first_pass, rate: ratio(approved.first_pass, approved.approved) },
    fastTrack: {
      approved: approved.approved,
      fastTracked: approved.fast_tracked,
      share: ratio(approved.fast_tracked, approved.approved),
      fastTrackMedianHours: approved.fast_median_hours,
      fullReviewMedianHours: approved.full_median_hours,
      savedHoursPerItem: saved,
      savedHoursTotal: saved === null ? null : round2(saved * approved.fast_tracked),
    },
    overdueTasks: REVIEW_LANES.map((lane) => ({ lane, overdue: overdue.get(lane) ?? 0 })),
    expiring: EXPIRY_HORIZONS.map((d) => ({ withinDays: d, items: expiringRows[0]?.[String(d)] ?? 0 })),
  };
}

export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
