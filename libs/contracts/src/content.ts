import { z } from 'zod';
import { instant, queryInt, text } from './input-primitives.js';
import { mediaFactsSchema, versionRenditionsSchema } from './assets.js';
import { languageSchema, marketSchema, productSchema } from './markets.js';
import { itemClaimAnchorInputSchema, itemClaimSchema } from './claims.js';
import { laneProgressByLaneSchema } from './review-teams.js';
import { textCheckSummarySchema } from './text-check.js';
import { contentFormatSchema, decisionNeedsComment, itemStatusSchema, reviewDecisionSchema, reviewLaneSchema, LANE_STATES, REVIEW_DECISIONS, REVIEW_LANES } from './workflow.js';

const tag = text({ min: 1, max: 60 });

export const createContentItemRequestSchema = z.object({
  title: text({ min: 1, minMessage: 'title is required', max: 300 }),
  format: contentFormatSchema,
  /** A date-time, or a plain date for an all-day plan (stored as midnight UTC). */
  plannedAt: instant('plannedAt'),
  channels: z.array(tag).max(20).default([]),
  segments: z.array(tag).max(20).default([]),
  description: text({ max: 5000, multiline: true, trim: false }).optional(),
  sourceItemId: z.uuid().optional(),
  /** Makes the new item the next episode of this series (an item of format `series`). */
  seriesId: z.uuid().optional(),
  /** Ids of claims in the claims library (unknown ids are refused, naming them). */
  claimIds: z.array(text({ min: 1, max: 100 })).max(200).default([]),
  /** Where the asset makes each claim (a claim listed in claimIds), for the medical reviewer. */
  claimAnchors: z.array(itemClaimAnchorInputSchema).max(200).default([]),
  /** Editors who share ownership with the creator. */
  coOwnerIds: z.array(z.uuid()).max(20).default([]),
  product: productSchema.optional(),
  market: marketSchema.optional(),
  language: languageSchema.optional(),
  /**
   * The editor saw that a (segment, channel) pair would go over its weekly cap and plans it anyway
   * (recorded in the audit trail). Without it, such a plan is refused with `saturation_unconfirmed`.
   */
  confirmSaturation: z.boolean().optional(),
});
export type CreateContentItemRequest = z.input<typeof createContentItemRequestSchema>;

export const updateContentItemRequestSchema = z
  .object({
    title: text({ min: 1, max: 300 }).optional(),
    description: text({ max: 5000, multiline: true, trim: false }).optional(),
    plannedAt: instant('plannedAt').optional(),
    channels: z.array(tag).max(20).optional(),
    segments: z.array(tag).max(20).optional(),
    coOwnerIds: z.array(z.uuid()).max(20).optional(),
    claimIds: z.array(text({ min: 1, max: 100 })).max(200).optional(),
    /** Replaces every anchor; anchors of claims no longer listed are dropped. */
    claimAnchors: z.array(itemClaimAnchorInputSchema).max(200).optional(),
    /** null clears it. */
    product: productSchema.nullable().optional(),
    market: marketSchema.nullable().optional(),
    language: languageSchema.nullable().optional(),
    /** As on creation: needed when new channels or segments take a pair over its weekly cap. */
    confirmSaturation: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).filter((k) => k !== 'confirmSaturation').length > 0, 'nothing to update: send title, description, plannedAt, channels, segments, claimIds, claimAnchors or coOwnerIds');
export type UpdateContentItemRequest = z.infer<typeof updateContentItemRequestSchema>;

/** A list page holds summaries; a longer month is read page by page. */
export const CONTENT_ITEMS_DEFAULT_PAGE_SIZE = 100;
export const CONTENT_ITEMS_MAX_PAGE_SIZE = 500;

export const listContentItemsQuerySchema = z.strictObject({
  from: instant('from').optional(),
  to: instant('to').optional(),
  status: itemStatusSchema.optional(),
  format: contentFormatSchema.optional(),
  segment: tag.optional(),
  channel: tag.optional(),
  seriesId: z.uuid().optional(),
  product: productSchema.optional(),
  market: marketSchema.optional(),
  language: languageSchema.optional(),
  page: queryInt({ min: 1, max: 100_000, name: 'page' }).default(1),
  pageSize: queryInt({ min: 1, max: CONTENT_ITEMS_MAX_PAGE_SIZE, name: 'pageSize' }).default(CONTENT_ITEMS_DEFAULT_PAGE_SIZE),
});
export type ListContentItemsQuery = z.infer<typeof listContentItemsQuerySchema>;

/** The id of the version the signer looked at: a signature binds that exact file, never "whatever is current". */
const signedVersionId = z.uuid({ message: 'versionId must be the id of the version you reviewed (a UUID)' });

export const submitReviewRequestSchema = z
  .object({
    lane: reviewLaneSchema,
    decision: reviewDecisionSchema,
    versionId: signedVersionId,
    comment: z.string().max(5000).optional(),
    password: z.string().min(1, 'password is required to sign'),
    /**
     * The review task this decision closes. Optional: by default your own task in the lane, else the
     * task of the one absent colleague of the lane you cover for.
     */
    taskId: z.uuid().optional(),
  })
  .refine((v) => !decisionNeedsComment(v.decision) || (v.comment ?? '').trim().length > 0, {
    path: ['comment'],
    message: 'comment is required: say what must change',
  });
export type SubmitReviewRequest = z.infer<typeof submitReviewRequestSchema>;

export const withdrawRequestSchema = z.object({
  reason: z.string().trim().min(1, 'reason is required').max(2000),
  /** The version the signer saw; required once the item has one (a draft with no file has nothing to name). */
  versionId: signedVersionId.optional(),
  /** `revision`: abandon the revision under review only; the approved version it revises stays in use. Default `item`. */
  scope: z.enum(['item', 'revision']).optional(),
  password: z.string().min(1, 'password is required to sign'),
});
export type WithdrawRequest = z.infer<typeof withdrawRequestSchema>;

/** What a new item would get if submitted now: the create dialog's live fast-track preview. */
export const reviewPolicyPreviewRequestSchema = z.object({
  sourceItemId: z.uuid().optional(),
  claimIds: z.array(text({ min: 1, max: 100 })).max(200).default([]),
});
export type ReviewPolicyPreviewRequest = z.input<typeof reviewPolicyPreviewRequestSchema>;

export const reviewPolicyPreviewSchema = z.object({
  fastTrack: z.boolean(),
  requiredLanes: z.array(reviewLaneSchema),
  reason: z.string(),
  /** When the review would be due if it were submitted now. */
  dueAt: z.string(),
});
export type ReviewPolicyPreview = z.infer<typeof reviewPolicyPreviewSchema>;

/** A regulatory reviewer sends a fast-tracked item to full review, signed on the version under review. */
export const escalateRequestSchema = z.object({
  reason: text({ min: 1, minMessage: 'reason is required: say why the fast track is not enough', max: 2000, multiline: true }),
  versionId: signedVersionId,
  password: z.string().min(1, 'password is required to sign'),
});
export type EscalateRequest = z.infer<typeof escalateRequestSchema>;

export const PERIODIC_REVIEW_DECISIONS = ['recertify', 'retire'] as const;

/** A periodic review's signed outcome: keep the approved item in use for another validity period, or retire it. */
export const periodicReviewRequestSchema = z.object({
  decision: z.enum(PERIODIC_REVIEW_DECISIONS),
  versionId: signedVersionId,
  comment: text({ max: 5000, multiline: true }).optional(),
  password: z.string().min(1, 'password is required to sign'),
});
export type PeriodicReviewRequest = z.infer<typeof periodicReviewRequestSchema>;

/** The responsible pharmacist's final release for distribution, signed on the approved version. */
export const releaseRequestSchema = z.object({
  versionId: signedVersionId,
  /** The filing with the authority (in France, the ANSM's dépôt number), when already made. */
  filingReference: text({ max: 100 }).optional(),
  password: z.string().min(1, 'password is required to sign'),
});
export type ReleaseRequest = z.infer<typeof releaseRequestSchema>;

/** Where a market policy requires a final release: for which market, and whether and by whom it was given. */
export const itemReleaseSchema = z.object({
  market: z.string(),
  releasedAt: z.string().nullable(),
  releasedByName: z.string().nullable(),
  filingReference: z.string().nullable(),
  versionNumber: z.number().int().nullable(),
});
export type ItemRelease = z.infer<typeof itemReleaseSchema>;

export const assetSchema = z.object({ filename: z.string(), mimeType: z.string(), size: z.number().int(), sha256: z.string() });
export const contentVersionSchema = z.object({
  id: z.uuid(),
  number: z.number().int(),
  note: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  asset: assetSchema,
  media: mediaFactsSchema,
  renditions: versionRenditionsSchema,
});
export type ContentVersion = z.infer<typeof contentVersionSchema>;

export const laneStateSchema = z.enum(LANE_STATES);
export const laneDecisionSchema = z.object({
  lane: reviewLaneSchema,
  /** `carried_forward`: the lane's unconditional approval of `carriedFromVersion` stands for this corrected version. */
  decision: z.enum([...REVIEW_DECISIONS, 'carried_forward']),
  carriedFromVersion: z.number().int().nullable(),
  versionNumber: z.number().int(),
  reviewerId: z.string(),
  reviewerName: z.string(),
  /** Set when a delegate signed for an absent colleague: whose task the decision closed. */
  onBehalfOf: z.object({ id: z.string(), name: z.string() }).nullable(),
  comment: z.string().nullable(),
  decidedAt: z.string(),
});
export type LaneDecision = z.infer<typeof laneDecisionSchema>;

export const contentItemSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string().nullable(),
  format: contentFormatSchema,
  status: itemStatusSchema,
  plannedAt: z.string(),
  channels: z.array(z.string()),
  segments: z.array(z.string()),
  ownerId: z.string(),
  coOwnerIds: z.array(z.string()),
  product: z.string().nullable(),
  market: z.string().nullable(),
  language: z.string().nullable(),
  sourceItemId: z.string().nullable(),
  seriesId: z.string().nullable(),
  episodeNumber: z.number().int().nullable(),
  claimIds: z.array(z.string()),
  /** The claims the item makes, as the claims library has them now, with where the asset makes each. */
  claims: z.array(itemClaimSchema),
  fastTrack: z.boolean(),
  fastTrackReason: z.string(),
  requiredLanes: z.array(reviewLaneSchema),
  lanes: z.object(Object.fromEntries(REVIEW_LANES.map((l) => [l, laneStateSchema])) as Record<(typeof REVIEW_LANES)[number], typeof laneStateSchema>),
  /** Each lane's quorum in the latest round: approvals so far, approvals required, members and their decisions. */
  laneProgress: laneProgressByLaneSchema,
  dueAt: z.string().nullable(),
  currentVersion: z.number().int().nullable(),
  /** The stored review statechart (XState persisted snapshot): clients restore it with @vetted/workflow to ask `can(event)`. */
  reviewState: z.object({ machineVersion: z.number().int(), snapshot: z.unknown() }),
  versions: z.array(contentVersionSchema),
  /** The text check of the latest version (claims found in the file, unsupported statements), when there is one. */
  textCheck: textCheckSummarySchema.optional(),
  /** Review rounds so far: each submission opens one. */
  round: z.number().int(),
  /** The version the reviewers approved (its exact bytes are what reps receive), or null. */
  approvedVersion: z.object({ id: z.uuid(), number: z.number().int(), sha256: z.string() }).nullable(),
  /** A revision: the version under review while the approved one stays in use, or null. */
  revision: z.object({ id: z.uuid(), number: z.number().int() }).nullable(),
  /** Versions that were approved and in use, then replaced by an approved revision (kept with their signatures). */
  supersededVersionIds: z.array(z.uuid()),
  /** When a periodic review is open: the date by which it must recertify or retire the item (its expiry). */
  periodicReviewDueAt: z.string().nullable(),
  /** The final release the item's market requires (null: none is required). */
  release: itemReleaseSchema.nullable(),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ContentItem = z.infer<typeof contentItemSchema>;

/**
 * What a list row (calendar card, table row, guest's list) shows of an item: planning data and the review
 * status with its dates. No statechart snapshot, versions, claims or lane progress: GET /api/content-items/:id has them.
 */
export const contentItemSummarySchema = contentItemSchema.pick({
  id: true,
  title: true,
  format: true,
  status: true,
  plannedAt: true,
  channels: true,
  segments: true,
  ownerId: true,
  coOwnerIds: true,
  product: true,
  market: true,
  language: true,
  sourceItemId: true,
  seriesId: true,
  episodeNumber: true,
  claimIds: true,
  fastTrack: true,
  requiredLanes: true,
  dueAt: true,
  currentVersion: true,
  round: true,
  submittedAt: true,
  approvedAt: true,
  expiresAt: true,
  createdAt: true,
  updatedAt: true,
}).extend({
  /** Statements of the current version that no approved claim supports (claim detection): the calendar marks the item. */
  unsupportedStatements: z.number().int(),
});
export type ContentItemSummary = z.infer<typeof contentItemSummarySchema>;

export const contentItemListSchema = z.object({
  items: z.array(contentItemSummarySchema),
  /** Items matching the filters, over all pages. */
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ContentItemList = z.infer<typeof contentItemListSchema>;

export const itemReviewsSchema = z.object({ decisions: z.array(laneDecisionSchema) });
export type ItemReviews = z.infer<typeof itemReviewsSchema>;
