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
  const { requiredLanes, versionNumber, lanes, confirmLanes, servingVersion, roundHalted } = snapshot.context;

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
  const confirming = confirmLanes.length > 0;
  if (confirming && status !== 'in_review') fail(`${status} with lanes still to confirm`);
  if (confirmLanes.some((lane) => !required(lane))) fail('a lane that is not required must confirm');
  if (status === 'in_review') {
    const inRound: readonly LaneState[] = confirming ? ['pending', 'approved', 'carried_forward'] : ['pending', 'approved', 'approved_with_changes'];
    if (!lanesIn(inRound, required)) fail('a required lane in review shows a state its round cannot give');
    if (confirming && !REVIEW_LANES.every((lane) => (lanes[lane] === 'carried_forward') === (required(lane) && !confirmLanes.includes(lane)))) {
      fail('in a confirmation round, carried forward must be exactly the required lanes that do not confirm');
    }
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
    // A round the system halted (a claim left the library) has no lane asking for changes.
    if (count('changes_requested') !== (roundHalted ? 0 : 1)) fail(roundHalted ? 'a halted round shows a lane asking for changes' : 'changes requested by other than exactly one lane');
    if (!lanesIn(['changes_requested', 'approved', 'approved_with_changes', 'carried_forward', 'not_started'], required)) fail('a required lane shows an impossible state');
  }
  if (['approved', 'awaiting_release', 'expired', 'retired'].includes(status) && !lanesIn(['approved', 'carried_forward'], required)) {
    fail(`${status} with a required lane not approved`);
  }
  if (status === 'approved_with_changes') {
    if (!lanesIn(['approved', 'approved_with_changes'], required) || count('approved_with_changes') === 0) fail('approved with changes without a conditional approval');
  }
  if (count('approved_with_changes') > 0 && !['in_review', 'approved_with_changes', 'withdrawn', 'changes_requested', 'suspended'].includes(status)) {
    fail(`${status} with a conditional approval outstanding`);
  }
  if (status === 'approved' && servingVersion !== versionNumber) fail('approved but not serving the version it approved');
  if (status === 'awaiting_release' && servingVersion === versionNumber) fail('in use before its release');
  if (status === 'awaiting_release' && !snapshot.context.releaseRequired) fail('awaiting a release no policy asked for');
  if (servingVersion !== null && (versionNumber === null || servingVersion > versionNumber)) fail('serving a version newer than any reviewed');
  if (['draft', 'suspended', 'expired', 'withdrawn', 'retired'].includes(status) && servingVersion !== null) fail(`${status} still serving a version`);
  if (roundHalted && status !== 'changes_requested' && status !== 'withdrawn') fail(`${status} with a round halted by the system`);
  if (status !== 'in_review' && count('pending') > 0) fail(`${status} with a lane still pending`);

  const isFinal = status === 'expired' || status === 'withdrawn' || status === 'retired';
  if (isFinal !== (snapshot.status === 'done')) fail(`${status} with machine status ${snapshot.status}`);
  if (isFinal && allowedReviewEvents(snapshot).length > 0) fail(`final status ${status} accepts events`);
  return violations;
}
