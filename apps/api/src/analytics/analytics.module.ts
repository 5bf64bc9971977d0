// The editorial committee's dashboard: a report over review and field data, read with aggregate
// queries of its own (review cycle, rounds, fast track, expiries, shares, reactions); it writes nothing.
import { Module } from '@nestjs/common';
import { AnalyticsController } from './analytics.controller.js';
import { AnalyticsService } from './analytics.service.js';

@Module({ controllers: [AnalyticsController], providers: [AnalyticsService] })
export class AnalyticsModule {}
