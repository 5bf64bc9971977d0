import { applyReviewEvent, restoreReview, type PersistedReviewSnapshot } from './review-actor.js';
import { reviewInvariantViolations } from './review-invariants.js';
import type { ReviewInput } from './review.machine.js';

const fastTrack: ReviewInput = { requiredLanes: ['regulatory'] };

function approvedFastTrack(): PersistedReviewSnapshot {
  const submitted = applyReviewEvent(null, fastTrack, { type: 'SUBMIT', versionNumber: 1 });
  return applyReviewEvent(submitted.snapshot, fastTrack, { type: 'APPROVE', lane: 'regulatory', versionNumber: 1 }).snapshot;
}

type StoredReview = PersistedReviewSnapshot & { context: { requiredLanes: string[]; lanes: Record<string, string> } };

/** A stored snapshot edited by hand, as a bad migration might leave it. */
function tampered(edit: (stored: StoredReview) => void) {
  const stored: StoredReview = JSON.parse(JSON.stringify(approvedFastTrack()));
  edit(stored);
  return restoreReview(stored).getSnapshot();
}

describe('reviewInvariantViolations', () => {
  it('finds nothing wrong with a review the machine produced', () => {
    expect(reviewInvariantViolations(restoreReview(approvedFastTrack()).getSnapshot())).toEqual([]);
  });

  it('reports an approval that a required lane did not give', () => {
    const review = tampered((stored) => {
      stored.context.requiredLanes = ['medical', 'regulatory'];
      stored.context.lanes.medical = 'pending';
    });
    expect(reviewInvariantViolations(review)).toEqual(
      expect.arrayContaining(['approved with a required lane not approved', 'approved with a lane still pending']),
    );
  });

  it('reports a required lane that was waived', () => {
    const review = tampered((stored) => {
      stored.context.requiredLanes = ['marketing', 'regulatory'];
    });
    expect(reviewInvariantViolations(review)).toContain('required lane marketing is waived');
  });
});
