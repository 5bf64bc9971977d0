import type { AnalyticsBucket, ContentFormat } from '@vetted/contracts';

/** One dashboard request, resolved: a closed period and the item filters. */
export interface AnalyticsScope {
  from: Date;
  to: Date;
  product: string | null;
  market: string | null;
  format: ContentFormat | null;
  bucket: AnalyticsBucket;
}

/** $1 from, $2 to, $3 product, $4 market, $5 format: the parameters every dashboard query starts with. */
export function scopeParams(scope: AnalyticsScope): unknown[] {
  return [scope.from, scope.to, scope.product, scope.market, scope.format];
}

/**
 * The items the filters keep; every dashboard query joins it (it never reaches Node). The `period`
 * CTE types $1 and $2 for the queries that do not use the period (PostgreSQL must know every type).
 */
export const SCOPED_ITEMS = `period as (select $1::timestamptz as from_at, $2::timestamptz as to_at),
  scoped as (
  select id, title, format from content_item
   where ($3::text is null or product = $3) and ($4::text is null or market = $4) and ($5::text is null or format = $5))`;

/**
 * Whether the item in `column` passes the filters. Without filters the condition folds to `true` when
 * PostgreSQL plans the query (pg sends each query unnamed, so it is planned with its parameters), so an
 * unfiltered dashboard does not scan every content item to keep them all (a join with `scoped` did,
 * once per query: about a quarter of the dashboard's time on 100,000 items).
 */
export const inScope = (column: string) =>
  `(($3::text is null and $4::text is null and $5::text is null)
    or exists (select 1 from content_item si where si.id = ${column} and ($3::text is null or si.product = $3) and ($4::text is null or si.market = $4) and ($5::text is null or si.format = $5)))`;

/** An interval in hours, to two decimals. */
export const hoursOf = (interval: string) => `round((extract(epoch from ${interval}) / 3600)::numeric, 2)`;

export const median = (interval: string, filter = '') =>
  `round((percentile_cont(0.5) within group (order by extract(epoch from ${interval})) ${filter} / 3600)::numeric, 2)::float8`;
export const p90 = (interval: string, filter = '') =>
  `round((percentile_cont(0.9) within group (order by extract(epoch from ${interval})) ${filter} / 3600)::numeric, 2)::float8`;
