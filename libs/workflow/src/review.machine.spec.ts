import { REVIEW_LANES, type ReviewLane } from '@vetted/contracts';
import { createActor } from 'xstate';
import { REVIEW_MACHINE_VERSION, reviewMachine, type ReviewEvent, type ReviewInput } from './review.machine.js';
import { itemStatusOf, laneStatesOf, type ReviewSnapshot } from './review-snapshot.js';

const fullReview: ReviewInput = { requiredLanes: [...REVIEW_LANES] };
const fastTrack: ReviewInput = { requiredLanes: ['regulatory'] };

const submit = (versionNumber: number): ReviewEvent => ({ type: 'SUBMIT', versionNumber });
const approve = (lane: ReviewLane, versionNumber: number): ReviewEvent => ({ type: 'APPROVE', lane, versionNumber });
const requestChanges = (lane: ReviewLane, versionNumber: number): ReviewEvent => ({
  type: 'REQUEST_CHANGES',
  lane,
  versionNumber,
});
const withdraw: ReviewEvent = { type: 'WITHDRAW' };
const expire: ReviewEvent = { type: 'EXPIRE' };

/** The review after the events, failing the test if the machine refuses one of them. */
function reviewAfter(input: ReviewInput, ...events: ReviewEvent[]): ReviewSnapshot {
  const actor = createActor(reviewMachine, { input }).start();
  for (const event of events) {
    if (!actor.getSnapshot().can(event)) throw new Error(`refused ${JSON.stringify(event)} in ${itemStatusOf(actor.getSnapshot())}`);
    actor.send(event);
  }
  return actor.getSnapshot();
}

const approvedByAll = [submit(1), approve('marketing', 1), approve('medical', 1), approve('regulatory', 1)];

describe('review machine', () => {
  it('is at version 4', () => {
    expect(REVIEW_MACHINE_VERSION).toBe(4);
  });

  it('approves with changes, then asks only the conditional lane to confirm the corrected version; the others carry forward', () => {
    const conditional: ReviewEvent[] = [submit(1), approve('marketing', 1), { type: 'APPROVE_WITH_CHANGES', lane: 'medical', versionNumber: 1 }, approve('regulatory', 1)];
    expect(itemStatusOf(reviewAfter(fullReview, ...conditional))).toBe('approved_with_changes');
    const confirming = reviewAfter(fullReview, ...conditional, submit(2));
    expect(laneStatesOf(confirming)).toEqual({ marketing: 'carried_forward', medical: 'pending', regulatory: 'carried_forward' });
    expect(confirming.context.confirmLanes).toEqual(['medical']);
    expect(confirming.can({ type: 'APPROVE', lane: 'marketing', versionNumber: 2 })).toBe(false);
    expect(confirming.can({ type: 'APPROVE_WITH_CHANGES', lane: 'medical', versionNumber: 2 })).toBe(false);
    const approved = reviewAfter(fullReview, ...conditional, submit(2), approve('medical', 2));
    expect(itemStatusOf(approved)).toBe('approved');
    expect(approved.context.servingVersion).toBe(2);
    const refused = reviewAfter(fullReview, ...conditional, submit(2), requestChanges('medical', 2), submit(3));
    expect(laneStatesOf(refused)).toEqual({ marketing: 'pending', medical: 'pending', regulatory: 'pending' });
  });

  it('keeps the approved version in use while a revision is reviewed, then serves the revision', () => {
    const revising = reviewAfter(fullReview, ...approvedByAll, { type: 'SUBMIT', versionNumber: 2, requiredLanes: ['regulatory'] });
    expect(itemStatusOf(revising)).toBe('in_review');
    expect(revising.context).toMatchObject({ servingVersion: 1, versionNumber: 2, requiredLanes: ['regulatory'] });
    expect(laneStatesOf(revising)).toEqual({ marketing: 'waived', medical: 'waived', regulatory: 'pending' });
    const served = reviewAfter(fullReview, ...approvedByAll, { type: 'SUBMIT', versionNumber: 2, requiredLanes: ['regulatory'] }, approve('regulatory', 2));
    expect(served.context.servingVersion).toBe(2);
  });

  it('withdraws a revision only: the approved version and its round stand, and the withdrawn version is not submitted again', () => {
    const revision: ReviewEvent = { type: 'SUBMIT', versionNumber: 2, requiredLanes: ['regulatory'] };
    const back = reviewAfter(fullReview, ...approvedByAll, revision, requestChanges('regulatory', 2), { type: 'WITHDRAW_REVISION' });
    expect(itemStatusOf(back)).toBe('approved');
    expect(back.context).toMatchObject({ versionNumber: 1, servingVersion: 1, requiredLanes: ['marketing', 'medical', 'regulatory'], lastSubmitted: 2 });
    expect(laneStatesOf(back)).toEqual({ marketing: 'approved', medical: 'approved', regulatory: 'approved' });
    expect(back.can(submit(2))).toBe(false);
    expect(back.can(submit(3))).toBe(true);
    expect(reviewAfter(fullReview, submit(1)).can({ type: 'WITHDRAW_REVISION' })).toBe(false);
  });

  it('recertifies an approved item without changing it, and retires it for good', () => {
    const approved = reviewAfter(fullReview, ...approvedByAll);
    expect(approved.can({ type: 'RECERTIFY' })).toBe(true);
    expect(reviewAfter(fullReview, ...approvedByAll, { type: 'RECERTIFY' }).context).toEqual(approved.context);
    const retired = reviewAfter(fullReview, ...approvedByAll, { type: 'RETIRE' });
    expect(itemStatusOf(retired)).toBe('retired');
    expect(retired.status).toBe('done');
    expect(reviewAfter(fullReview, submit(1)).can({ type: 'RECERTIFY' })).toBe(false);
  });

  it('escalates a fast-tracked round to a full review of the same version, once', () => {
    const escalated = reviewAfter(fastTrack, submit(1), { type: 'ESCALATE' });
    expect(itemStatusOf(escalated)).toBe('in_review');
    expect(escalated.context).toMatchObject({ requiredLanes: ['marketing', 'medical', 'regulatory'], versionNumber: 1 });
    expect(laneStatesOf(escalated)).toEqual({ marketing: 'pending', medical: 'pending', regulatory: 'pending' });
    expect(escalated.can({ type: 'ESCALATE' })).toBe(false);
    expect(reviewAfter(fullReview, submit(1)).can({ type: 'ESCALATE' })).toBe(false);
    expect(itemStatusOf(reviewAfter(fastTrack, submit(1), { type: 'ESCALATE' }, approve('regulatory', 1)))).toBe('in_review');
  });

  it('suspends approved material and a revision in use, and halts the round of new material', () => {
    const suspended = reviewAfter(fullReview, ...approvedByAll, { type: 'SUSPEND' });
    expect(itemStatusOf(suspended)).toBe('suspended');
    expect(suspended.context.servingVersion).toBeNull();
    expect(itemStatusOf(reviewAfter(fullReview, ...approvedByAll, submit(2), { type: 'SUSPEND' }))).toBe('suspended');
    const halted = reviewAfter(fullReview, submit(1), approve('medical', 1), { type: 'SUSPEND' });
    expect(itemStatusOf(halted)).toBe('changes_requested');
    expect(halted.context.roundHalted).toBe(true);
    expect(laneStatesOf(halted)).toEqual({ marketing: 'not_started', medical: 'approved', regulatory: 'not_started' });
    expect(reviewAfter(fullReview, submit(1), { type: 'SUSPEND' }, submit(2)).context.roundHalted).toBe(false);
  });

  it('reviews a corrected version of suspended material in full, and may withdraw it', () => {
    const corrected = reviewAfter(fullReview, ...approvedByAll, { type: 'SUSPEND' }, submit(2));
    expect(laneStatesOf(corrected)).toEqual({ marketing: 'pending', medical: 'pending', regulatory: 'pending' });
    expect(itemStatusOf(reviewAfter(fullReview, ...approvedByAll, { type: 'SUSPEND' }, withdraw))).toBe('withdrawn');
    expect(reviewAfter(fullReview, ...approvedByAll, { type: 'SUSPEND' }).can(expire)).toBe(false);
  });

  it('holds an approved version for its final release where the market requires one, and only then serves it', () => {
    const released: ReviewInput = { ...fullReview, releaseRequired: true };
    const waiting = reviewAfter(released, ...approvedByAll);
    expect(itemStatusOf(waiting)).toBe('awaiting_release');
    expect(waiting.context.servingVersion).toBeNull();
    expect(waiting.can({ type: 'EXPIRE' })).toBe(false);
    const inUse = reviewAfter(released, ...approvedByAll, { type: 'RELEASE' });
    expect(itemStatusOf(inUse)).toBe('approved');
    expect(inUse.context.servingVersion).toBe(1);
    expect(inUse.can({ type: 'RELEASE' })).toBe(false);
  });

  it('decides the release at each submission: a market added later holds the revision, the approved version stays in use', () => {
    const revision = reviewAfter(fullReview, ...approvedByAll, { type: 'SUBMIT', versionNumber: 2, releaseRequired: true }, approve('marketing', 2), approve('medical', 2), approve('regulatory', 2));
    expect(itemStatusOf(revision)).toBe('awaiting_release');
    expect(revision.context.servingVersion).toBe(1);
    const abandoned = reviewAfter(fullReview, ...approvedByAll, { type: 'SUBMIT', versionNumber: 2, releaseRequired: true }, approve('marketing', 2), approve('medical', 2), approve('regulatory', 2), { type: 'WITHDRAW_REVISION' });
    expect(itemStatusOf(abandoned)).toBe('approved');
    expect(abandoned.context.versionNumber).toBe(1);
    const notRequired = reviewAfter({ ...fullReview, releaseRequired: true }, { type: 'SUBMIT', versionNumber: 1, releaseRequired: false }, approve('marketing', 1), approve('medical', 1), approve('regulatory', 1));
    expect(itemStatusOf(notRequired)).toBe('approved');
  });

  it('ends a release wait when a claim leaves the library: nothing of it was in use', () => {
    const halted = reviewAfter({ ...fullReview, releaseRequired: true }, ...approvedByAll, { type: 'SUSPEND' });
    expect(itemStatusOf(halted)).toBe('changes_requested');
    expect(halted.context.roundHalted).toBe(true);
  });

  it('starts as a draft with no lane started and no version under review', () => {
    const review = reviewAfter(fullReview);
    expect(itemStatusOf(review)).toBe('draft');
    expect(review.context.versionNumber).toBeNull();
    expect(laneStatesOf(review)).toEqual({ marketing: 'not_started', medical: 'not_started', regulatory: 'not_started' });
  });

  it('asks every required lane and waives the others when a version is submitted', () => {
    const review = reviewAfter(fastTrack, submit(1));
    expect(itemStatusOf(review)).toBe('in_review');
    expect(review.context.versionNumber).toBe(1);
    expect(laneStatesOf(review)).toEqual({ marketing: 'waived', medical: 'waived', regulatory: 'pending' });
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses a first submission with version number %p', (versionNumber) => {
    expect(reviewAfter(fullReview).can(submit(versionNumber))).toBe(false);
  });

  it('stays in review until every required lane has approved', () => {
    const review = reviewAfter(fullReview, submit(1), approve('marketing', 1), approve('regulatory', 1));
    expect(itemStatusOf(review)).toBe('in_review');
    expect(laneStatesOf(review)).toEqual({ marketing: 'approved', medical: 'pending', regulatory: 'approved' });
  });

  it('approves the item when every required lane has approved the same version', () => {
    const review = reviewAfter(fullReview, ...approvedByAll);
    expect(itemStatusOf(review)).toBe('approved');
    expect(laneStatesOf(review)).toEqual({ marketing: 'approved', medical: 'approved', regulatory: 'approved' });
  });

  it('approves a fast-tracked item on the regulatory approval alone', () => {
    expect(itemStatusOf(reviewAfter(fastTrack, submit(1), approve('regulatory', 1)))).toBe('approved');
  });

  it('refuses a decision on a version other than the one under review', () => {
    const review = reviewAfter(fullReview, submit(2));
    expect(review.can(approve('marketing', 1))).toBe(false);
    expect(review.can(approve('marketing', 3))).toBe(false);
    expect(review.can(requestChanges('marketing', 1))).toBe(false);
  });

  it('refuses the approval of an old version after a resubmission', () => {
    const review = reviewAfter(fullReview, submit(1), requestChanges('medical', 1), submit(2));
    expect(review.can(approve('marketing', 1))).toBe(false);
    expect(review.can(approve('marketing', 2))).toBe(true);
  });

  it('refuses a second decision on a lane that has already decided', () => {
    const review = reviewAfter(fullReview, submit(1), approve('marketing', 1));
    expect(review.can(approve('marketing', 1))).toBe(false);
    expect(review.can(requestChanges('marketing', 1))).toBe(false);
  });

  it('moves the item to changes requested at once and ends the other pending reviews', () => {
    const review = reviewAfter(fullReview, submit(1), approve('marketing', 1), requestChanges('medical', 1));
    expect(itemStatusOf(review)).toBe('changes_requested');
    expect(laneStatesOf(review)).toEqual({ marketing: 'approved', medical: 'changes_requested', regulatory: 'not_started' });
    expect(review.can(approve('regulatory', 1))).toBe(false);
  });

  it.each([1, 0])('refuses a resubmission without a new version (version %p after version 1)', (versionNumber) => {
    const review = reviewAfter(fullReview, submit(1), requestChanges('regulatory', 1));
    expect(review.can(submit(versionNumber))).toBe(false);
  });

  it('asks every required lane again on a new version, approvals of the old one included', () => {
    const review = reviewAfter(fullReview, submit(1), approve('marketing', 1), requestChanges('medical', 1), submit(3));
    expect(itemStatusOf(review)).toBe('in_review');
    expect(review.context.versionNumber).toBe(3);
    expect(laneStatesOf(review)).toEqual({ marketing: 'pending', medical: 'pending', regulatory: 'pending' });
  });

  it('keeps waived lanes waived on a resubmission', () => {
    const review = reviewAfter(fastTrack, submit(1), requestChanges('regulatory', 1), submit(2));
    expect(laneStatesOf(review)).toEqual({ marketing: 'waived', medical: 'waived', regulatory: 'pending' });
  });

  it('lets no one decide on a waived lane', () => {
    const review = reviewAfter(fastTrack, submit(1));
    expect(review.can(approve('marketing', 1))).toBe(false);
    expect(review.can(requestChanges('medical', 1))).toBe(false);
  });

  it.each<[string, ReviewEvent[]]>([
    ['draft', []],
    ['in_review', [submit(1)]],
    ['changes_requested', [submit(1), requestChanges('marketing', 1)]],
  ])('refuses to expire an item in %s', (_status, events) => {
    expect(reviewAfter(fullReview, ...events).can(expire)).toBe(false);
  });

  it('expires an approved item, for good', () => {
    const review = reviewAfter(fullReview, ...approvedByAll, expire);
    expect(itemStatusOf(review)).toBe('expired');
    expect(review.status).toBe('done');
    expect(laneStatesOf(review)).toEqual({ marketing: 'approved', medical: 'approved', regulatory: 'approved' });
  });

  it.each<[string, ReviewEvent[]]>([
    ['draft', []],
    ['in_review', [submit(1)]],
    ['changes_requested', [submit(1), requestChanges('marketing', 1)]],
    ['approved', approvedByAll],
  ])('withdraws an item in %s, for good', (status, events) => {
    const before = reviewAfter(fullReview, ...events);
    expect(itemStatusOf(before)).toBe(status);
    const review = reviewAfter(fullReview, ...events, withdraw);
    expect(itemStatusOf(review)).toBe('withdrawn');
    expect(review.status).toBe('done');
  });

  it('ends the pending reviews when an item in review is withdrawn', () => {
    const review = reviewAfter(fullReview, submit(1), approve('medical', 1), withdraw);
    expect(laneStatesOf(review)).toEqual({ marketing: 'not_started', medical: 'approved', regulatory: 'not_started' });
  });

  it.each<[string, ReviewEvent[]]>([
    ['expired', [...approvedByAll, expire]],
    ['withdrawn', [withdraw]],
  ])('accepts no event once %s', (_status, events) => {
    const review = reviewAfter(fullReview, ...events);
    const anyEvent: ReviewEvent[] = [submit(1), submit(2), approve('marketing', 1), requestChanges('marketing', 1), withdraw, expire];
    expect(anyEvent.filter((event) => review.can(event))).toEqual([]);
  });

  it('keeps required lanes in lane order without duplicates', () => {
    const review = reviewAfter({ requiredLanes: ['regulatory', 'marketing', 'regulatory'] });
    expect(review.context.requiredLanes).toEqual(['marketing', 'regulatory']);
  });
});
