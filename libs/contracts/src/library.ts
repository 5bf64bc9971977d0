import { z } from 'zod';
import { marketSchema } from './markets.js';
import { instant, queryInt, text } from './input-primitives.js';
import { contentFormatSchema } from './workflow.js';

const tag = text({ min: 1, max: 60 });

/** GET /api/library: reps search approved, unexpired material by words of its title or description. */
export const libraryQuerySchema = z.strictObject({
  q: text({ max: 200 }).optional(),
  format: contentFormatSchema.optional(),
  segment: tag.optional(),
  channel: tag.optional(),
  market: marketSchema.optional(),
  limit: queryInt({ min: 1, max: 200, name: 'limit' }).default(50),
  offset: queryInt({ min: 0, name: 'offset' }).default(0),
});
export type LibraryQuery = z.infer<typeof libraryQuerySchema>;

/** The approved file itself: the version whose SHA-256 the reviewers signed. */
export const libraryVersionSchema = z.object({
  number: z.number().int(),
  filename: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
});

/** What a rep sees of an item: nothing about drafts, reviews or reviewers. */
export const libraryItemSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string().nullable(),
  format: contentFormatSchema,
  channels: z.array(z.string()),
  segments: z.array(z.string()),
  product: z.string().nullable(),
  market: z.string().nullable(),
  language: z.string().nullable(),
  approvedAt: z.string(),
  expiresAt: z.string(),
  version: libraryVersionSchema,
});
export type LibraryItem = z.infer<typeof libraryItemSchema>;

export const libraryItemListSchema = z.object({ items: z.array(libraryItemSchema), total: z.number().int() });
export type LibraryItemList = z.infer<typeof libraryItemListSchema>;

export const SHARE_CHANNELS = ['email', 'rep-visit', 'social', 'other'] as const;
export const shareChannelSchema = z.enum(SHARE_CHANNELS);
export type ShareChannel = z.infer<typeof shareChannelSchema>;

/**
 * The doctor's reaction to what was shared, as the rep reports it: useful or not, a 1–5 rating, a
 * short comment. Any of the three; never who the doctor was.
 */
export const shareFeedbackSchema = z
  .strictObject({
    useful: z.boolean().optional(),
    rating: z.number().int('rating must be a whole number from 1 to 5').min(1, 'rating must be from 1 to 5').max(5, 'rating must be from 1 to 5').optional(),
    comment: text({ max: 500, multiline: true }).optional(),
  })
  .refine((f) => f.useful !== undefined || f.rating !== undefined || (f.comment !== undefined && f.comment !== ''), 'feedback needs useful, rating or comment');
export type ShareFeedbackRequest = z.infer<typeof shareFeedbackSchema>;

export const shareFeedbackViewSchema = z.object({
  useful: z.boolean().nullable(),
  rating: z.number().int().nullable(),
  comment: z.string().nullable(),
  recordedAt: z.string(),
});
export type ShareFeedback = z.infer<typeof shareFeedbackViewSchema>;

/**
 * POST /api/library/:itemId/shares. Strict: a share records a channel and an audience segment,
 * never who the doctor was, so unknown fields (a name, an email) are refused rather than ignored.
 */
export const recordShareRequestSchema = z.strictObject({
  channel: shareChannelSchema,
  audienceSegment: tag.optional(),
  note: text({ max: 1000, multiline: true }).optional(),
  /** The reaction, when the rep has it at recording time; otherwise `PATCH /api/library/shares/:shareId/feedback` later. */
  feedback: shareFeedbackSchema.optional(),
});
export type RecordShareRequest = z.infer<typeof recordShareRequestSchema>;

export const libraryShareSchema = z.object({
  id: z.uuid(),
  itemId: z.uuid(),
  repId: z.uuid(),
  repName: z.string(),
  channel: shareChannelSchema,
  audienceSegment: z.string().nullable(),
  note: z.string().nullable(),
  sharedAt: z.string(),
  feedback: shareFeedbackViewSchema.nullable(),
  /** In a rep's own list (`/shares/mine`): the item's title, to know which share is which. */
  itemTitle: z.string().optional(),
});
export type LibraryShare = z.infer<typeof libraryShareSchema>;

export const listSharesQuerySchema = z.strictObject({
  itemId: z.uuid('itemId must be a content item id (uuid)').optional(),
  limit: queryInt({ min: 1, max: 500, name: 'limit' }).default(100),
});
export type ListSharesQuery = z.infer<typeof listSharesQuerySchema>;

export const libraryShareListSchema = z.object({ shares: z.array(libraryShareSchema) });
export type LibraryShareList = z.infer<typeof libraryShareListSchema>;

/** GET /api/library/shares/summary: the editorial committee's view of what the field actually uses. */
export const shareSummaryQuerySchema = z
  .strictObject({ from: instant('from').optional(), to: instant('to').optional() })
  .refine((v) => !v.from || !v.to || Date.parse(v.from) < Date.parse(v.to), 'from must be before to');
export type ShareSummaryQuery = z.infer<typeof shareSummaryQuerySchema>;

export const itemShareSummarySchema = z.object({
  itemId: z.uuid(),
  title: z.string(),
  format: contentFormatSchema,
  total: z.number().int(),
  byChannel: z.object(Object.fromEntries(SHARE_CHANNELS.map((c) => [c, z.number().int()])) as Record<ShareChannel, z.ZodNumber>),
  distinctReps: z.number().int(),
  lastSharedAt: z.string(),
});
export type ItemShareSummary = z.infer<typeof itemShareSummarySchema>;

export const shareSummarySchema = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  items: z.array(itemShareSummarySchema),
});
export type ShareSummary = z.infer<typeof shareSummarySchema>;
