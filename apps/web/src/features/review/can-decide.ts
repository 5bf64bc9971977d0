// Which review actions to offer on an item, from its status, lanes and the user's roles.
// Stand-in for the shared review machine: these become `snapshot.can(event)` once @vetted/workflow lands.
import { LANE_ROLE, REVIEW_LANES, type ContentItem, type LaneDecision, type ReviewLane, type SessionUser } from '@vetted/contracts';

type User = Pick<SessionUser, 'id' | 'roles'>;
type Item = Pick<ContentItem, 'status' | 'lanes' | 'requiredLanes' | 'ownerId' | 'currentVersion'>;
type Decision = Pick<LaneDecision, 'lane' | 'versionNumber' | 'reviewerId'>;

/** Approve / request changes on `lane`: a pending required lane of an item in review, decided by its
 * reviewer role, never by the item's author, and by one person for at most one lane of a version
 * (`decisions` from GET /reviews; lists do not carry them, and the API refuses such a decision anyway). */
export function canDecide(item: Item, user: User, lane: ReviewLane, decisions: readonly Decision[] = []): boolean {
  if (item.status !== 'in_review') return false;
  if (!item.requiredLanes.includes(lane) || item.lanes[lane] !== 'pending') return false;
  if (!user.roles.includes(LANE_ROLE[lane])) return false;
  if (user.id === item.ownerId) return false;
  return !decisions.some((d) => d.versionNumber === item.currentVersion && d.reviewerId === user.id && d.lane !== lane);
}

export function decidableLanes(item: Item, user: User, decisions: readonly Decision[] = []): ReviewLane[] {
  return REVIEW_LANES.filter((lane) => canDecide(item, user, lane, decisions));
}

/** Editors add versions while the item is being written or reworked. */
export function canAddVersion(item: Pick<ContentItem, 'status'>, user: User): boolean {
  return user.roles.includes('editor') && (item.status === 'draft' || item.status === 'changes_requested');
}

/** Submitting needs a version to review. */
export function canSubmitForReview(item: Pick<ContentItem, 'status' | 'currentVersion'>, user: User): boolean {
  return canAddVersion(item, user) && item.currentVersion !== null;
}

/** Regulatory (or an admin) can take approved or in-review material out of circulation. */
export function canWithdraw(item: Pick<ContentItem, 'status'>, user: User): boolean {
  return (user.roles.includes('regulatory_reviewer') || user.roles.includes('admin')) && (item.status === 'approved' || item.status === 'in_review');
}
