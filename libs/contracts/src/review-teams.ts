// Review teams: reviewer groups with a quorum per lane, the review tasks each member gets at
// submission, and the reviewer's inbox of those tasks (with the ones they cover for absent colleagues).
import { z } from 'zod';
import { queryInt, text } from './input-primitives.js';
import { marketSchema, productSchema } from './markets.js';
import { contentFormatSchema, itemStatusSchema, reviewDecisionSchema, reviewLaneSchema } from './workflow.js';

/** `all`: every eligible member approves; `any`: one approval is enough; `n_of_m`: `n` approvals. */
export const QUORUM_RULES = ['all', 'any', 'n_of_m'] as const;
export const quorumRuleSchema = z.enum(QUORUM_RULES);
export type QuorumRule = z.infer<typeof quorumRuleSchema>;

export const quorumSchema = z
  .object({ rule: quorumRuleSchema, n: z.number().int().min(1, 'n must be at least 1').max(100).optional() })
  .refine((q) => (q.rule === 'n_of_m') === (q.n !== undefined), { path: ['n'], message: 'n is required with the n_of_m rule, and only with it' });
export type Quorum = z.infer<typeof quorumSchema>;

const memberIds = z.array(z.uuid()).min(1, 'a group needs at least one member').max(100);
const products = z.array(productSchema).max(50);
const markets = z.array(marketSchema).max(50);

export const createReviewGroupRequestSchema = z
  .object({
    name: text({ min: 1, max: 200 }),
    lane: reviewLaneSchema,
    memberIds,
    quorum: quorumSchema,
    /** Empty (or absent) products and markets: the lane's default group, used when no more specific one matches. */
    products: products.default([]),
    markets: markets.default([]),
  })
  .refine((g) => g.quorum.n === undefined || g.quorum.n <= new Set(g.memberIds).size, { path: ['quorum', 'n'], message: 'n cannot exceed the number of members' });
export type CreateReviewGroupRequest = z.input<typeof createReviewGroupRequestSchema>;

/** The lane never changes (tasks and history name it); anything else may. Changes apply to the next submissions. */
export const updateReviewGroupRequestSchema = z
  .object({
    name: text({ min: 1, max: 200 }).optional(),
    memberIds: memberIds.optional(),
    quorum: quorumSchema.optional(),
    products: products.optional(),
    markets: markets.optional(),
    /** false retires the group: it is no longer assigned (its past assignments stay). */
    active: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'nothing to update: send name, memberIds, quorum, products, markets or active');
export type UpdateReviewGroupRequest = z.infer<typeof updateReviewGroupRequestSchema>;

export const reviewGroupSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  lane: reviewLaneSchema,
  memberIds: z.array(z.uuid()),
  members: z.array(z.object({ id: z.uuid(), name: z.string(), active: z.boolean() })),
  quorum: quorumSchema,
  products: z.array(z.string()),
  markets: z.array(z.string()),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ReviewGroup = z.infer<typeof reviewGroupSchema>;

const person = z.object({ id: z.uuid(), name: z.string() });

export const TASK_STATUSES = ['open', 'done', 'closed'] as const;
export const taskStatusSchema = z.enum(TASK_STATUSES);
export type TaskStatus = z.infer<typeof taskStatusSchema>;

/** Why a task closed without its member's decision (`round_halted`: a claim the item makes left the library). */
export const TASK_CLOSED_REASONS = ['quorum_reached', 'changes_requested', 'other_lane_decided', 'withdrawn', 'round_halted'] as const;
export const taskClosedReasonSchema = z.enum(TASK_CLOSED_REASONS);
export type TaskClosedReason = z.infer<typeof taskClosedReasonSchema>;

/** One member of a lane this round: their task, what they decided (and who signed, when a delegate did), who covers them now. */
export const laneMemberSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  taskId: z.uuid(),
  taskStatus: taskStatusSchema,
  decision: reviewDecisionSchema.nullable(),
  decidedAt: z.string().nullable(),
  /** The delegate who signed on this member's behalf, or null. */
  decidedBy: person.nullable(),
  closedReason: taskClosedReasonSchema.nullable(),
  /** The colleague who covers for this member right now (out of office), or null. */
  coveredBy: person.nullable(),
});
export type LaneMember = z.infer<typeof laneMemberSchema>;

/** A lane's quorum this round. `groupId` null: the default "everyone with the role, any one approves". */
export const laneProgressSchema = z.object({
  approvals: z.number().int(),
  required: z.number().int(),
  rule: quorumRuleSchema,
  groupId: z.uuid().nullable(),
  groupName: z.string().nullable(),
  members: z.array(laneMemberSchema),
});
export type LaneProgress = z.infer<typeof laneProgressSchema>;

export const laneProgressByLaneSchema = z.object({
  marketing: laneProgressSchema.optional(),
  medical: laneProgressSchema.optional(),
  regulatory: laneProgressSchema.optional(),
});
export type LaneProgressByLane = z.infer<typeof laneProgressByLaneSchema>;

export const INBOX_STATUSES = ['open', 'done'] as const;
export const INBOX_PAGE_SIZE = 50;

export const inboxQuerySchema = z.strictObject({
  status: z.enum(INBOX_STATUSES).default('open'),
  page: queryInt({ min: 1, max: 10_000, name: 'page' }).default(1),
});
export type InboxQuery = z.infer<typeof inboxQuerySchema>;

/** `lane_review`: decide a lane of the version under review; `periodic_review`: recertify or retire approved material. */
export const INBOX_TASK_KINDS = ['lane_review', 'periodic_review'] as const;

export const inboxTaskSchema = z.object({
  /** The review task; null for a periodic review (open to every medical and regulatory reviewer). */
  taskId: z.uuid().nullable(),
  kind: z.enum(INBOX_TASK_KINDS),
  lane: reviewLaneSchema.nullable(),
  round: z.number().int().nullable(),
  versionNumber: z.number().int().nullable(),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  status: taskStatusSchema,
  /** Set when the task is an absent colleague's that I cover for. */
  coveringFor: person.nullable(),
  decision: z.enum(['approve', 'approve_with_changes', 'request_changes', 'recertify', 'retire']).nullable(),
  /** Who signed, when it was not the task's own member (a delegate). */
  decidedBy: person.nullable(),
  closedAt: z.string().nullable(),
  closedReason: taskClosedReasonSchema.nullable(),
  item: z.object({
    id: z.uuid(),
    title: z.string(),
    format: contentFormatSchema,
    status: itemStatusSchema,
    product: z.string().nullable(),
    market: z.string().nullable(),
    plannedAt: z.string(),
    fastTrack: z.boolean(),
    submittedAt: z.string().nullable(),
    /** Statements of the version under review that no approved claim supports (claim detection). */
    unsupportedStatements: z.number().int(),
  }),
});
export type InboxTask = z.infer<typeof inboxTaskSchema>;

export const inboxSchema = z.object({
  tasks: z.array(inboxTaskSchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Tasks in the requested status (all pages). */
  total: z.number().int(),
  counts: z.object({ open: z.number().int(), overdue: z.number().int(), done: z.number().int() }),
});
export type Inbox = z.infer<typeof inboxSchema>;
