// Fast-track: which lanes must review a new item, given the approved item it reuses (if any).
// Reused content whose every claim is already approved needs only the regulatory check.
import { REVIEW_LANES, type ItemStatus, type ReviewLane } from '@vetted/contracts';

export interface FastTrackSource {
  id: string;
  status: ItemStatus;
  approvedClaimIds: readonly string[];
}

export interface ReviewPolicyInput {
  /** The item this one reuses, or null for new content. */
  sourceItem: FastTrackSource | null;
  /** The claims the new item makes. */
  claimIds: readonly string[];
}

export interface ReviewPolicy {
  fastTrack: boolean;
  requiredLanes: ReviewLane[];
  /** Why, in words a reviewer can check: shown in the UI and kept in the audit trail. */
  reason: string;
}

export const FAST_TRACK_LANES: readonly ReviewLane[] = ['regulatory'];

function fullReview(reason: string): ReviewPolicy {
  return { fastTrack: false, requiredLanes: [...REVIEW_LANES], reason: `full review: ${reason}` };
}

function countClaims(count: number): string {
  return count === 1 ? '1 claim' : `${count} claims`;
}

/**
 * An item with no claims reusing an approved item is fast-tracked too: medical and marketing
 * review claims and messaging that the source's approval already covers, and with no claim
 * there is nothing new to substantiate. Regulatory still reviews the whole piece, so nothing
 * goes out unreviewed.
 */
export function decideReviewPolicy({ sourceItem, claimIds }: ReviewPolicyInput): ReviewPolicy {
  if (sourceItem === null) return fullReview('new content, no approved source item');
  if (sourceItem.status !== 'approved') {
    return fullReview(`source item ${sourceItem.id} is ${sourceItem.status}, not approved`);
  }
  const claims = [...new Set(claimIds)];
  const approved = new Set(sourceItem.approvedClaimIds);
  const unapproved = claims.filter((claimId) => !approved.has(claimId));
  if (unapproved.length > 0) {
    return fullReview(
      `${countClaims(unapproved.length)} not approved in source item ${sourceItem.id}: ${unapproved.join(', ')}`,
    );
  }
  const claimsPart =
    claims.length === 0
      ? 'it makes no claims'
      : claims.length === 1
        ? 'its 1 claim already approved'
        : `all ${claims.length} claims already approved`;
  return {
    fastTrack: true,
    requiredLanes: [...FAST_TRACK_LANES],
    reason: `fast-track: reuses approved item ${sourceItem.id}; ${claimsPart}`,
  };
}
