import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Saturation, SaturationQuery } from '@vetted/contracts';
import { isOverCap, pairCap } from '@vetted/workflow';
import { DataSource } from 'typeorm';
import { AudienceListsService } from '../content/audience-lists.service.js';
import { APP_CONFIG } from '../config/config.js';
import type { ResolvedConfig } from '../infra/resolved-config.js';

/**
 * Saturation: doctors in some specialties receive hundreds of industry messages a week, so the
 * committee sets how many pieces one segment may get per week (overall, and through each channel:
 * the caps content keeps with its lists) and the calendar warns beyond it.
 */
@Injectable()
export class SaturationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
    private readonly lists: AudienceListsService,
  ) {}

  async weeks(query: SaturationQuery): Promise<Saturation> {
    const weeklyLimit = this.config.segmentWeeklyLimit;
    const counts = await this.countsBySegmentWeek(query.from, query.to);
    const manager = this.dataSource.manager;
    const [pairWeeks, caps] = [await this.lists.pairWeeksIn(manager, query.from, query.to), await this.lists.pairCapsIn(manager)];
    const defaultPairCap = this.lists.defaultPairCap;
    const pairs = pairWeeks.map((p) => {
      const cap = pairCap(caps, p.segment, p.channel, defaultPairCap);
      return { ...p, cap, over: isOverCap(p.count, cap) };
    });
    return { weeklyLimit, weeks: counts.map((c) => ({ ...c, over: c.count > weeklyLimit })), pairs, caps, defaultPairCap };
  }

  /**
   * Planned pieces per segment and ISO week (weeks start on Monday, in UTC) between two days: what
   * each audience will receive. Withdrawn and expired pieces reach nobody and are not counted. A
   * report: it reads the content and review tables and writes nothing.
   */
  private async countsBySegmentWeek(from: string, to: string): Promise<Array<{ weekStart: string; segment: string; count: number }>> {
    const rows = (await this.dataSource.query(
      `select to_char(date_trunc('week', i.planned_at at time zone 'UTC'), 'YYYY-MM-DD') as week_start, segment, count(*)::int as count
         from content_item i
         join item_review r on r.item_id = i.id, unnest(i.segments) as segment
        where i.planned_at >= $1::date and i.planned_at < $2::date + 1 and r.status not in ('withdrawn', 'expired')
        group by 1, 2
        order by 1, 2`,
      [from, to],
    )) as Array<{ week_start: string; segment: string; count: number }>;
    return rows.map((r) => ({ weekStart: r.week_start, segment: r.segment, count: r.count }));
  }
}
