// Fast-track: which lanes must review an item, given the approved item it reuses (if any) and the
// claims library as it stands at submission. Reused content whose every claim is approved in the
// library and was approved on the source needs only the regulatory check.
import { REVIEW_LANES, type ClaimStatus, type ItemStatus, type ReviewLane } from '@vetted/contracts';

export interface FastTrackSource {
  id: string;
  /** Named in the reason, so a reviewer can find the source. */
  title?: string;
  status: ItemStatus;
  /** Past its expiry date, even if the expiry job has not run yet. */
  expired?: boolean;
  /** The claims the source makes: it was approved with them. */
  claimIds: readonly string[];
}

/** A claim of the new item, as the claims library has it now. */
export interface LibraryClaim {
  id: string;
  code: string;
  status: ClaimStatus;
}

export interface ReviewPolicyInput {
  /** The item this one reuses, or null for new content. */
  sourceItem: FastTrackSource | null;
  /** The claims the new item makes. */
  claims: readonly LibraryClaim[];
  /** A regulatory reviewer sent an earlier round to full review: it stays there. */
  escalation?: { reason: string } | null;
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

function codes(claims: readonly LibraryClaim[]): string {
  return claims.map((claim) => claim.code).join(', ');
}

function sourceName(source: FastTrackSource): string {
  return source.title ? `“${source.title}” (${source.id})` : source.id;
}

/**
 * Decided again at every submission, on the library as it is then: a source withdrawn or a claim
 * withdrawn since the reuse was created sends it to full review. A reuse that makes no claim is
 * fast-tracked only when its source made none either: dropping a source's claims changes its
 * message, which marketing and medical must see.
 */
export function decideReviewPolicy({ sourceItem: source, claims, escalation }: ReviewPolicyInput): ReviewPolicy {
  if (escalation) return fullReview(`escalated by regulatory: ${escalation.reason}`);
  if (source === null) return fullReview('new content, no approved source item');
  const name = sourceName(source);
  if (source.status !== 'approved') return fullReview(`source item ${name} is ${source.status}, not approved`);
  if (source.expired) return fullReview(`source item ${name} is past its expiry date`);
  const unique = [...new Map(claims.map((claim) => [claim.id, claim])).values()];
  const notInLibrary = unique.filter((claim) => claim.status !== 'approved');
  if (notInLibrary.length > 0) {
    return fullReview(`${notInLibrary.map((claim) => `${claim.code} is ${claim.status.replace('_', ' ')}`).join(', ')} in the claims library`);
  }
  const onSource = new Set(source.claimIds);
  const notOnSource = unique.filter((claim) => !onSource.has(claim.id));
  if (notOnSource.length > 0) {
    return fullReview(`${codes(notOnSource)} ${notOnSource.length === 1 ? 'is' : 'are'} not approved on source item ${name}`);
  }
  if (unique.length === 0 && onSource.size > 0) {
    return fullReview(`it makes no claim but source item ${name} makes ${onSource.size}: a reuse that drops claims changes the message`);
  }
  const claimsPart =
    unique.length === 0
      ? 'neither it nor the source makes a claim'
      : `${unique.length === 1 ? 'its claim' : `all ${unique.length} claims`} approved in the library and on the source: ${codes(unique)}`;
  return { fastTrack: true, requiredLanes: [...FAST_TRACK_LANES], reason: `fast-track: reuses approved item ${name}; ${claimsPart}` };
}
