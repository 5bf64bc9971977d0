// The promotional review statechart: an item's life from draft to approval, expiry or withdrawal,
// with marketing, medical and regulatory reviews running in parallel inside in_review.
import { assign, setup } from 'xstate';
import type { ReviewLane } from '@vetted/contracts';
import {
  lanesBeforeReview,
  lanesOpenedForReview,
  lanesWithApproval,
  lanesWithChangesRequested,
  lanesWithPendingEnded,
  normalizeRequiredLanes,
  type LaneStates,
} from './lane-states.js';

/**
 * Bump when a change alters states or context: the API stores this beside each persisted snapshot,
 * and a new version ships with a migration of the stored snapshots.
 */
export const REVIEW_MACHINE_VERSION = 1;

export interface ReviewInput {
  /** Lanes that must approve; the others are waived. Never empty. */
  requiredLanes: readonly ReviewLane[];
}

export interface ReviewContext {
  requiredLanes: ReviewLane[];
  /** The content version under review (or last reviewed); null until the first submission. */
  versionNumber: number | null;
  lanes: LaneStates;
}

export type ReviewEvent =
  | { type: 'SUBMIT'; versionNumber: number }
  | { type: 'APPROVE'; lane: ReviewLane; versionNumber: number }
  | { type: 'REQUEST_CHANGES'; lane: ReviewLane; versionNumber: number }
  | { type: 'WITHDRAW' }
  | { type: 'EXPIRE' };

export type ReviewEventType = ReviewEvent['type'];

export function initialReviewContext(input: ReviewInput): ReviewContext {
  const requiredLanes = normalizeRequiredLanes(input.requiredLanes);
  // With no required lane the parallel review would be done on entry: an approval nobody gave.
  if (requiredLanes.length === 0) throw new RangeError('a review needs at least one required lane');
  return { requiredLanes, versionNumber: null, lanes: lanesBeforeReview() };
}

function isVersionNumber(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 1;
}

function isDecisionOnVersionUnderReview(context: ReviewContext, event: ReviewEvent): event is Extract<ReviewEvent, { lane: ReviewLane }> {
  return (event.type === 'APPROVE' || event.type === 'REQUEST_CHANGES') && event.versionNumber === context.versionNumber;
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
      event.type === 'SUBMIT' && isVersionNumber(event.versionNumber) && event.versionNumber > (context.versionNumber ?? 0),
    isLaneRequired: ({ context }, params: { lane: ReviewLane }) => context.requiredLanes.includes(params.lane),
    isDecisionOnThisLane: ({ context, event }, params: { lane: ReviewLane }) =>
      isDecisionOnVersionUnderReview(context, event) && event.lane === params.lane,
    isDecisionOnPendingLane: ({ context, event }) =>
      isDecisionOnVersionUnderReview(context, event) && context.lanes[event.lane] === 'pending',
  },
  actions: {
    openReview: assign(({ context, event }) =>
      event.type === 'SUBMIT' ? { versionNumber: event.versionNumber, lanes: lanesOpenedForReview(context.requiredLanes) } : {},
    ),
    recordApproval: assign(({ context, event }) =>
      event.type === 'APPROVE' ? { lanes: lanesWithApproval(context.lanes, event.lane) } : {},
    ),
    recordChangesRequested: assign(({ context, event }) =>
      event.type === 'REQUEST_CHANGES' ? { lanes: lanesWithChangesRequested(context.lanes, event.lane) } : {},
    ),
    endPendingReviews: assign(({ context }) => ({ lanes: lanesWithPendingEnded(context.lanes) })),
  },
});

/** One lane's region: required lanes wait for a decision, the others are waived on entry. */
function laneRegion(lane: ReviewLane) {
  return reviewSetup.createStateConfig({
    initial: 'routing',
    description: `The ${lane} review.`,
    states: {
      routing: {
        description: 'Passed through on entry: pending if the lane is required, waived otherwise.',
        always: [{ guard: { type: 'isLaneRequired', params: { lane } }, target: 'pending' }, { target: 'waived' }],
      },
      pending: {
        description: 'Waiting for the lane to approve or request changes on the version under review.',
        on: {
          APPROVE: { guard: { type: 'isDecisionOnThisLane', params: { lane } }, target: 'approved', actions: 'recordApproval' },
        },
      },
      approved: { type: 'final', description: 'The lane approved the version under review.' },
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
      description: 'One version is being reviewed by its required lanes, in parallel.',
      states: {
        marketing: laneRegion('marketing'),
        medical: laneRegion('medical'),
        regulatory: laneRegion('regulatory'),
      },
      // Every region final means every required lane approved this version (the others are waived).
      onDone: { target: 'approved' },
      on: {
        // Declared on the item, not the lane: one request for changes ends the whole review at once.
        REQUEST_CHANGES: { guard: 'isDecisionOnPendingLane', target: 'changes_requested', actions: 'recordChangesRequested' },
        WITHDRAW: { target: 'withdrawn', actions: 'endPendingReviews' },
      },
    },
    changes_requested: {
      description: 'A lane asked for changes; the review resumes when a new version is submitted.',
      on: {
        SUBMIT: { guard: 'isNewVersion', target: 'in_review', actions: 'openReview' },
        WITHDRAW: { target: 'withdrawn' },
      },
    },
    approved: {
      description: 'Every required lane approved the same version; the content may be used.',
      on: {
        EXPIRE: { target: 'expired' },
        WITHDRAW: { target: 'withdrawn' },
      },
    },
    expired: { type: 'final', description: 'The approval ran out; the content may no longer be used.' },
    withdrawn: { type: 'final', description: 'Taken out of the workflow for good.' },
  },
});

export type ReviewMachine = typeof reviewMachine;
