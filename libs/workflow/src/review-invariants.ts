// What must hold in every review snapshot, whatever path led there. The model-based and property
// tests check it on every reachable state; the API can check a restored (or migrated) snapshot with it.
import { ITEM_STATUSES, REVIEW_LANES, type LaneState, type ReviewLane } from '@vetted/contracts';
import { allowedReviewEvents } from './allowed-events.js';
import type { ReviewSnapshot } from './review-snapshot.js';

function laneRegionState(snapshot: ReviewSnapshot, lane: ReviewLane): string | undefined {
  const value = snapshot.value;
  if (typeof value !== 'object' || !('in_review' in value)) return undefined;
  const regions: unknown = value.in_review;
  if (typeof regions !== 'object' || regions === null) return undefined;
  const region: unknown = Object.entries(regions).find(([key]) => key === lane)?.[1];
  return typeof region === 'string' ? region : undefined;
}

/** Every broken invariant, in words; empty when the snapshot is coherent. */
export function reviewInvariantViolations(snapshot: ReviewSnapshot): string[] {
  const violations: string[] = [];
  const fail = (message: string) => violations.push(message);
  const { requiredLanes, versionNumber, lanes } = snapshot.context;

  const statuses = ITEM_STATUSES.filter((status) => snapshot.matches(status));
  if (statuses.length !== 1) fail(`expected exactly one item status, got [${statuses.join(', ')}]`);
  const status = statuses[0];
  if (requiredLanes.length === 0) fail('no required lane');

  const required = (lane: ReviewLane) => requiredLanes.includes(lane);
  const lanesIn = (states: readonly LaneState[], which: (lane: ReviewLane) => boolean) =>
    REVIEW_LANES.filter(which).every((lane) => states.includes(lanes[lane]));
  const count = (state: LaneState) => REVIEW_LANES.filter((lane) => lanes[lane] === state).length;

  for (const lane of REVIEW_LANES) {
    if (lanes[lane] === 'waived' && required(lane)) fail(`required lane ${lane} is waived`);
  }
  if (status === 'draft' && versionNumber !== null) fail('a draft has a version under review');
  // Only a draft, or an item withdrawn as a draft, was never submitted.
  if (versionNumber === null && status !== 'draft' && status !== 'withdrawn') fail(`${status} without a version number`);
  if (versionNumber === null && !lanesIn(['not_started'], () => true)) fail('a lane started before any submission');
  if (status !== 'draft' && status !== 'withdrawn' && !lanesIn(['waived'], (lane) => !required(lane))) {
    fail('a lane that is not required is not waived');
  }
  if (status === 'in_review') {
    if (!lanesIn(['pending', 'approved'], required)) fail('a required lane in review is neither pending nor approved');
    if (count('pending') === 0) fail('in review with no lane pending');
    for (const lane of REVIEW_LANES) {
      const region = laneRegionState(snapshot, lane);
      // The region rests in pending, approved or waived, the names the lane shows; routing is only passed through.
      if (region !== lanes[lane]) {
        fail(`lane ${lane} shows ${lanes[lane]} but its region is ${region}`);
      }
    }
  }
  if (status === 'changes_requested') {
    if (count('changes_requested') !== 1) fail('changes requested by other than exactly one lane');
    if (!lanesIn(['changes_requested', 'approved', 'not_started'], required)) fail('a required lane shows an impossible state');
  }
  if ((status === 'approved' || status === 'expired') && !lanesIn(['approved'], required)) {
    fail(`${status} with a required lane not approved`);
  }
  if (status !== 'in_review' && count('pending') > 0) fail(`${status} with a lane still pending`);

  const isFinal = status === 'expired' || status === 'withdrawn';
  if (isFinal !== (snapshot.status === 'done')) fail(`${status} with machine status ${snapshot.status}`);
  if (isFinal && allowedReviewEvents(snapshot).length > 0) fail(`final status ${status} accepts events`);
  return violations;
}
