import { z } from 'zod';

export const CONTENT_FORMATS = ['video', 'podcast', 'infographic', 'series'] as const;
export const contentFormatSchema = z.enum(CONTENT_FORMATS);
export type ContentFormat = z.infer<typeof contentFormatSchema>;

export const REVIEW_LANES = ['marketing', 'medical', 'regulatory'] as const;
export const reviewLaneSchema = z.enum(REVIEW_LANES);
export type ReviewLane = z.infer<typeof reviewLaneSchema>;

export const LANE_STATES = ['not_started', 'pending', 'approved', 'changes_requested', 'waived'] as const;
export type LaneState = (typeof LANE_STATES)[number];

export const ITEM_STATUSES = ['draft', 'in_review', 'changes_requested', 'approved', 'expired', 'withdrawn'] as const;
export const itemStatusSchema = z.enum(ITEM_STATUSES);
export type ItemStatus = z.infer<typeof itemStatusSchema>;

export const REVIEW_DECISIONS = ['approve', 'request_changes'] as const;
export const reviewDecisionSchema = z.enum(REVIEW_DECISIONS);
export type ReviewDecision = z.infer<typeof reviewDecisionSchema>;

/** A request for changes must say what to change: the editor acts on it and the audit trail keeps it. */
export function decisionNeedsComment(decision: ReviewDecision): boolean {
  return decision === 'request_changes';
}

/** Which reviewer role decides which lane. */
export const LANE_ROLE = {
  marketing: 'marketing_reviewer',
  medical: 'medical_reviewer',
  regulatory: 'regulatory_reviewer',
} as const satisfies Record<ReviewLane, string>;
