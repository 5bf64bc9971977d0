// Model-based tests: walk the machine's whole state graph (@xstate/graph) and random event
// sequences (fast-check), checking the invariants and a plain reference model of the rules.
import { ITEM_STATUSES, REVIEW_LANES, type ItemStatus, type ReviewLane } from '@vetted/contracts';
import { adjacencyMapToArray, getAdjacencyMap, getShortestPaths, type StatePath } from '@xstate/graph';
import fc from 'fast-check';
import { describeReviewEvent } from './allowed-events.js';
import type { LaneStates } from './lane-states.js';
import { applyReviewEvent, restoreReview, type PersistedReviewSnapshot } from './review-actor.js';
import { reviewInvariantViolations } from './review-invariants.js';
import { reviewMachine, type ReviewEvent, type ReviewInput } from './review.machine.js';
import { itemStatusOf, laneStatesOf, type ReviewSnapshot } from './review-snapshot.js';

const VERSIONS = [1, 2, 3];
const EVENTS: ReviewEvent[] = [
  ...VERSIONS.map((versionNumber): ReviewEvent => ({ type: 'SUBMIT', versionNumber })),
  ...REVIEW_LANES.flatMap((lane) =>
    VERSIONS.flatMap((versionNumber): ReviewEvent[] => [
      { type: 'APPROVE', lane, versionNumber },
      { type: 'APPROVE_WITH_CHANGES', lane, versionNumber },
      { type: 'REQUEST_CHANGES', lane, versionNumber },
    ]),
  ),
  // A revision re-decided as a fast track (regulatory only).
  { type: 'SUBMIT', versionNumber: 2, requiredLanes: ['regulatory'] },
  { type: 'WITHDRAW' },
  { type: 'WITHDRAW_REVISION' },
  { type: 'EXPIRE' },
  { type: 'RECERTIFY' },
  { type: 'RETIRE' },
  { type: 'ESCALATE' },
  { type: 'SUSPEND' },
  { type: 'RELEASE' },
];
const INPUTS: Array<[string, ReviewInput]> = [
  ['full review', { requiredLanes: [...REVIEW_LANES] }],
  ['fast-track', { requiredLanes: ['regulatory'] }],
  ['full review, released by a pharmacist', { requiredLanes: [...REVIEW_LANES], releaseRequired: true }],
];

/** The rules of the issue, restated without XState: the machine must agree with this on every state and event. */
interface ReferenceReview {
  status: ItemStatus;
  requiredLanes: readonly ReviewLane[];
  versionNumber: number | null;
  lanes: LaneStates;
  confirmLanes: readonly ReviewLane[];
  servingVersion: number | null;
  servedRound: { requiredLanes: readonly ReviewLane[]; lanes: LaneStates } | null;
  lastSubmitted: number | null;
  roundHalted: boolean;
  releaseRequired: boolean;
}

function referenceOf(snapshot: ReviewSnapshot): ReferenceReview {
  const { requiredLanes, versionNumber, confirmLanes, servingVersion, servedRound, lastSubmitted, roundHalted, releaseRequired } = snapshot.context;
  return { status: itemStatusOf(snapshot), requiredLanes, versionNumber, lanes: laneStatesOf(snapshot), confirmLanes, servingVersion, servedRound, lastSubmitted, roundHalted, releaseRequired };
}

const YES: readonly LaneStates[ReviewLane][] = ['approved', 'approved_with_changes', 'carried_forward'];

function rulesAllow(review: ReferenceReview, event: ReviewEvent): boolean {
  switch (event.type) {
    case 'SUBMIT':
      return (
        Number.isInteger(event.versionNumber) &&
        ((review.status === 'draft' && event.versionNumber >= 1) ||
          (['changes_requested', 'approved_with_changes', 'awaiting_release', 'approved', 'suspended'].includes(review.status) &&
            event.versionNumber > Math.max(review.versionNumber ?? 0, review.lastSubmitted ?? 0)))
      );
    case 'APPROVE':
    case 'REQUEST_CHANGES':
      return review.status === 'in_review' && review.lanes[event.lane] === 'pending' && event.versionNumber === review.versionNumber;
    case 'APPROVE_WITH_CHANGES':
      return (
        review.status === 'in_review' && review.lanes[event.lane] === 'pending' && event.versionNumber === review.versionNumber && review.confirmLanes.length === 0
      );
    case 'WITHDRAW':
      return ['draft', 'in_review', 'changes_requested', 'approved_with_changes', 'awaiting_release', 'approved', 'suspended'].includes(review.status);
    case 'WITHDRAW_REVISION':
      return ['in_review', 'changes_requested', 'approved_with_changes', 'awaiting_release'].includes(review.status) && review.servingVersion !== null;
    case 'RELEASE':
      return review.status === 'awaiting_release';
    case 'EXPIRE':
    case 'RECERTIFY':
    case 'RETIRE':
      return review.status === 'approved';
    case 'ESCALATE':
      return review.status === 'in_review' && review.confirmLanes.length === 0 && review.requiredLanes.length < REVIEW_LANES.length;
    case 'SUSPEND':
      return ['approved', 'in_review', 'approved_with_changes', 'awaiting_release'].includes(review.status) || (review.status === 'changes_requested' && review.servingVersion !== null);
  }
}

function mapLanes(lanes: LaneStates, fn: (lane: ReviewLane, state: LaneStates[ReviewLane]) => LaneStates[ReviewLane]): LaneStates {
  return { marketing: fn('marketing', lanes.marketing), medical: fn('medical', lanes.medical), regulatory: fn('regulatory', lanes.regulatory) };
}

/** After a lane said yes: the round ends when every required lane has, approved or (if any lane set conditions) approved with changes. */
function afterYes(review: ReferenceReview, lanes: LaneStates): ReferenceReview {
  if (!review.requiredLanes.every((lane) => YES.includes(lanes[lane]))) return { ...review, lanes };
  if (REVIEW_LANES.some((lane) => lanes[lane] === 'approved_with_changes')) return { ...review, lanes, status: 'approved_with_changes' };
  if (review.releaseRequired) return { ...review, lanes, status: 'awaiting_release', confirmLanes: [] };
  return served({ ...review, lanes });
}

/** The version under review goes into use, with the round that approved it. */
function served(review: ReferenceReview): ReferenceReview {
  return { ...review, status: 'approved', servingVersion: review.versionNumber, servedRound: { requiredLanes: review.requiredLanes, lanes: review.lanes }, confirmLanes: [] };
}

function referenceAfter(review: ReferenceReview, event: ReviewEvent): ReferenceReview {
  if (!rulesAllow(review, event)) return review;
  const endPending = (lanes: LaneStates) => mapLanes(lanes, (_lane, state) => (state === 'pending' ? 'not_started' : state));
  switch (event.type) {
    case 'SUBMIT': {
      if (review.status === 'approved_with_changes') {
        const confirmLanes = REVIEW_LANES.filter((lane) => review.lanes[lane] === 'approved_with_changes');
        const lanes = mapLanes(review.lanes, (lane) => (confirmLanes.includes(lane) ? 'pending' : review.requiredLanes.includes(lane) ? 'carried_forward' : 'waived'));
        return { ...review, status: 'in_review', versionNumber: event.versionNumber, lastSubmitted: event.versionNumber, roundHalted: false, releaseRequired: event.releaseRequired ?? review.releaseRequired, confirmLanes, lanes };
      }
      const requiredLanes = event.requiredLanes?.length ? REVIEW_LANES.filter((lane) => event.requiredLanes?.includes(lane)) : review.requiredLanes;
      return {
        ...review,
        status: 'in_review',
        requiredLanes,
        confirmLanes: [],
        versionNumber: event.versionNumber,
        lastSubmitted: event.versionNumber,
        roundHalted: false,
        releaseRequired: event.releaseRequired ?? review.releaseRequired,
        lanes: mapLanes(review.lanes, (lane) => (requiredLanes.includes(lane) ? 'pending' : 'waived')),
      };
    }
    case 'APPROVE':
      return afterYes(review, { ...review.lanes, [event.lane]: 'approved' });
    case 'APPROVE_WITH_CHANGES':
      return afterYes(review, { ...review.lanes, [event.lane]: 'approved_with_changes' });
    case 'REQUEST_CHANGES':
      return { ...review, status: 'changes_requested', confirmLanes: [], lanes: endPending({ ...review.lanes, [event.lane]: 'changes_requested' }) };
    case 'WITHDRAW':
      return { ...review, status: 'withdrawn', servingVersion: null, servedRound: null, confirmLanes: [], lanes: endPending(review.lanes) };
    case 'WITHDRAW_REVISION':
      return {
        ...review,
        status: 'approved',
        versionNumber: review.servingVersion,
        requiredLanes: review.servedRound?.requiredLanes ?? review.requiredLanes,
        lanes: review.servedRound?.lanes ?? review.lanes,
        confirmLanes: [],
      };
    case 'EXPIRE':
      return { ...review, status: 'expired', servingVersion: null, servedRound: null };
    case 'RETIRE':
      return { ...review, status: 'retired', servingVersion: null, servedRound: null };
    case 'RECERTIFY':
      return review;
    case 'RELEASE':
      return served(review);
    case 'ESCALATE':
      return { ...review, requiredLanes: [...REVIEW_LANES], confirmLanes: [], lanes: mapLanes(review.lanes, () => 'pending') };
    case 'SUSPEND': {
      const lanes = endPending(review.lanes);
      if (review.servingVersion !== null || review.status === 'approved') {
        return { ...review, status: 'suspended', lanes, confirmLanes: [], servingVersion: null, servedRound: null };
      }
      return { ...review, status: 'changes_requested', lanes, confirmLanes: [], roundHalted: true };
    }
  }
}

function sameReview(a: ReferenceReview, b: ReferenceReview): boolean {
  return (
    a.status === b.status &&
    a.versionNumber === b.versionNumber &&
    a.requiredLanes.join() === b.requiredLanes.join() &&
    a.confirmLanes.join() === b.confirmLanes.join() &&
    a.servingVersion === b.servingVersion &&
    a.lastSubmitted === b.lastSubmitted &&
    a.roundHalted === b.roundHalted &&
    a.releaseRequired === b.releaseRequired &&
    JSON.stringify(a.servedRound) === JSON.stringify(b.servedRound) &&
    REVIEW_LANES.every((lane) => a.lanes[lane] === b.lanes[lane])
  );
}

function serialize(state: ReviewSnapshot): string {
  return JSON.stringify({ value: state.value, context: state.context });
}

function describePath(events: readonly ReviewEvent[]): string {
  return events.length === 0 ? '(start)' : events.map((event) => `${describeReviewEvent(event)}${'versionNumber' in event ? ` v${event.versionNumber}` : ''}`).join(' → ');
}

/** The events of a path from @xstate/graph, without its leading xstate.init step. */
function eventsOf(path: StatePath<ReviewSnapshot, ReviewEvent>): ReviewEvent[] {
  return path.steps.map((step) => step.event);
}

describe.each(INPUTS)('review model (%s)', (_name, input) => {
  const graph = getAdjacencyMap(reviewMachine, { events: EVENTS, input });
  const states = Object.values(graph).map(({ state }) => state);
  const edges = adjacencyMapToArray(graph);
  const edgesFrom = new Map<string, typeof edges>();
  for (const edge of edges) edgesFrom.set(serialize(edge.state), [...(edgesFrom.get(serialize(edge.state)) ?? []), edge]);

  it('reaches every item status (awaiting release only where a release is required)', () => {
    const reached = new Set(states.map(itemStatusOf));
    const expected = ITEM_STATUSES.filter((status) => input.releaseRequired || status !== 'awaiting_release');
    expect(expected.filter((status) => !reached.has(status))).toEqual([]);
    expect(reached.has('awaiting_release')).toBe(input.releaseRequired === true);
  });

  it('keeps every invariant in every reachable state', () => {
    const broken = states
      .map((state) => ({ value: state.value, context: state.context, violations: reviewInvariantViolations(state) }))
      .filter(({ violations }) => violations.length > 0);
    expect(broken).toEqual([]);
  });

  it('takes each event exactly where the rules allow it, with the outcome the rules give', () => {
    expect(edges).toHaveLength(states.length * EVENTS.length);
    const disagreements = edges.flatMap(({ state, event, nextState }) => {
      const expected = referenceAfter(referenceOf(state), event);
      const accepted = state.can(event);
      const agrees = accepted === rulesAllow(referenceOf(state), event) && sameReview(referenceOf(nextState), expected);
      return agrees ? [] : [{ from: referenceOf(state), event, accepted, got: referenceOf(nextState), expected }];
    });
    expect(disagreements).toEqual([]);
  });

  it('accepts no event at all in a final state', () => {
    const finals = states.filter((state) => state.status === 'done');
    expect(finals.length).toBeGreaterThan(0);
    for (const state of finals) expect(EVENTS.filter((event) => state.can(event))).toEqual([]);
  });

  it('walks every path: no cycle, and every approval shown was given on the version it shows', () => {
    // Every simple path of the full review over three versions is millions of paths; two versions
    // already reach every state kind (a second round, a confirmation, a revision) and stay quick.
    // Escalation turns a fast-tracked round into a full one, so both inputs are walked over two versions.
    const walked = (event: ReviewEvent) => !('versionNumber' in event) || event.versionNumber <= 2;
    let pathCount = 0;
    const problems: string[] = [];
    const walk = (state: ReviewSnapshot, taken: ReviewEvent[], onPath: Set<string>) => {
      pathCount += 1;
      const { versionNumber, lanes, requiredLanes } = state.context;
      for (const lane of REVIEW_LANES) {
        for (const [shown, type] of [['approved', 'APPROVE'], ['approved_with_changes', 'APPROVE_WITH_CHANGES']] as const) {
          const given = taken.some((e) => e.type === type && e.lane === lane && e.versionNumber === versionNumber);
          if (lanes[lane] === shown && !given) problems.push(`${describePath(taken)}: ${lane} shows ${shown} never given`);
        }
        // A carried-forward approval was given without conditions on an earlier version.
        const earlier = taken.some((e) => e.type === 'APPROVE' && e.lane === lane && e.versionNumber < (versionNumber ?? 0));
        if (lanes[lane] === 'carried_forward' && !earlier) problems.push(`${describePath(taken)}: ${lane} carries forward an approval never given`);
      }
      if (itemStatusOf(state) === 'approved' && taken.some((e) => e.type === 'REQUEST_CHANGES' && e.versionNumber === versionNumber)) {
        problems.push(`${describePath(taken)}: approved a version that had changes requested`);
      }
      if (itemStatusOf(state) === 'approved' && !requiredLanes.every((lane) => lanes[lane] === 'approved' || lanes[lane] === 'carried_forward')) {
        problems.push(`${describePath(taken)}: approved without every required lane`);
      }
      for (const { event, nextState: next } of edgesFrom.get(serialize(state)) ?? []) {
        if (!walked(event)) continue;
        const key = serialize(next);
        if (key === serialize(state)) continue; // a refused event leaves the state as it was
        if (onPath.has(key)) {
          problems.push(`${describePath([...taken, event])}: returns to an earlier state`);
          continue;
        }
        onPath.add(key);
        walk(next, [...taken, event], onPath);
        onPath.delete(key);
      }
    };
    const initial = states[0];
    walk(initial, [], new Set([serialize(initial)]));
    expect(problems).toEqual([]);
    expect(pathCount).toBeGreaterThan(1000);
  });

  describe('shortest path to each state, replayed the way the API runs it (jsonb between events)', () => {
    const paths = getShortestPaths(reviewMachine, { events: EVENTS, input }).map((path) => ({
      title: describePath(eventsOf(path).filter((event) => (event.type as string) !== 'xstate.init')),
      path,
    }));

    it.each(paths)('$title', ({ path }) => {
      let stored: PersistedReviewSnapshot | null = null;
      for (const event of eventsOf(path).filter((e) => (e.type as string) !== 'xstate.init')) {
        const result = applyReviewEvent(stored, input, event);
        expect(result.accepted).toBe(true);
        stored = JSON.parse(JSON.stringify(result.snapshot)) as PersistedReviewSnapshot;
      }
      const reached = stored === null ? path.state : restoreReview(stored).getSnapshot();
      expect(reached.value).toEqual(path.state.value);
      expect(reached.context).toEqual(path.state.context);
      expect(reviewInvariantViolations(reached)).toEqual([]);
    });
  });
});

describe('review under random event sequences (fast-check)', () => {
  const lane = fc.constantFrom(...REVIEW_LANES);
  // Versions 0..4 include invalid and stale ones on purpose.
  const version = fc.integer({ min: 0, max: 4 });
  const event: fc.Arbitrary<ReviewEvent> = fc.oneof(
    version.map((versionNumber): ReviewEvent => ({ type: 'SUBMIT', versionNumber })),
    fc.record({ type: fc.constant('APPROVE' as const), lane, versionNumber: version }),
    fc.record({ type: fc.constant('APPROVE_WITH_CHANGES' as const), lane, versionNumber: version }),
    fc.record({ type: fc.constant('SUBMIT' as const), versionNumber: version, requiredLanes: fc.subarray([...REVIEW_LANES]) }),
    fc.constant<ReviewEvent>({ type: 'RECERTIFY' }),
    fc.constant<ReviewEvent>({ type: 'WITHDRAW_REVISION' }),
    fc.constant<ReviewEvent>({ type: 'RETIRE' }),
    fc.record({ type: fc.constant('REQUEST_CHANGES' as const), lane, versionNumber: version }),
    fc.constant<ReviewEvent>({ type: 'WITHDRAW' }),
    fc.constant<ReviewEvent>({ type: 'EXPIRE' }),
    fc.constant<ReviewEvent>({ type: 'ESCALATE' }),
    fc.constant<ReviewEvent>({ type: 'SUSPEND' }),
    fc.record({ type: fc.constant('SUBMIT' as const), versionNumber: version, releaseRequired: fc.boolean() }),
    fc.constant<ReviewEvent>({ type: 'RELEASE' }),
  );
  const requiredLanes = fc.subarray([...REVIEW_LANES], { minLength: 1 });

  it('never breaks an invariant and always agrees with the rules', () => {
    fc.assert(
      fc.property(requiredLanes, fc.array(event, { maxLength: 25 }), (lanes, events) => {
        const input: ReviewInput = { requiredLanes: lanes };
        let stored: PersistedReviewSnapshot | null = null;
        let expected: ReferenceReview = {
          status: 'draft',
          requiredLanes: lanes,
          versionNumber: null,
          lanes: { marketing: 'not_started', medical: 'not_started', regulatory: 'not_started' },
          confirmLanes: [],
          servingVersion: null,
          servedRound: null,
          lastSubmitted: null,
          roundHalted: false,
          releaseRequired: false,
        };
        for (const next of events) {
          const result = applyReviewEvent(stored, input, next);
          expect(result.accepted).toBe(rulesAllow(expected, next));
          expected = referenceAfter(expected, next);
          stored = JSON.parse(JSON.stringify(result.snapshot)) as PersistedReviewSnapshot;
          const snapshot = restoreReview(stored).getSnapshot();
          expect(reviewInvariantViolations(snapshot)).toEqual([]);
          expect(referenceOf(snapshot)).toEqual(expected);
          expect(result.status).toBe(expected.status);
          expect(result.lanes).toEqual(expected.lanes);
        }
      }),
      { numRuns: 300 },
    );
  });
});
