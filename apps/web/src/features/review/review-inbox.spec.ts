import { reviewInbox } from './review-inbox';
import { aContentItem, aUser, SUBMITTED_V1 } from '../../testing/content-items';

describe('reviewInbox', () => {
  const now = new Date('2026-12-02T09:00:00.000Z');

  it('lists items waiting for my lane, earliest due first, overdue flagged', () => {
    const later = aContentItem({ id: 'later', dueAt: '2026-12-05T17:00:00.000Z' });
    const late = aContentItem({ id: 'late', dueAt: '2026-12-01T17:00:00.000Z' });
    const doneByMe = aContentItem({ id: 'done' }, [...SUBMITTED_V1, { type: 'APPROVE', lane: 'medical', versionNumber: 1 }]);
    const entries = reviewInbox([later, doneByMe, late], aUser(), now);
    expect(entries.map((e) => [e.item.id, e.overdue])).toEqual([
      ['late', true],
      ['later', false],
    ]);
  });

  it('adds open periodic reviews of approved items for medical and regulatory reviewers, by their due date', () => {
    const approvedByAll = [...SUBMITTED_V1, ...(['marketing', 'medical', 'regulatory'] as const).map((lane) => ({ type: 'APPROVE' as const, lane, versionNumber: 1 }))];
    const open = aContentItem({ id: 'periodic', periodicReviewDueAt: '2026-12-03T09:00:00.000Z' }, approvedByAll);
    const closed = aContentItem({ id: 'quiet', periodicReviewDueAt: null }, approvedByAll);
    const waiting = aContentItem({ id: 'waiting', dueAt: '2026-12-04T17:00:00.000Z' });
    expect(reviewInbox([waiting, closed, open], aUser(), now).map((e) => [e.item.id, e.task])).toEqual([
      ['periodic', 'periodic'],
      ['waiting', 'decide'],
    ]);
    expect(reviewInbox([open], aUser({ roles: ['marketing_reviewer'] }), now)).toEqual([]);
  });
});
