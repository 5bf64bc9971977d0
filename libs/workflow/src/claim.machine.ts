// A claim's approval statechart: medical and regulatory review it in parallel, as items are
// reviewed, then it is in the library until withdrawn or expired.
import { CLAIM_LANES, type ClaimLane, type ClaimLaneState, type ClaimStatus } from '@vetted/contracts';
import { assign, createActor, setup, type Snapshot, type SnapshotFrom } from 'xstate';

/** Bump when a change alters states or context (stored beside each persisted claim snapshot). */
export const CLAIM_MACHINE_VERSION = 1;

export type ClaimLanes = Record<ClaimLane, ClaimLaneState>;

export interface ClaimContext {
  lanes: ClaimLanes;
}

export type ClaimEvent =
  | { type: 'SUBMIT' }
  | { type: 'APPROVE'; lane: ClaimLane }
  | { type: 'REQUEST_CHANGES'; lane: ClaimLane }
  | { type: 'WITHDRAW' }
  | { type: 'EXPIRE' };

const lanesAll = (state: ClaimLaneState): ClaimLanes => ({ medical: state, regulatory: state });

const claimSetup = setup({
  types: { context: {} as ClaimContext, events: {} as ClaimEvent },
  guards: {
    isPendingLane: ({ context, event }) => 'lane' in event && context.lanes[event.lane] === 'pending',
    isThisLane: ({ context, event }, params: { lane: ClaimLane }) => 'lane' in event && event.lane === params.lane && context.lanes[params.lane] === 'pending',
  },
  actions: {
    openReview: assign({ lanes: lanesAll('pending') }),
    recordApproval: assign(({ context, event }) => (event.type === 'APPROVE' ? { lanes: { ...context.lanes, [event.lane]: 'approved' } } : {})),
    recordChangesRequested: assign(({ context, event }) => {
      if (event.type !== 'REQUEST_CHANGES') return {};
      const ended = Object.fromEntries(CLAIM_LANES.map((lane) => [lane, context.lanes[lane] === 'pending' ? 'not_started' : context.lanes[lane]])) as ClaimLanes;
      return { lanes: { ...ended, [event.lane]: 'changes_requested' } };
    }),
    endPending: assign(({ context }) => ({ lanes: Object.fromEntries(CLAIM_LANES.map((lane) => [lane, context.lanes[lane] === 'pending' ? 'not_started' : context.lanes[lane]])) as ClaimLanes })),
  },
});

function laneRegion(lane: ClaimLane) {
  return claimSetup.createStateConfig({
    initial: 'pending',
    description: `The ${lane} review of the claim.`,
    states: {
      pending: {
        description: `Waiting for the ${lane} reviewer.`,
        on: { APPROVE: { guard: { type: 'isThisLane', params: { lane } }, target: 'approved', actions: 'recordApproval' } },
      },
      approved: { type: 'final', description: `The ${lane} reviewer approved the claim.` },
    },
  });
}

export const claimMachine = claimSetup.createMachine({
  id: 'claim',
  context: { lanes: lanesAll('not_started') },
  initial: 'draft',
  states: {
    draft: {
      description: 'Written by an editor; not yet usable in material.',
      on: { SUBMIT: { target: 'in_review', actions: 'openReview' }, WITHDRAW: { target: 'withdrawn' } },
    },
    in_review: {
      type: 'parallel',
      description: 'Medical checks the claim against its references while regulatory checks its wording, in parallel.',
      states: { medical: laneRegion('medical'), regulatory: laneRegion('regulatory') },
      onDone: { target: 'approved' },
      on: {
        REQUEST_CHANGES: { guard: 'isPendingLane', target: 'changes_requested', actions: 'recordChangesRequested' },
        WITHDRAW: { target: 'withdrawn', actions: 'endPending' },
      },
    },
    changes_requested: {
      description: 'A reviewer asked for changes; the author edits and submits again.',
      on: { SUBMIT: { target: 'in_review', actions: 'openReview' }, WITHDRAW: { target: 'withdrawn' } },
    },
    approved: {
      description: 'In the claims library: material may make it and be fast-tracked on it.',
      on: { WITHDRAW: { target: 'withdrawn' }, EXPIRE: { target: 'expired' } },
    },
    withdrawn: { type: 'final', description: 'Withdrawn for good; the items that make it are suspended.' },
    expired: { type: 'final', description: 'Past its validity; the items that make it are suspended.' },
  },
});

export type ClaimSnapshot = SnapshotFrom<typeof claimMachine>;
export type PersistedClaimSnapshot = Snapshot<unknown>;

const CLAIM_STATUS_ORDER: readonly ClaimStatus[] = ['draft', 'in_review', 'changes_requested', 'approved', 'withdrawn', 'expired'];

export function claimStatusOf(snapshot: ClaimSnapshot): ClaimStatus {
  const status = CLAIM_STATUS_ORDER.find((candidate) => snapshot.matches(candidate));
  if (status === undefined) throw new Error(`claim snapshot has no status: ${JSON.stringify(snapshot.value)}`);
  return status;
}

export interface ClaimEventResult {
  accepted: boolean;
  snapshot: PersistedClaimSnapshot;
  status: ClaimStatus;
  lanes: ClaimLanes;
}

/** Applies one event to a stored claim review (a new one when `persisted` is null). Pure for the caller. */
export function applyClaimEvent(persisted: PersistedClaimSnapshot | null, event: ClaimEvent): ClaimEventResult {
  const actor = persisted === null ? createActor(claimMachine).start() : createActor(claimMachine, { snapshot: persisted }).start();
  try {
    const accepted = actor.getSnapshot().can(event);
    if (accepted) actor.send(event);
    const snapshot = actor.getSnapshot();
    return { accepted, snapshot: actor.getPersistedSnapshot(), status: claimStatusOf(snapshot), lanes: { ...snapshot.context.lanes } };
  } finally {
    actor.stop();
  }
}
