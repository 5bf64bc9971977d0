// Which review actions to offer on an item: exactly the events the shared review machine accepts
// now (restored from the item's stored snapshot), further narrowed by the user's roles and the
// segregation-of-duties rules the API also enforces.
import { isGuest, LANE_ROLE, ownsItem, REVIEW_LANES, VERSION_UPLOAD_STATUSES, type ContentItem, type LaneDecision, type LaneMember, type ReviewLane, type SessionUser } from '@vetted/contracts';
import { restoreReview, segregationOfDutiesViolation, type PersistedReviewSnapshot, type ReviewEvent } from '@vetted/workflow';

type User = Pick<SessionUser, 'id' | 'roles'> & Partial<Pick<SessionUser, 'guestItemIds'>>;
type Item = Pick<ContentItem, 'ownerId' | 'currentVersion' | 'reviewState' | 'laneProgress'> & { versions: ReadonlyArray<Pick<ContentItem['versions'][number], 'number' | 'createdBy'>> };
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
  return violation === null && laneTaskFor(item, user, lane) !== null && machineAccepts(item, { type: 'APPROVE', lane, versionNumber: version.number });
}

/**
 * Whose task a decision by `user` on `lane` would close this round, as the API picks it: their own
 * open task, else the open task of a member they cover for while away, else (a lane no group staffs)
 * a task of their own opened on the spot. null: the lane is not theirs to decide, or they signed in it already.
 */
export type LaneTask = { kind: 'own' } | { kind: 'covering'; member: LaneMember } | { kind: 'open' };

export function laneTaskFor(item: Pick<ContentItem, 'laneProgress'>, user: User, lane: ReviewLane): LaneTask | null {
  const progress = item.laneProgress[lane];
  if (!progress) return { kind: 'open' };
  const signed = progress.members.some((m) => m.decidedBy?.id === user.id || (m.id === user.id && m.taskStatus === 'done' && m.decidedBy === null));
  if (signed) return null;
  const own = progress.members.find((m) => m.id === user.id);
  if (own) return own.taskStatus === 'open' ? { kind: 'own' } : null;
  const covered = progress.members.find((m) => m.taskStatus === 'open' && m.coveredBy?.id === user.id);
  if (covered) return { kind: 'covering', member: covered };
  return progress.groupId === null ? { kind: 'open' } : null;
}

export function decidableLanes(item: Item, user: User, decisions: readonly Decision[] = []): ReviewLane[] {
  return REVIEW_LANES.filter((lane) => canDecide(item, user, lane, decisions));
}

/** The item's owners (editors), and its invited agency guests, add versions while it is written, reworked, corrected or revised. */
export function canAddVersion(item: Pick<ContentItem, 'id' | 'status' | 'ownerId' | 'coOwnerIds'>, user: User): boolean {
  const uploader = isGuest(user) ? (user.guestItemIds ?? []).includes(item.id) : user.roles.includes('editor') && ownsItem(item, user.id);
  return uploader && VERSION_UPLOAD_STATUSES.includes(item.status);
}

/** The item's owners invite agency guests to it. */
export function canInviteGuests(item: Pick<ContentItem, 'ownerId' | 'coOwnerIds'>, user: User): boolean {
  return user.roles.includes('editor') && ownsItem(item, user.id);
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

/** Mirrors review.release: the responsible pharmacist, not the item's author, on an item the machine holds for its release. */
export function canRelease(item: Pick<ContentItem, 'reviewState' | 'ownerId'>, user: User): boolean {
  return user.roles.includes('responsible_pharmacist') && user.id !== item.ownerId && machineAccepts(item, { type: 'RELEASE' });
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
