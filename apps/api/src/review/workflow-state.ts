import type { LaneState, ReviewLane } from '@vetted/contracts';
import type { ReviewContext } from '@vetted/workflow';

/**
 * Lane states as the stored review snapshot says (the snapshot is the single source of truth).
 * Read from the persisted context rather than by restoring an actor: listing a month of items stays cheap.
 */
export function laneStatesFromSnapshot(snapshot: object): Record<ReviewLane, LaneState> {
  return reviewContextOf(snapshot).lanes;
}

/** The stored review's context (version under review, lanes, required lanes…), read the same cheap way. */
export function reviewContextOf(snapshot: object): ReviewContext {
  return (snapshot as { context: ReviewContext }).context;
}
