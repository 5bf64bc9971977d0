// Which review actions to offer on an item: exactly the events the shared review machine accepts
// now (restored from the item's stored snapshot), further narrowed by the user's roles and the
// segregation-of-duties rules the API also enforces.
import { LANE_ROLE, ownsItem, REVIEW_LANES, VERSION_UPLOAD_STATUSES, type ContentItem, type LaneDecision, type ReviewLane, type SessionUser } from '@vetted/contracts';
import { restoreReview, segregationOfDutiesViolation, type PersistedReviewSnapshot, type ReviewEvent } from '@vetted/workflow';

type User = Pick<SessionUser, 'id' | 'roles'>;
type Item = Pick<ContentItem, 'ownerId' | 'currentVersion' | 'reviewState'> & { versions: ReadonlyArray<Pick<ContentItem['versions'][number], 'number' | 'createdBy'>> };
type Decision = Pick<LaneDecision, 'lane' | 'versionNumber' | 'reviewerId'>;

/** Would the review machine accept this event in the item's current state? */
export function machineAccepts(item: Pick<ContentItem, 'reviewState'>, event: ReviewEvent): boolean {
  const actor = restoreReview(item.reviewState.snapshot as PersistedReviewSnapshot);
  try {
    return actor.getSnapshot().can(event);
  } finally {
    actor.stop();
  }
}

/** Approve / request changes on `lane`: the machine accepts a decision on it, the user holds its
 * reviewer role, and segregation of duties allows it (not the author, not the uploader, no other
 * lane of this version; `decisions` from GET /reviews, which lists do not carry). */
export function canDecide(item: Item, user: User, lane: ReviewLane, decisions: readonly Decision[] = []): boolean {
  const version = item.versions.find((v) => v.number === item.currentVersion);
  if (!version || !user.roles.includes(LANE_ROLE[lane])) return false;
  const violation = segregationOfDutiesViolation({
    reviewerId: user.id,
    authorId: item.ownerId,
    uploaderId: version.createdBy,
    lane,
    decisionsOnThisVersion: decisions.filter((d) => d.versionNumber === version.number),
  });
  return violation === null && machineAccepts(item, { type: 'APPROVE', lane, versionNumber: version.number });
}

export function decidableLanes(item: Item, user: User, decisions: readonly Decision[] = []): ReviewLane[] {
  return REVIEW_LANES.filter((lane) => canDecide(item, user, lane, decisions));
}

/** The item's owners (editors) add versions while it is written, reworked, corrected or revised. */
export function canAddVersion(item: Pick<ContentItem, 'status' | 'ownerId' | 'coOwnerIds'>, user: User): boolean {
  return user.roles.includes('editor') && ownsItem(item, user.id) && VERSION_UPLOAD_STATUSES.includes(item.status);
}

/** Submitting needs an editor and a version the machine will take (a new one after changes were requested). */
export function canSubmitForReview(item: Pick<ContentItem, 'currentVersion' | 'reviewState' | 'ownerId' | 'coOwnerIds'>, user: User): boolean {
  if (!user.roles.includes('editor') || !ownsItem(item, user.id) || item.currentVersion === null) return false;
  return machineAccepts(item, { type: 'SUBMIT', versionNumber: item.currentVersion });
}

/** An open periodic review is decided (recertify or retire) by a medical or regulatory reviewer. */
export function canDecidePeriodicReview(item: Pick<ContentItem, 'periodicReviewDueAt' | 'reviewState'>, user: User): boolean {
  const reviewer = user.roles.includes('medical_reviewer') || user.roles.includes('regulatory_reviewer');
  return reviewer && item.periodicReviewDueAt !== null && machineAccepts(item, { type: 'RECERTIFY' });
}

/** Regulatory (or an admin) can abandon a revision, leaving the approved version in use. */
export function canWithdrawRevision(item: Pick<ContentItem, 'reviewState'>, user: User): boolean {
  return (user.roles.includes('regulatory_reviewer') || user.roles.includes('admin')) && machineAccepts(item, { type: 'WITHDRAW_REVISION' });
}

/** Regulatory (or an admin) can take material out of circulation wherever the machine allows it. */
/** Mirrors review.escalate: a regulatory reviewer who is not the item's author, on a fast-tracked round the machine may escalate. */
export function canEscalate(item: Pick<ContentItem, 'reviewState' | 'fastTrack' | 'ownerId'>, user: User): boolean {
  return user.roles.includes('regulatory_reviewer') && item.fastTrack && item.ownerId !== user.id && machineAccepts(item, { type: 'ESCALATE' });
}

export function canWithdraw(item: Pick<ContentItem, 'reviewState'>, user: User): boolean {
  return (user.roles.includes('regulatory_reviewer') || user.roles.includes('admin')) && machineAccepts(item, { type: 'WITHDRAW' });
}
