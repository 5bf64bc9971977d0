// Running a review from what the API stores: start one, restore one from its persisted snapshot,
// or apply one event to a stored snapshot and get back what to store and show.
import type { ItemStatus } from '@vetted/contracts';
import { createActor, type Actor, type Snapshot } from 'xstate';
import type { LaneStates } from './lane-states.js';
import { allowedEventTypes } from './allowed-events.js';
import { initialReviewContext, reviewMachine, type ReviewEvent, type ReviewInput } from './review.machine.js';
import { itemStatusOf, laneStatesOf, type ReviewSnapshot } from './review-snapshot.js';

/** What `actor.getPersistedSnapshot()` returns: plain JSON, stored as jsonb beside REVIEW_MACHINE_VERSION. */
export type PersistedReviewSnapshot = Snapshot<unknown>;

export type ReviewActor = Actor<typeof reviewMachine>;

export interface ReviewEventResult {
  /** False when the machine refused the event; everything else then describes the unchanged review. */
  accepted: boolean;
  snapshot: PersistedReviewSnapshot;
  status: ItemStatus;
  lanes: LaneStates;
  allowedEvents: string[];
}

/** A started actor at the beginning of a review (draft). Throws RangeError on an input with no required lane. */
export function startReview(input: ReviewInput): ReviewActor {
  // Checked here, synchronously: inside the actor the error would surface as an error snapshot instead.
  initialReviewContext(input);
  return createActor(reviewMachine, { input }).start();
}

/** A started actor resumed where the persisted snapshot left it. */
export function restoreReview(persisted: PersistedReviewSnapshot): ReviewActor {
  // XState's types ask for input, but a restored actor takes its context from the snapshot, never from input.
  return createActor(reviewMachine, { snapshot: persisted, input: undefined }).start();
}

export function describeReview(snapshot: ReviewSnapshot): Omit<ReviewEventResult, 'accepted' | 'snapshot'> {
  return { status: itemStatusOf(snapshot), lanes: laneStatesOf(snapshot), allowedEvents: allowedEventTypes(snapshot) };
}

/**
 * Applies one event to a stored review (or to a new one when `persisted` is null, using `input`).
 * Pure for the caller: the actor lives only inside this call and the machine has no side effects.
 */
export function applyReviewEvent(
  persisted: PersistedReviewSnapshot | null,
  input: ReviewInput,
  event: ReviewEvent,
): ReviewEventResult {
  const actor = persisted === null ? startReview(input) : restoreReview(persisted);
  try {
    const accepted = actor.getSnapshot().can(event);
    if (accepted) actor.send(event);
    return { accepted, snapshot: actor.getPersistedSnapshot(), ...describeReview(actor.getSnapshot()) };
  } finally {
    actor.stop();
  }
}
