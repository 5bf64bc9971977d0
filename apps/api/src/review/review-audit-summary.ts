import type { ItemReviewEntity } from './item-review.entity.js';
import { laneStatesFromSnapshot } from './workflow-state.js';

/** What the audit trail keeps of a review: the facts a reviewer checks, not the stored snapshot. No I/O. */
export function reviewAuditSummary(review: ItemReviewEntity, versionNumber: number | null) {
  return {
    status: review.status,
    round: review.round,
    version: versionNumber,
    fastTrack: review.fastTrack,
    fastTrackReason: review.fastTrackReason,
    lanes: laneStatesFromSnapshot(review.workflowSnapshot),
  };
}
