import { Inject, Injectable } from '@nestjs/common';
import type { Saturation, SaturationQuery } from '@vetted/contracts';
import { APP_CONFIG } from '../config/config.js';
import { ContentService } from '../content/content.service.js';
import type { ResolvedConfig } from '../infra/resolved-config.js';

/**
 * Saturation: doctors in some specialties receive hundreds of industry messages a week, so the
 * committee sets how many pieces one segment may get per week and the calendar warns beyond it.
 */
@Injectable()
export class SaturationService {
  constructor(
    private readonly content: ContentService,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  async weeks(query: SaturationQuery): Promise<Saturation> {
    const weeklyLimit = this.config.segmentWeeklyLimit;
    const counts = await this.content.countsBySegmentWeek(query.from, query.to);
    return { weeklyLimit, weeks: counts.map((c) => ({ ...c, over: c.count > weeklyLimit })) };
  }
}
