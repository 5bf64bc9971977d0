// Lane bookkeeping for the review machine: what each lane shows to reviewers.
// Pure functions over Record<ReviewLane, LaneState>, used by the machine's actions.
import { REVIEW_LANES, type LaneState, type ReviewLane } from '@vetted/contracts';

export type LaneStates = Record<ReviewLane, LaneState>;

function mapLanes(fn: (lane: ReviewLane) => LaneState): LaneStates {
  return Object.fromEntries(REVIEW_LANES.map((lane) => [lane, fn(lane)])) as LaneStates;
}

export function lanesBeforeReview(): LaneStates {
  return mapLanes(() => 'not_started');
}

/** Every submission (first or resubmission) asks each required lane afresh, whatever it said before. */
export function lanesOpenedForReview(requiredLanes: readonly ReviewLane[]): LaneStates {
  return mapLanes((lane) => (requiredLanes.includes(lane) ? 'pending' : 'waived'));
}

/**
 * A confirmation round (after an approval with changes) asks only the lanes that asked for changes;
 * the other required lanes' approvals carry forward to the corrected version.
 */
export function lanesOpenedForConfirmation(requiredLanes: readonly ReviewLane[], confirmLanes: readonly ReviewLane[]): LaneStates {
  return mapLanes((lane) => (confirmLanes.includes(lane) ? 'pending' : requiredLanes.includes(lane) ? 'carried_forward' : 'waived'));
}

export function lanesWithApproval(lanes: LaneStates, lane: ReviewLane): LaneStates {
  return { ...lanes, [lane]: 'approved' };
}

export function lanesWithApprovalWithChanges(lanes: LaneStates, lane: ReviewLane): LaneStates {
  return { ...lanes, [lane]: 'approved_with_changes' };
}

export function lanesApprovedWithChanges(lanes: LaneStates): ReviewLane[] {
  return REVIEW_LANES.filter((lane) => lanes[lane] === 'approved_with_changes');
}

/**
 * Requesting changes ends the review of this version: lanes still pending will never decide on it,
 * so they go back to not_started; approvals already given stay visible for the old version.
 */
export function lanesWithChangesRequested(lanes: LaneStates, lane: ReviewLane): LaneStates {
  return lanesWithPendingEnded({ ...lanes, [lane]: 'changes_requested' });
}

export function lanesWithPendingEnded(lanes: LaneStates): LaneStates {
  return mapLanes((lane) => (lanes[lane] === 'pending' ? 'not_started' : lanes[lane]));
}

/** Duplicates dropped and lanes kept in REVIEW_LANES order, so equal inputs give equal (persisted) contexts. */
export function normalizeRequiredLanes(requiredLanes: readonly ReviewLane[]): ReviewLane[] {
  return REVIEW_LANES.filter((lane) => requiredLanes.includes(lane));
}
