import type { ReviewLane } from '@vetted/contracts';
import type { StoredLaneDecision } from './review-decision.entity.js';

/** A lane decision as evidence: every stored field, the signature's id included. */
export interface SignedLaneDecision {
  id: string;
  itemId: string;
  versionNumber: number;
  lane: ReviewLane;
  decision: StoredLaneDecision;
  carriedFromVersion: number | null;
  reviewerId: string;
  reviewerName: string;
  taskId: string | null;
  onBehalfOf: string | null;
  onBehalfOfName: string | null;
  comment: string | null;
  signatureId: string;
  decidedAt: string;
}

export interface SignedPeriodicReview {
  id: string;
  itemId: string;
  versionId: string;
  decision: 'recertify' | 'retire';
  reviewerId: string;
  reviewerName: string;
  comment: string | null;
  signatureId: string;
  decidedAt: string;
}

/** Every signed record of one item's review (lane decisions and periodic reviews), oldest first. */
export interface SignedReviewRecords {
  decisions: SignedLaneDecision[];
  periodicReviews: SignedPeriodicReview[];
}
