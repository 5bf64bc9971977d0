import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ANALYTICS_DEFAULT_DAYS, ANALYTICS_MAX_DAYS, type AnalyticsDashboard, type AnalyticsQuery } from '@vetted/contracts';
import { DataSource } from 'typeorm';
import { BadInputError } from '../common/domain-errors.js';
import type { AnalyticsScope } from './analytics-scope.js';
import { fieldMetrics } from './field-metrics.query.js';
import { reviewMetrics } from './review-metrics.query.js';

const DAY_MS = 86_400_000;

/** The editorial committee's dashboard: SQL aggregates over one snapshot of the data, nothing loaded into Node. */
@Injectable()
export class AnalyticsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async dashboard(query: AnalyticsQuery): Promise<AnalyticsDashboard> {
    const scope = resolveScope(query, new Date());
    // One repeatable-read snapshot, so the two halves describe the same moment.
    const [review, field] = await this.dataSource.transaction('REPEATABLE READ', async (tx) => {
      const r = await reviewMetrics(tx, scope);
      return [r, await fieldMetrics(tx, scope)] as const;
    });
    return {
      period: { from: scope.from.toISOString(), to: scope.to.toISOString(), bucket: scope.bucket },
      filters: { product: scope.product, market: scope.market, format: scope.format },
      review,
      field,
    };
  }
}

/** The period defaults to the last 90 days before `to` (itself now by default). */
export function resolveScope(query: AnalyticsQuery, now: Date): AnalyticsScope {
  const to = query.to ? new Date(query.to) : now;
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - ANALYTICS_DEFAULT_DAYS * DAY_MS);
  if (from >= to) throw new BadInputError('from must be before to', { from: from.toISOString(), to: to.toISOString() }, 'invalid_input');
  if (to.getTime() - from.getTime() > ANALYTICS_MAX_DAYS * DAY_MS) throw new BadInputError(`the period may span at most ${ANALYTICS_MAX_DAYS} days`, undefined, 'invalid_input');
  return { from, to, product: query.product ?? null, market: query.market ?? null, format: query.format ?? null, bucket: query.bucket };
}
