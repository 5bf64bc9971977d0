// Which review events would be accepted now: drives the web's buttons and the API's 409 "allowed: …".
// Asks the machine (snapshot.can) rather than restating its rules.
import { REVIEW_LANES } from '@vetted/contracts';
import type { ReviewEvent } from './review.machine.js';
import type { ReviewSnapshot } from './review-snapshot.js';

/**
 * One concrete candidate per possible action. SUBMIT is tried with the next version number:
 * the machine only needs it to be newer, so any later version would be accepted as well.
 */
function candidateEvents(snapshot: ReviewSnapshot): ReviewEvent[] {
  const underReview = snapshot.context.versionNumber;
  const decisions: ReviewEvent[] =
    underReview === null
      ? []
      : REVIEW_LANES.flatMap((lane): ReviewEvent[] => [
          { type: 'APPROVE', lane, versionNumber: underReview },
          { type: 'APPROVE_WITH_CHANGES', lane, versionNumber: underReview },
          { type: 'REQUEST_CHANGES', lane, versionNumber: underReview },
        ]);
  return [
    { type: 'SUBMIT', versionNumber: (underReview ?? 0) + 1 },
    ...decisions,
    { type: 'WITHDRAW' },
    { type: 'WITHDRAW_REVISION' },
    { type: 'EXPIRE' },
    { type: 'RECERTIFY' },
    { type: 'RETIRE' },
    { type: 'ESCALATE' },
    { type: 'SUSPEND' },
    { type: 'RELEASE' },
  ];
}

export function allowedReviewEvents(snapshot: ReviewSnapshot): ReviewEvent[] {
  return candidateEvents(snapshot).filter((event) => snapshot.can(event));
}

/** 'SUBMIT', 'APPROVE marketing', 'WITHDRAW': how an action is named to users and in errors. */
export function describeReviewEvent(event: ReviewEvent): string {
  return 'lane' in event ? `${event.type} ${event.lane}` : event.type;
}

export function allowedEventTypes(snapshot: ReviewSnapshot): string[] {
  return allowedReviewEvents(snapshot).map(describeReviewEvent);
}
