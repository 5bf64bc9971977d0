import { REVIEW_LANES } from '@vetted/contracts';
import { applyReviewEvent, restoreReview, startReview, type PersistedReviewSnapshot } from './review-actor.js';
import type { ReviewEvent, ReviewInput } from './review.machine.js';
import { itemStatusOf, laneStatesOf } from './review-snapshot.js';

const fullReview: ReviewInput = { requiredLanes: [...REVIEW_LANES] };

/** What the API does: store as jsonb, read back. */
function throughJsonb(snapshot: PersistedReviewSnapshot): PersistedReviewSnapshot {
  return JSON.parse(JSON.stringify(snapshot)) as PersistedReviewSnapshot;
}

function storedAfter(input: ReviewInput, events: ReviewEvent[]): PersistedReviewSnapshot | null {
  let stored: PersistedReviewSnapshot | null = null;
  for (const event of events) {
    const result = applyReviewEvent(stored, input, event);
    if (!result.accepted) throw new Error(`refused ${JSON.stringify(event)}`);
    stored = throughJsonb(result.snapshot);
  }
  return stored;
}

describe('startReview', () => {
  it('starts a draft', () => {
    const actor = startReview(fullReview);
    expect(itemStatusOf(actor.getSnapshot())).toBe('draft');
    actor.stop();
  });

  it('refuses a review with no required lane', () => {
    expect(() => startReview({ requiredLanes: [] })).toThrow(RangeError);
    expect(() => applyReviewEvent(null, { requiredLanes: [] }, { type: 'SUBMIT', versionNumber: 1 })).toThrow(RangeError);
  });
});

describe('restoreReview', () => {
  it('resumes a review stored as jsonb where it left off', () => {
    const original = startReview(fullReview);
    original.send({ type: 'SUBMIT', versionNumber: 1 });
    original.send({ type: 'APPROVE', lane: 'medical', versionNumber: 1 });

    const restored = restoreReview(throughJsonb(original.getPersistedSnapshot()));
    expect(restored.getSnapshot().value).toEqual(original.getSnapshot().value);
    expect(restored.getSnapshot().context).toEqual(original.getSnapshot().context);

    restored.send({ type: 'APPROVE', lane: 'marketing', versionNumber: 1 });
    restored.send({ type: 'APPROVE', lane: 'regulatory', versionNumber: 1 });
    expect(itemStatusOf(restored.getSnapshot())).toBe('approved');
    original.stop();
    restored.stop();
  });

  it('restores a finished review as finished', () => {
    const stored = storedAfter(fullReview, [{ type: 'WITHDRAW' }]);
    if (stored === null) throw new Error('nothing stored');
    const restored = restoreReview(stored);
    expect(itemStatusOf(restored.getSnapshot())).toBe('withdrawn');
    expect(restored.getSnapshot().status).toBe('done');
    restored.stop();
  });
});

describe('applyReviewEvent', () => {
  it('starts a review from nothing and returns what to store and show', () => {
    const result = applyReviewEvent(null, { requiredLanes: ['regulatory'] }, { type: 'SUBMIT', versionNumber: 1 });
    expect(result).toMatchObject({
      accepted: true,
      status: 'in_review',
      lanes: { marketing: 'waived', medical: 'waived', regulatory: 'pending' },
      allowedEvents: ['APPROVE regulatory', 'APPROVE_WITH_CHANGES regulatory', 'REQUEST_CHANGES regulatory', 'WITHDRAW', 'ESCALATE', 'SUSPEND'],
    });
    expect(result.snapshot.status).toBe('active');
  });

  it('carries a review through jsonb round trips to approval', () => {
    const stored = storedAfter(fullReview, [
      { type: 'SUBMIT', versionNumber: 1 },
      { type: 'REQUEST_CHANGES', lane: 'medical', versionNumber: 1 },
      { type: 'SUBMIT', versionNumber: 2 },
      { type: 'APPROVE', lane: 'marketing', versionNumber: 2 },
      { type: 'APPROVE', lane: 'medical', versionNumber: 2 },
    ]);
    const result = applyReviewEvent(stored, fullReview, { type: 'APPROVE', lane: 'regulatory', versionNumber: 2 });
    expect(result).toMatchObject({ accepted: true, status: 'approved', allowedEvents: ['SUBMIT', 'WITHDRAW', 'EXPIRE', 'RECERTIFY', 'RETIRE', 'SUSPEND'] });
    const restored = restoreReview(throughJsonb(result.snapshot));
    expect(restored.getSnapshot().context).toEqual({
      requiredLanes: ['marketing', 'medical', 'regulatory'],
      versionNumber: 2,
      lanes: { marketing: 'approved', medical: 'approved', regulatory: 'approved' },
      confirmLanes: [],
      servingVersion: 2,
      servedRound: { requiredLanes: ['marketing', 'medical', 'regulatory'], lanes: { marketing: 'approved', medical: 'approved', regulatory: 'approved' } },
      lastSubmitted: 2,
      roundHalted: false,
      releaseRequired: false,
    });
    restored.stop();
  });

  it('refuses an event the machine cannot take and leaves the stored review as it was', () => {
    const stored = storedAfter(fullReview, [{ type: 'SUBMIT', versionNumber: 1 }]);
    const result = applyReviewEvent(stored, fullReview, { type: 'EXPIRE' });
    expect(result.accepted).toBe(false);
    expect(result.snapshot).toEqual(stored);
    expect(result.status).toBe('in_review');
    expect(result.allowedEvents).toContain('WITHDRAW');
    expect(result.allowedEvents).not.toContain('EXPIRE');
  });

  it('ignores the input once a review is stored: the stored required lanes rule', () => {
    const stored = storedAfter({ requiredLanes: ['regulatory'] }, [{ type: 'SUBMIT', versionNumber: 1 }]);
    const result = applyReviewEvent(stored, fullReview, { type: 'APPROVE', lane: 'regulatory', versionNumber: 1 });
    expect(result.status).toBe('approved');
    expect(laneStatesOf(restoreReview(result.snapshot).getSnapshot()).marketing).toBe('waived');
  });
});
