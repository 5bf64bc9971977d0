import { REVIEW_LANES } from '@vetted/contracts';
import { createActor } from 'xstate';
import { allowedEventTypes, allowedReviewEvents, describeReviewEvent } from './allowed-events.js';
import { reviewMachine, type ReviewEvent, type ReviewInput } from './review.machine.js';
import type { ReviewSnapshot } from './review-snapshot.js';

const fullReview: ReviewInput = { requiredLanes: [...REVIEW_LANES] };

function reviewAfter(input: ReviewInput, ...events: ReviewEvent[]): ReviewSnapshot {
  const actor = createActor(reviewMachine, { input }).start();
  events.forEach((event) => actor.send(event));
  return actor.getSnapshot();
}

describe('allowed events', () => {
  it('offers submitting or withdrawing a draft', () => {
    expect(allowedEventTypes(reviewAfter(fullReview))).toEqual(['SUBMIT', 'WITHDRAW']);
  });

  it('offers a decision for each lane still pending', () => {
    const review = reviewAfter(fullReview, { type: 'SUBMIT', versionNumber: 1 }, { type: 'APPROVE', lane: 'medical', versionNumber: 1 });
    expect(allowedEventTypes(review)).toEqual([
      'APPROVE marketing',
      'APPROVE_WITH_CHANGES marketing',
      'REQUEST_CHANGES marketing',
      'APPROVE regulatory',
      'APPROVE_WITH_CHANGES regulatory',
      'REQUEST_CHANGES regulatory',
      'WITHDRAW',
      'SUSPEND',
    ]);
  });

  it('names the version under review in the decisions it offers', () => {
    const review = reviewAfter({ requiredLanes: ['medical'] }, { type: 'SUBMIT', versionNumber: 4 });
    expect(allowedReviewEvents(review)).toEqual([
      { type: 'APPROVE', lane: 'medical', versionNumber: 4 },
      { type: 'APPROVE_WITH_CHANGES', lane: 'medical', versionNumber: 4 },
      { type: 'REQUEST_CHANGES', lane: 'medical', versionNumber: 4 },
      { type: 'WITHDRAW' },
      { type: 'ESCALATE' },
      { type: 'SUSPEND' },
    ]);
  });

  it('offers a new version after changes were requested', () => {
    const review = reviewAfter(fullReview, { type: 'SUBMIT', versionNumber: 1 }, { type: 'REQUEST_CHANGES', lane: 'marketing', versionNumber: 1 });
    expect(allowedReviewEvents(review)).toEqual([{ type: 'SUBMIT', versionNumber: 2 }, { type: 'WITHDRAW' }]);
  });

  it('offers nothing once withdrawn', () => {
    expect(allowedEventTypes(reviewAfter(fullReview, { type: 'WITHDRAW' }))).toEqual([]);
  });

  it('describes lane decisions with their lane', () => {
    expect(describeReviewEvent({ type: 'REQUEST_CHANGES', lane: 'medical', versionNumber: 2 })).toBe('REQUEST_CHANGES medical');
    expect(describeReviewEvent({ type: 'SUBMIT', versionNumber: 2 })).toBe('SUBMIT');
  });
});
