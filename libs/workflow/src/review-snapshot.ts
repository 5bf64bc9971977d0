// Reading a review snapshot in the product's words: the item's status and each lane's state.
// Callers (API, web) use these instead of poking at XState state values.
import { ITEM_STATUSES, type ItemStatus } from '@vetted/contracts';
import type { SnapshotFrom } from 'xstate';
import type { LaneStates } from './lane-states.js';
import type { reviewMachine } from './review.machine.js';

export type ReviewSnapshot = SnapshotFrom<typeof reviewMachine>;

export function itemStatusOf(snapshot: ReviewSnapshot): ItemStatus {
  const status = ITEM_STATUSES.find((candidate) => snapshot.matches(candidate));
  if (status === undefined) throw new Error(`review snapshot has no item status: ${JSON.stringify(snapshot.value)}`);
  return status;
}

export function laneStatesOf(snapshot: ReviewSnapshot): LaneStates {
  return { ...snapshot.context.lanes };
}
