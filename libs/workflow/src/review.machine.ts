// The promotional review statechart: an item's life from draft to approval, and after it (approval
// with changes, revisions, periodic review), with marketing, medical and regulatory reviews running
// in parallel inside in_review.
import { assign, setup } from 'xstate';
import { REVIEW_LANES, type ReviewLane } from '@vetted/contracts';
import {
  lanesApprovedWithChanges,
  lanesBeforeReview,
  lanesOpenedForConfirmation,
  lanesOpenedForReview,
  lanesWithApproval,
  lanesWithApprovalWithChanges,
  lanesWithChangesRequested,
  lanesWithPendingEnded,
  normalizeRequiredLanes,
  type LaneStates,
} from './lane-states.js';

/**
 * Bump when a change alters states or context: the API stores this beside each persisted snapshot,
 * and a new version ships with an upgrade step in snapshot-upgrade.ts.
 */
export const REVIEW_MACHINE_VERSION = 4;

export interface ReviewInput {
  /** Lanes that must approve; the others are waived. Never empty. */
  requiredLanes: readonly ReviewLane[];
  /** A market policy asks for a final release after approval (France: the responsible pharmacist). */
  releaseRequired?: boolean;
}

export interface ReviewContext {
  requiredLanes: ReviewLane[];
  /** The content version under review (or last reviewed); null until the first submission. */
  versionNumber: number | null;
  lanes: LaneStates;
  /** In a confirmation round: the lanes that approved with changes and must confirm the corrected version. Empty in a full round. */
  confirmLanes: ReviewLane[];
  /** The approved version in use (in the reps' library), kept while a revision of it is reviewed; null when none is. */
  servingVersion: number | null;
  /** The round that approved the version in use, restored when a revision of it is withdrawn. */
  servedRound: { requiredLanes: ReviewLane[]; lanes: LaneStates } | null;
  /** The newest version ever submitted: a withdrawn revision's version is not submitted again. */
  lastSubmitted: number | null;
  /** The round was ended by the system (a claim it makes left the library), not by a lane's request for changes. */
  roundHalted: boolean;
  /** An approved version waits for a signed final release before it is in use. */
  releaseRequired: boolean;
}

export type ReviewEvent =
  /** `requiredLanes` re-decides who reviews this round (a revision is fast-tracked like a reuse of the approved version). */
  | { type: 'SUBMIT'; versionNumber: number; requiredLanes?: readonly ReviewLane[]; releaseRequired?: boolean }
  | { type: 'APPROVE'; lane: ReviewLane; versionNumber: number }
  | { type: 'APPROVE_WITH_CHANGES'; lane: ReviewLane; versionNumber: number }
  | { type: 'REQUEST_CHANGES'; lane: ReviewLane; versionNumber: number }
  | { type: 'WITHDRAW' }
  /** Abandons a revision: the approved version it revised stays in use as before. */
  | { type: 'WITHDRAW_REVISION' }
  | { type: 'EXPIRE' }
  | { type: 'RECERTIFY' }
  | { type: 'RETIRE' }
  /** A regulatory reviewer sends a fast-tracked round to full review: every lane decides afresh. */
  | { type: 'ESCALATE' }
  /** A claim the item makes was withdrawn or expired: approved material leaves the field, an open round ends. */
  | { type: 'SUSPEND' }
  /** The final release for distribution (the responsible pharmacist's, in France): the approved version goes into use. */
  | { type: 'RELEASE' };

export type ReviewEventType = ReviewEvent['type'];

export function initialReviewContext(input: ReviewInput): ReviewContext {
  const requiredLanes = normalizeRequiredLanes(input.requiredLanes);
  // With no required lane the parallel review would be done on entry: an approval nobody gave.
  if (requiredLanes.length === 0) throw new RangeError('a review needs at least one required lane');
  return { requiredLanes, versionNumber: null, lanes: lanesBeforeReview(), confirmLanes: [], servingVersion: null, servedRound: null, lastSubmitted: null, roundHalted: false, releaseRequired: input.releaseRequired ?? false };
}

function isVersionNumber(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 1;
}

type LaneDecisionEvent = Extract<ReviewEvent, { lane: ReviewLane }>;

function isDecisionOnVersionUnderReview(context: ReviewContext, event: ReviewEvent): event is LaneDecisionEvent {
  return (event.type === 'APPROVE' || event.type === 'APPROVE_WITH_CHANGES' || event.type === 'REQUEST_CHANGES') && event.versionNumber === context.versionNumber;
}

/** A new round's lanes: given on SUBMIT (never empty), or the item's until now. */
function roundLanes(context: ReviewContext, event: ReviewEvent): ReviewLane[] {
  const given = event.type === 'SUBMIT' && event.requiredLanes ? normalizeRequiredLanes(event.requiredLanes) : [];
  return given.length > 0 ? given : context.requiredLanes;
}

const reviewSetup = setup({
  types: {
    input: {} as ReviewInput,
    context: {} as ReviewContext,
    events: {} as ReviewEvent,
  },
  guards: {
    isValidVersion: ({ event }) => event.type === 'SUBMIT' && isVersionNumber(event.versionNumber),
    isNewVersion: ({ context, event }) =>
      event.type === 'SUBMIT' && isVersionNumber(event.versionNumber) && event.versionNumber > Math.max(context.versionNumber ?? 0, context.lastSubmitted ?? 0),
    isRevision: ({ context }) => context.servingVersion !== null,
    isLaneRequired: ({ context }, params: { lane: ReviewLane }) => context.requiredLanes.includes(params.lane),
    isLaneConfirming: ({ context }, params: { lane: ReviewLane }) => context.confirmLanes.includes(params.lane),
    isConfirmationRound: ({ context }) => context.confirmLanes.length > 0,
    isDecisionOnThisLane: ({ context, event }, params: { lane: ReviewLane }) =>
      isDecisionOnVersionUnderReview(context, event) && event.lane === params.lane,
    // A conditional approval of a corrected version would never end: confirmation is yes or no.
    isConditionalApprovalInFullRound: ({ context, event }, params: { lane: ReviewLane }) =>
      isDecisionOnVersionUnderReview(context, event) && event.lane === params.lane && context.confirmLanes.length === 0,
    isDecisionOnPendingLane: ({ context, event }) =>
      isDecisionOnVersionUnderReview(context, event) && context.lanes[event.lane] === 'pending',
    hasApprovalsWithChanges: ({ context }) => lanesApprovedWithChanges(context.lanes).length > 0,
    needsRelease: ({ context }) => context.releaseRequired,
    isFastTrackedRound: ({ context }) => context.confirmLanes.length === 0 && context.requiredLanes.length < REVIEW_LANES.length,
  },
  actions: {
    openReview: assign(({ context, event }) => {
      if (event.type !== 'SUBMIT') return {};
      const requiredLanes = roundLanes(context, event);
      return {
        versionNumber: event.versionNumber,
        lastSubmitted: event.versionNumber,
        requiredLanes,
        confirmLanes: [],
        lanes: lanesOpenedForReview(requiredLanes),
        roundHalted: false,
        releaseRequired: event.releaseRequired ?? context.releaseRequired,
      };
    }),
    openFullReview: assign({ requiredLanes: [...REVIEW_LANES], confirmLanes: [], lanes: lanesOpenedForReview(REVIEW_LANES) }),
    haltRound: assign(({ context }) => ({ lanes: lanesWithPendingEnded(context.lanes), confirmLanes: [], roundHalted: true })),
    openConfirmation: assign(({ context, event }) => {
      if (event.type !== 'SUBMIT') return {};
      const confirmLanes = lanesApprovedWithChanges(context.lanes);
      return {
        versionNumber: event.versionNumber,
        lastSubmitted: event.versionNumber,
        confirmLanes,
        lanes: lanesOpenedForConfirmation(context.requiredLanes, confirmLanes),
        roundHalted: false,
        releaseRequired: event.releaseRequired ?? context.releaseRequired,
      };
    }),
    recordApproval: assign(({ context, event }) => (event.type === 'APPROVE' ? { lanes: lanesWithApproval(context.lanes, event.lane) } : {})),
    recordApprovalWithChanges: assign(({ context, event }) =>
      event.type === 'APPROVE_WITH_CHANGES' ? { lanes: lanesWithApprovalWithChanges(context.lanes, event.lane) } : {},
    ),
    recordChangesRequested: assign(({ context, event }) =>
      event.type === 'REQUEST_CHANGES' ? { lanes: lanesWithChangesRequested(context.lanes, event.lane), confirmLanes: [] } : {},
    ),
    endPendingReviews: assign(({ context }) => ({ lanes: lanesWithPendingEnded(context.lanes), confirmLanes: [] })),
    serveApprovedVersion: assign(({ context }) => ({
      servingVersion: context.versionNumber,
      servedRound: { requiredLanes: context.requiredLanes, lanes: context.lanes },
      confirmLanes: [],
    })),
    stopServing: assign({ servingVersion: null, servedRound: null }),
    closeConfirmation: assign({ confirmLanes: [] }),
    restoreServedRound: assign(({ context }) => ({
      versionNumber: context.servingVersion,
      requiredLanes: context.servedRound?.requiredLanes ?? context.requiredLanes,
      lanes: context.servedRound?.lanes ?? context.lanes,
      confirmLanes: [],
    })),
    // The API extends the validity; the review itself is unchanged by a recertification.
    recordRecertification: () => undefined,
  },
});

/** From any state of a revision's round: back to the approved version in use and the round that approved it. */
const withdrawRevision = { guard: 'isRevision', target: '#review.approved', actions: 'restoreServedRound' } as const;

/**
 * A claim left the library while a round is open or reworked: a revision's approved version leaves
 * the field (suspended); new material only has its round ended, as by a request for changes.
 */
const suspendRound = [
  { guard: 'isRevision', target: '#review.suspended', actions: ['endPendingReviews', 'stopServing'] },
  { target: '#review.changes_requested', actions: 'haltRound' },
] as const;

/** One lane's region: required lanes wait for a decision (or carry forward in a confirmation round), the others are waived. */
function laneRegion(lane: ReviewLane) {
  return reviewSetup.createStateConfig({
    initial: 'routing',
    description: `The ${lane} review.`,
    states: {
      routing: {
        description: 'Passed through on entry: pending if the lane must decide this round, carried forward if its approval stands, waived if not required.',
        always: [
          { guard: { type: 'isLaneConfirming', params: { lane } }, target: 'pending' },
          { guard: 'isConfirmationRound', target: 'checkCarried' },
          { guard: { type: 'isLaneRequired', params: { lane } }, target: 'pending' },
          { target: 'waived' },
        ],
      },
      checkCarried: {
        description: 'A confirmation round: a required lane that approved without conditions keeps its approval.',
        always: [{ guard: { type: 'isLaneRequired', params: { lane } }, target: 'carried_forward' }, { target: 'waived' }],
      },
      pending: {
        description: 'Waiting for the lane to approve, approve with changes or request changes on the version under review.',
        on: {
          APPROVE: { guard: { type: 'isDecisionOnThisLane', params: { lane } }, target: 'approved', actions: 'recordApproval' },
          APPROVE_WITH_CHANGES: {
            guard: { type: 'isConditionalApprovalInFullRound', params: { lane } },
            target: 'approved_with_changes',
            actions: 'recordApprovalWithChanges',
          },
        },
      },
      approved: { type: 'final', description: 'The lane approved the version under review.' },
      approved_with_changes: { type: 'final', description: 'The lane approved on condition of the changes it listed.' },
      carried_forward: { type: 'final', description: 'The lane approved the previous version without conditions; its approval stands.' },
      waived: { type: 'final', description: 'The lane is not required for this item.' },
    },
  });
}

export const reviewMachine = reviewSetup.createMachine({
  id: 'review',
  context: ({ input }) => initialReviewContext(input),
  initial: 'draft',
  states: {
    draft: {
      description: 'Being written; no review has started.',
      on: {
        SUBMIT: { guard: 'isValidVersion', target: 'in_review', actions: 'openReview' },
        WITHDRAW: { target: 'withdrawn' },
      },
    },
    in_review: {
      type: 'parallel',
      description: 'One version is being reviewed by its lanes, in parallel. During a revision the approved version stays in use.',
      states: {
        marketing: laneRegion('marketing'),
        medical: laneRegion('medical'),
        regulatory: laneRegion('regulatory'),
      },
      // Every region final: every lane of this round decided yes (the others are waived or carried forward).
      onDone: [
        { guard: 'hasApprovalsWithChanges', target: 'approved_with_changes' },
        { guard: 'needsRelease', target: 'awaiting_release', actions: 'closeConfirmation' },
        { target: 'approved', actions: 'serveApprovedVersion' },
      ],
      on: {
        // Declared on the item, not the lane: one request for changes ends the whole review at once.
        REQUEST_CHANGES: { guard: 'isDecisionOnPendingLane', target: 'changes_requested', actions: 'recordChangesRequested' },
        WITHDRAW: { target: 'withdrawn', actions: ['endPendingReviews', 'stopServing'] },
        WITHDRAW_REVISION: withdrawRevision,
        // Re-entering in_review routes every lane again, now all required.
        ESCALATE: { guard: 'isFastTrackedRound', target: 'in_review', reenter: true, actions: 'openFullReview' },
        SUSPEND: suspendRound,
      },
    },
    changes_requested: {
      description: 'A lane asked for changes (or a claim left the library); a full review resumes when a new version is submitted.',
      on: {
        SUBMIT: { guard: 'isNewVersion', target: 'in_review', actions: 'openReview' },
        WITHDRAW: { target: 'withdrawn', actions: 'stopServing' },
        WITHDRAW_REVISION: withdrawRevision,
        SUSPEND: { guard: 'isRevision', target: 'suspended', actions: 'stopServing' },
      },
    },
    approved_with_changes: {
      description: 'Every lane approved, some on condition of changes: the corrected version goes to those lanes only.',
      on: {
        SUBMIT: { guard: 'isNewVersion', target: 'in_review', actions: 'openConfirmation' },
        WITHDRAW: { target: 'withdrawn', actions: 'stopServing' },
        WITHDRAW_REVISION: withdrawRevision,
        SUSPEND: [
          { guard: 'isRevision', target: 'suspended', actions: 'stopServing' },
          { target: 'changes_requested', actions: 'haltRound' },
        ],
      },
    },
    awaiting_release: {
      description:
        'Every required lane approved the same version; a market policy asks for a signed final release before it is in use (during a revision, the approved version stays in use meanwhile).',
      on: {
        RELEASE: { target: 'approved', actions: 'serveApprovedVersion' },
        SUBMIT: { guard: 'isNewVersion', target: 'in_review', actions: 'openReview' },
        WITHDRAW: { target: 'withdrawn', actions: 'stopServing' },
        WITHDRAW_REVISION: withdrawRevision,
        SUSPEND: suspendRound,
      },
    },
    approved: {
      description: 'Every required lane approved the same version; it is in use. A new version starts a revision of it.',
      on: {
        SUBMIT: { guard: 'isNewVersion', target: 'in_review', actions: 'openReview' },
        RECERTIFY: { actions: 'recordRecertification' },
        RETIRE: { target: 'retired', actions: 'stopServing' },
        EXPIRE: { target: 'expired', actions: 'stopServing' },
        WITHDRAW: { target: 'withdrawn', actions: 'stopServing' },
        SUSPEND: { target: 'suspended', actions: 'stopServing' },
      },
    },
    suspended: {
      description: 'Out of the field: a claim it makes was withdrawn or expired. A corrected version is reviewed again in full.',
      on: {
        SUBMIT: { guard: 'isNewVersion', target: 'in_review', actions: 'openReview' },
        WITHDRAW: { target: 'withdrawn' },
      },
    },
    expired: { type: 'final', description: 'The approval ran out; the content may no longer be used.' },
    withdrawn: { type: 'final', description: 'Taken out of the workflow for good.' },
    retired: { type: 'final', description: 'Retired at a periodic review: no longer used.' },
  },
});

export type ReviewMachine = typeof reviewMachine;
