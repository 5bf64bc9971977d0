import { z } from 'zod';
import { queryInt, text } from './input-primitives.js';
import { languageSchema, marketSchema, productSchema } from './markets.js';

/**
 * A claim's life in the library: written (`draft`), reviewed by medical and regulatory in parallel
 * (`in_review`, back to the author as `changes_requested`), `approved` for use in material, then
 * `withdrawn` or `expired` for good (items that make it are suspended).
 */
export const CLAIM_STATUSES = ['draft', 'in_review', 'changes_requested', 'approved', 'withdrawn', 'expired'] as const;
export const claimStatusSchema = z.enum(CLAIM_STATUSES);
export type ClaimStatus = z.infer<typeof claimStatusSchema>;

/** The lanes that approve a claim: the medical reviewer checks it against its references, regulatory checks its wording. */
export const CLAIM_LANES = ['medical', 'regulatory'] as const;
export const claimLaneSchema = z.enum(CLAIM_LANES);
export type ClaimLane = z.infer<typeof claimLaneSchema>;

/** Where a claim is edited: by its author before review, or after a reviewer asked for changes. */
export const CLAIM_EDITABLE_STATUSES: readonly ClaimStatus[] = ['draft', 'changes_requested'];

/** `HF-003`: letters, digits and dashes, unique per product. */
export const claimCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, 'code must be 1 to 40 letters, digits, dots, dashes or underscores, such as HF-003')
  .transform((code) => code.toUpperCase());

// text() first: \S alone would let NUL and other control characters through to PostgreSQL.
const doiSchema = text({ max: 220 }).refine((v) => /^10\.\d{4,9}\/\S{1,200}$/.test(v), 'doi must look like 10.1056/NEJMoa1409077');
const pmidSchema = z.string().trim().regex(/^\d{1,9}$/, 'pmid must be the PubMed id, digits only');

export const claimReferenceInputSchema = z.object({
  citation: text({ min: 1, minMessage: 'citation is required', max: 2000, multiline: true }),
  doi: doiSchema.optional(),
  pmid: pmidSchema.optional(),
  /** The page, table or figure that supports the claim. */
  locator: text({ max: 200 }).optional(),
});
export type ClaimReferenceInput = z.infer<typeof claimReferenceInputSchema>;

const statementSchema = text({ min: 1, minMessage: 'statement is required', max: 2000, multiline: true });
const translationsSchema = z
  .record(languageSchema, statementSchema)
  .refine((t) => Object.keys(t).length <= 20, 'at most 20 translations');

export const createClaimRequestSchema = z.object({
  code: claimCodeSchema,
  statement: statementSchema,
  product: productSchema,
  therapeuticArea: text({ max: 100 }).optional(),
  markets: z.array(marketSchema).max(50).default([]),
  /** The claim's statement in other languages, keyed by ISO 639-1 code. */
  translations: translationsSchema.default({}),
  references: z.array(claimReferenceInputSchema).max(50).default([]),
});
export type CreateClaimRequest = z.input<typeof createClaimRequestSchema>;

export const updateClaimRequestSchema = z
  .object({
    statement: statementSchema.optional(),
    therapeuticArea: text({ max: 100 }).nullable().optional(),
    markets: z.array(marketSchema).max(50).optional(),
    translations: translationsSchema.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'nothing to update: send statement, therapeuticArea, markets or translations');
export type UpdateClaimRequest = z.infer<typeof updateClaimRequestSchema>;

export const listClaimsQuerySchema = z.strictObject({
  q: text({ max: 200 }).optional(),
  status: claimStatusSchema.optional(),
  product: productSchema.optional(),
  page: queryInt({ min: 1, max: 10_000, name: 'page' }).default(1),
  pageSize: queryInt({ min: 1, max: 200, name: 'pageSize' }).default(50),
});
export type ListClaimsQuery = z.infer<typeof listClaimsQuerySchema>;

export const claimReviewRequestSchema = z
  .object({
    lane: claimLaneSchema,
    decision: z.enum(['approve', 'request_changes']),
    comment: text({ max: 5000, multiline: true }).optional(),
    /** The SHA-256 of the claim as the reviewer saw it (`contentSha256` of the claim view): a stale page is refused. */
    contentSha256: z.string().regex(/^[0-9a-f]{64}$/, 'contentSha256 must be the hex SHA-256 shown with the claim').optional(),
    password: z.string().min(1, 'password is required to sign'),
  })
  .refine((v) => v.decision !== 'request_changes' || (v.comment ?? '').trim().length > 0, { path: ['comment'], message: 'comment is required: say what must change' });
export type ClaimReviewRequest = z.infer<typeof claimReviewRequestSchema>;

export const withdrawClaimRequestSchema = z.object({
  reason: text({ min: 1, minMessage: 'reason is required', max: 2000, multiline: true }),
  password: z.string().min(1, 'password is required to sign'),
});
export type WithdrawClaimRequest = z.infer<typeof withdrawClaimRequestSchema>;

export const claimReferenceSchema = z.object({
  id: z.uuid(),
  citation: z.string(),
  doi: z.string().nullable(),
  pmid: z.string().nullable(),
  locator: z.string().nullable(),
  /** The reference document, when one was uploaded (served by `GET /api/claims/:id/references/:referenceId/file`). */
  document: z.object({ filename: z.string(), mimeType: z.string(), size: z.number().int(), sha256: z.string() }).nullable(),
  createdAt: z.string(),
});
export type ClaimReference = z.infer<typeof claimReferenceSchema>;

export const claimLaneStateSchema = z.enum(['not_started', 'pending', 'approved', 'changes_requested']);
export type ClaimLaneState = z.infer<typeof claimLaneStateSchema>;

export const claimDecisionSchema = z.object({
  lane: claimLaneSchema,
  decision: z.enum(['approve', 'request_changes']),
  reviewerId: z.string(),
  reviewerName: z.string(),
  comment: z.string().nullable(),
  contentSha256: z.string(),
  decidedAt: z.string(),
});
export type ClaimDecision = z.infer<typeof claimDecisionSchema>;

export const claimSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  statement: z.string(),
  translations: z.record(z.string(), z.string()),
  product: z.string(),
  therapeuticArea: z.string().nullable(),
  markets: z.array(z.string()),
  status: claimStatusSchema,
  lanes: z.object({ medical: claimLaneStateSchema, regulatory: claimLaneStateSchema }),
  /** The SHA-256 of the claim's canonical content (code, statement, translations, references): what a reviewer signs. */
  contentSha256: z.string(),
  references: z.array(claimReferenceSchema),
  createdBy: z.string(),
  approvedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  withdrawnReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Claim = z.infer<typeof claimSchema>;

export const claimUseSchema = z.object({ id: z.uuid(), title: z.string(), status: z.string() });
export const claimDetailSchema = claimSchema.extend({
  decisions: z.array(claimDecisionSchema),
  /** The content items that make this claim. */
  usedBy: z.array(claimUseSchema),
});
export type ClaimDetail = z.infer<typeof claimDetailSchema>;

export const claimListSchema = z.object({ items: z.array(claimSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export type ClaimList = z.infer<typeof claimListSchema>;

/**
 * Where in the asset a claim is made: a rectangle on the image (fractions of its width and height,
 * so it survives any rendition size), a PDF page, or a time code in a video or podcast.
 */
export const claimAnchorSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('rect'),
    x: z.number().min(0).max(1),
    y: z.number().min(0).max(1),
    width: z.number().gt(0).max(1),
    height: z.number().gt(0).max(1),
  }),
  z.object({ kind: z.literal('page'), page: z.number().int().min(1).max(10_000) }),
  z.object({ kind: z.literal('time'), seconds: z.number().min(0).max(86_400) }),
]);
export type ClaimAnchor = z.infer<typeof claimAnchorSchema>;

/** A claim as an item makes it: the library's claim and where the asset makes it. */
export const itemClaimSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  statement: z.string(),
  status: claimStatusSchema,
  anchor: claimAnchorSchema.nullable(),
});
export type ItemClaim = z.infer<typeof itemClaimSchema>;

export const itemClaimAnchorInputSchema = z.object({ claimId: z.uuid(), anchor: claimAnchorSchema });
