import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { analyticsQuerySchema, type AnalyticsDashboard, type AnalyticsQuery, analyticsDashboardSchema } from '@vetted/contracts';
import { ApiZodQuery, ApiZodResponse } from '../common/api-zod.decorators.js';
import { ZodValidationPipe } from '../common/zod-validation.pipe.js';
import { Allow } from '../identity/access.decorators.js';
import { AnalyticsService } from './analytics.service.js';

@ApiTags('analytics')
@Controller('analytics')
export class AnalyticsController {
  constructor(private readonly analytics: AnalyticsService) {}

  @Allow('analytics.read')
  @Get('dashboard')
  @ApiZodQuery(analyticsQuerySchema)
  @ApiOperation({ summary: 'Read the committee’s dashboard' })
  @ApiZodResponse(analyticsDashboardSchema)
  dashboard(@Query(new ZodValidationPipe(analyticsQuerySchema)) query: AnalyticsQuery): Promise<AnalyticsDashboard> {
    return this.analytics.dashboard(query);
  }
}
