import type { AnalyticsDashboard, ContentFormat, ShareChannel } from '@vetted/contracts';
import type { EntityManager } from 'typeorm';
import { SCOPED_ITEMS, scopeParams, type AnalyticsScope } from './analytics-scope.js';
import { ratio } from './review-metrics.query.js';

type FieldMetrics = AnalyticsDashboard['field'];

const TOP_ITEMS = 10;

/** Shares in the period, joined to the scoped items: the field half's starting set. */
const SHARES = `bucket as (select $6::text as unit),
  shares as (
  select sh.*, s.title, s.format from library_share sh join scoped s on s.id = sh.item_id
   where sh.shared_at >= $1 and sh.shared_at < $2)`;

const SATISFACTION = `count(*)::int as responses, count(feedback_rating)::int as ratings,
  round(avg(feedback_rating)::numeric, 2)::float8 as average_rating,
  count(*) filter (where feedback_useful)::int as useful, count(feedback_useful)::int as answered`;

interface SatisfactionRow {
  responses: number;
  ratings: number;
  average_rating: number | null;
  useful: number;
  answered: number;
}

/** The field half: shares over time by channel and segment, the most shared items, and the reactions reps brought back. */
export async function fieldMetrics(db: EntityManager, scope: AnalyticsScope): Promise<FieldMetrics> {
  const params = [...scopeParams(scope), scope.bucket];
  const bucketed = `to_char(date_trunc($6, sh.shared_at at time zone 'UTC'), 'YYYY-MM-DD')`;
  const run = <T>(select: string) => db.query(`with ${SCOPED_ITEMS}, ${SHARES} ${select}`, params) as Promise<T[]>;
  const [byChannel, bySegment, top, byItem, byFormat, bySegmentSat, byBoth] = await Promise.all([
    run<{ period: string; channel: ShareChannel; shares: number }>(`select ${bucketed} as period, sh.channel, count(*)::int as shares from shares sh group by 1, 2 order by 1, 2`),
    run<{ period: string; segment: string | null; shares: number }>(`select ${bucketed} as period, sh.audience_segment as segment, count(*)::int as shares from shares sh group by 1, 2 order by 1, 2 nulls last`),
    run<{ item_id: string; title: string; format: ContentFormat; shares: number }>(
      `select item_id, title, format, count(*)::int as shares from shares group by item_id, title, format order by shares desc, title limit ${TOP_ITEMS}`,
    ),
    run<SatisfactionRow & { item_id: string; title: string; format: ContentFormat }>(
      `select item_id, title, format, ${SATISFACTION} from shares where feedback_at is not null group by item_id, title, format order by responses desc, title limit ${TOP_ITEMS * 2}`,
    ),
    run<SatisfactionRow & { format: ContentFormat }>(`select format, ${SATISFACTION} from shares where feedback_at is not null group by format order by format`),
    run<SatisfactionRow & { segment: string | null }>(`select audience_segment as segment, ${SATISFACTION} from shares where feedback_at is not null group by 1 order by 1 nulls last`),
    run<SatisfactionRow & { format: ContentFormat; segment: string | null }>(
      `select format, audience_segment as segment, ${SATISFACTION} from shares where feedback_at is not null group by 1, 2 order by 1, 2 nulls last`,
    ),
  ]);
  return {
    sharesByChannel: byChannel,
    sharesBySegment: bySegment,
    topShared: top.map((r) => ({ itemId: r.item_id, title: r.title, format: r.format, shares: r.shares })),
    satisfactionByItem: byItem.map((r) => ({ itemId: r.item_id, title: r.title, format: r.format, ...satisfaction(r) })),
    satisfactionByFormat: byFormat.map((r) => ({ format: r.format, ...satisfaction(r) })),
    satisfactionBySegment: bySegmentSat.map((r) => ({ segment: r.segment, ...satisfaction(r) })),
    satisfactionByFormatAndSegment: byBoth.map((r) => ({ format: r.format, segment: r.segment, ...satisfaction(r) })),
  };
}

function satisfaction(r: SatisfactionRow) {
  return { responses: r.responses, ratings: r.ratings, averageRating: r.average_rating, usefulShare: ratio(r.useful, r.answered) };
}
