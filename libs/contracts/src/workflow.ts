import { z } from 'zod';

export const CONTENT_FORMATS = ['video', 'podcast', 'infographic', 'series'] as const;
export const contentFormatSchema = z.enum(CONTENT_FORMATS);
export type ContentFormat = z.infer<typeof contentFormatSchema>;

export const REVIEW_LANES = ['marketing', 'medical', 'regulatory'] as const;
export const reviewLaneSchema = z.enum(REVIEW_LANES);
export type ReviewLane = z.infer<typeof reviewLaneSchema>;

/** `carried_forward`: in a confirmation round, a lane whose approval of the previous version stands. */
export const LANE_STATES = ['not_started', 'pending', 'approved', 'approved_with_changes', 'carried_forward', 'changes_requested', 'waived'] as const;
export type LaneState = (typeof LANE_STATES)[number];

/**
 * `approved_with_changes`: every lane approved, some on condition of listed changes; the corrected
 * version is confirmed by those lanes only before anything reaches the field. `retired`: taken out
 * at a periodic review. `suspended`: out of the field because a claim it makes was withdrawn or
 * expired in the claims library; a corrected version goes through review again.
 */
export const ITEM_STATUSES = ['draft', 'in_review', 'changes_requested', 'approved_with_changes', 'awaiting_release', 'approved', 'suspended', 'expired', 'withdrawn', 'retired'] as const;
export const itemStatusSchema = z.enum(ITEM_STATUSES);
export type ItemStatus = z.infer<typeof itemStatusSchema>;

export const REVIEW_DECISIONS = ['approve', 'approve_with_changes', 'request_changes'] as const;
export const reviewDecisionSchema = z.enum(REVIEW_DECISIONS);
export type ReviewDecision = z.infer<typeof reviewDecisionSchema>;

/** Where title, description, channels, segments and claims may change (the date may change in any state). */
export const CONTENT_EDITABLE_STATUSES: readonly ItemStatus[] = ['draft', 'changes_requested', 'suspended'];

/** Where a new version may be uploaded: while written or reworked, the corrected version after an approval with changes, a revision of an approved item, and the correction of a suspended one. */
export const VERSION_UPLOAD_STATUSES: readonly ItemStatus[] = ['draft', 'changes_requested', 'approved_with_changes', 'awaiting_release', 'approved', 'suspended'];

/** While a revision is reviewed in these states, the approved version it revises stays in use. */
export const REVISION_STATUSES: readonly ItemStatus[] = ['in_review', 'changes_requested', 'approved_with_changes', 'awaiting_release'];

/** Material out of use for good is not planned any more: its date stays as it was. */
export const NOT_RESCHEDULABLE_STATUSES: readonly ItemStatus[] = ['withdrawn', 'expired', 'retired'];

/** The owner and co-owners change an item's content, upload its versions and submit it; the committee at large views and reschedules. */
export function ownsItem(item: { ownerId: string; coOwnerIds: readonly string[] }, userId: string): boolean {
  return item.ownerId === userId || item.coOwnerIds.includes(userId);
}

/** A request for changes, or an approval on condition of changes, must list them: the editor acts on it and the audit trail keeps it. */
export function decisionNeedsComment(decision: ReviewDecision): boolean {
  return decision === 'request_changes' || decision === 'approve_with_changes';
}

/** Which reviewer role decides which lane. */
export const LANE_ROLE = {
  marketing: 'marketing_reviewer',
  medical: 'medical_reviewer',
  regulatory: 'regulatory_reviewer',
} as const satisfies Record<ReviewLane, string>;
