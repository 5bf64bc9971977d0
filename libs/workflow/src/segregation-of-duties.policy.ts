// Segregation of duties for promotional review: who may not decide a lane of a version. Shared by
// the API (which refuses) and the web (which hides the buttons), so both read the same rule.
import type { ReviewLane } from '@vetted/contracts';

export interface LaneDecisionByReviewer {
  lane: ReviewLane;
  reviewerId: string;
}

export interface SegregationOfDutiesInput {
  reviewerId: string;
  /** The item's owner. */
  authorId: string;
  /** Who uploaded the version under review: an editor who is also a reviewer may not approve their own file. */
  uploaderId: string;
  lane: ReviewLane;
  decisionsOnThisVersion: readonly LaneDecisionByReviewer[];
}

/** The item's author and the version's uploader never sign a review of it (a lane decision or a periodic review). */
export function authorshipViolation(input: Pick<SegregationOfDutiesInput, 'reviewerId' | 'authorId' | 'uploaderId'>): string | null {
  if (input.reviewerId === input.authorId) return 'You created this item; its author may not review it';
  if (input.reviewerId === input.uploaderId) return 'You uploaded this version; its uploader may not review it';
  return null;
}

/**
 * The author and the uploader never review, and one person decides at most one lane of a given
 * version, even when they hold two reviewer roles. Returns the reason a decision is not allowed,
 * or null when it is.
 */
export function segregationOfDutiesViolation(input: SegregationOfDutiesInput): string | null {
  const own = authorshipViolation(input);
  if (own) return own;
  const other = input.decisionsOnThisVersion.find((d) => d.reviewerId === input.reviewerId && d.lane !== input.lane);
  if (other) return `You already decided the ${other.lane} lane of this version; another reviewer must decide the ${input.lane} lane`;
  return null;
}
