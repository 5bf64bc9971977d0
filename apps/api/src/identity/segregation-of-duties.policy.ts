import type { ReviewLane } from '@vetted/contracts';

export interface LaneDecisionByReviewer {
  lane: ReviewLane;
  reviewerId: string;
}

/**
 * Segregation of duties for promotional review: the author never reviews their own item, and one
 * person decides at most one lane of a given version, even when they hold two reviewer roles.
 * Returns the reason a decision is not allowed, or null when it is.
 */
export function segregationOfDutiesViolation(input: {
  reviewerId: string;
  authorId: string;
  lane: ReviewLane;
  decisionsOnThisVersion: LaneDecisionByReviewer[];
}): string | null {
  if (input.reviewerId === input.authorId) return 'You created this item; its author may not review it';
  const other = input.decisionsOnThisVersion.find((d) => d.reviewerId === input.reviewerId && d.lane !== input.lane);
  if (other) return `You already decided the ${other.lane} lane of this version; another reviewer must decide the ${input.lane} lane`;
  return null;
}
