// @vetted/workflow: the review statechart and its policies, pure TypeScript with no I/O.
// The API runs and persists reviews with these; the web reads statuses and allowed actions.
export {
  REVIEW_MACHINE_VERSION,
  initialReviewContext,
  reviewMachine,
  type ReviewContext,
  type ReviewEvent,
  type ReviewEventType,
  type ReviewInput,
  type ReviewMachine,
} from './review.machine.js';
export type { LaneStates } from './lane-states.js';
export { itemStatusOf, laneStatesOf, type ReviewSnapshot } from './review-snapshot.js';
export { reviewInvariantViolations } from './review-invariants.js';
export { allowedEventTypes, allowedReviewEvents, describeReviewEvent } from './allowed-events.js';
export {
  applyReviewEvent,
  describeReview,
  restoreReview,
  startReview,
  type PersistedReviewSnapshot,
  type ReviewActor,
  type ReviewEventResult,
} from './review-actor.js';
export {
  FAST_TRACK_LANES,
  decideReviewPolicy,
  type FastTrackSource,
  type LibraryClaim,
  type ReviewPolicy,
  type ReviewPolicyInput,
} from './fast-track.policy.js';
export {
  CLAIM_MACHINE_VERSION,
  applyClaimEvent,
  claimMachine,
  claimStatusOf,
  type ClaimEvent,
  type ClaimEventResult,
  type ClaimLanes,
  type PersistedClaimSnapshot,
} from './claim.machine.js';
export { DEFAULT_REVIEW_DUE_OPTIONS, addBusinessDays, isOverdue, reviewDueAt, type ReviewDueOptions } from './due-dates.js';
export { toMermaid } from './mermaid.js';
export { renderWorkflowDoc } from './workflow-doc.js';
export { authorshipViolation, segregationOfDutiesViolation, type LaneDecisionByReviewer, type SegregationOfDutiesInput } from './segregation-of-duties.policy.js';
export { SNAPSHOT_UPGRADES, UnknownMachineVersionError, upgradeReviewSnapshot } from './snapshot-upgrade.js';
export { approvalsIn, laneOutcome, quorumShortfall, requiredApprovals, type LaneOutcome } from './quorum.policy.js';
export { matchReviewerGroup, type ReviewedItemScope, type ReviewerGroupScope } from './reviewer-group.policy.js';
export { guardFastTrack, type DetectedClaim, type DetectedStatement, type GuardedPolicy, type TextCheckGuardInput, type VersionTextCheck } from './text-check-guard.policy.js';
export {
  isAtCap,
  isOverCap,
  pairCap,
  saturationBreaches,
  saturationWeekOf,
  type PairCapRule,
  type PairCount,
  type PlannedAudience,
  type SaturationBreach,
} from './saturation.policy.js';
