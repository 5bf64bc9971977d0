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
});
