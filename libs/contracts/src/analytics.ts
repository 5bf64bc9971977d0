import { z } from 'zod';
import { instant } from './input-primitives.js';
import { SHARE_CHANNELS } from './library.js';
import { marketSchema, productSchema } from './markets.js';
import { contentFormatSchema, reviewLaneSchema } from './workflow.js';

export const ANALYTICS_BUCKETS = ['day', 'week', 'month'] as const;
export const analyticsBucketSchema = z.enum(ANALYTICS_BUCKETS);
export type AnalyticsBucket = z.infer<typeof analyticsBucketSchema>;

/** The longest period one dashboard covers: two years of weeks is already 104 points per series. */
export const ANALYTICS_MAX_DAYS = 731;
export const ANALYTICS_DEFAULT_DAYS = 90;
/** The horizons of "expiring soon", in days. */
export const EXPIRY_HORIZONS = [30, 60, 90] as const;

/**
 * GET /api/analytics/dashboard. The period (default: the last 90 days) applies to when lanes decided,
 * items were approved and material was shared; product, market and format narrow the items.
 */
export const analyticsQuerySchema = z
  .strictObject({
    from: instant('from').optional(),
    to: instant('to').optional(),
    product: productSchema.optional(),
    market: marketSchema.optional(),
    format: contentFormatSchema.optional(),
    bucket: analyticsBucketSchema.default('week'),
  })
  .refine((v) => !v.from || !v.to || Date.parse(v.from) < Date.parse(v.to), 'from must be before to')
  .refine((v) => !v.from || !v.to || Date.parse(v.to) - Date.parse(v.from) <= ANALYTICS_MAX_DAYS * 86_400_000, `the period may span at most ${ANALYTICS_MAX_DAYS} days`);
export type AnalyticsQuery = z.infer<typeof analyticsQuerySchema>;

/** Hours, to two decimals; null when nothing was measured. */
const hours = z.number().nullable();
/** A share from 0 to 1; null when the denominator is zero. */
const ratio = z.number().nullable();

export const durationStatsSchema = z.object({ count: z.number().int(), medianHours: hours, p90Hours: hours });
export type DurationStats = z.infer<typeof durationStatsSchema>;

export const satisfactionSchema = z.object({
  /** Shares that carry a reaction. */
  responses: z.number().int(),
  ratings: z.number().int(),
  averageRating: z.number().nullable(),
  /** Of the reactions that say useful or not, the share that says useful. */
  usefulShare: ratio,
});
export type Satisfaction = z.infer<typeof satisfactionSchema>;

export const analyticsDashboardSchema = z.object({
  period: z.object({ from: z.string(), to: z.string(), bucket: analyticsBucketSchema }),
  filters: z.object({ product: z.string().nullable(), market: z.string().nullable(), format: contentFormatSchema.nullable() }),
  review: z.object({
    /** Per lane: from the round's start to the lane's last signed decision of that round. */
    laneCycle: z.array(durationStatsSchema.extend({ lane: reviewLaneSchema })),
    /** Per item approved in the period: from its first submission to the approval. */
    endToEnd: durationStatsSchema,
    rounds: z.object({ approved: z.number().int(), average: z.number().nullable(), distribution: z.array(z.object({ rounds: z.number().int(), items: z.number().int() })) }),
    /** Approved without any request for changes or conditional approval. */
    firstPass: z.object({ approved: z.number().int(), firstPass: z.number().int(), rate: ratio }),
    fastTrack: z.object({
      approved: z.number().int(),
      fastTracked: z.number().int(),
      share: ratio,
      fastTrackMedianHours: hours,
      fullReviewMedianHours: hours,
      /** Median full review minus median fast track, per item, and times the fast-tracked items. */
      savedHoursPerItem: hours,
      savedHoursTotal: hours,
    }),
    /** Open tasks past their due date now, per lane (the period does not apply). */
    overdueTasks: z.array(z.object({ lane: reviewLaneSchema, overdue: z.number().int() })),
    /** Material in use whose approval runs out within each horizon from now (cumulative). */
    expiring: z.array(z.object({ withinDays: z.number().int(), items: z.number().int() })),
  }),
  field: z.object({
    sharesByChannel: z.array(z.object({ period: z.string(), channel: z.enum(SHARE_CHANNELS), shares: z.number().int() })),
    sharesBySegment: z.array(z.object({ period: z.string(), segment: z.string().nullable(), shares: z.number().int() })),
    topShared: z.array(z.object({ itemId: z.uuid(), title: z.string(), format: contentFormatSchema, shares: z.number().int() })),
    satisfactionByItem: z.array(satisfactionSchema.extend({ itemId: z.uuid(), title: z.string(), format: contentFormatSchema })),
    satisfactionByFormat: z.array(satisfactionSchema.extend({ format: contentFormatSchema })),
    satisfactionBySegment: z.array(satisfactionSchema.extend({ segment: z.string().nullable() })),
    satisfactionByFormatAndSegment: z.array(satisfactionSchema.extend({ format: contentFormatSchema, segment: z.string().nullable() })),
  }),
});
export type AnalyticsDashboard = z.infer<typeof analyticsDashboardSchema>;
