import type { Inbox, InboxTask } from '@vetted/contracts';
import { renderPage, textOf } from '../../../testing/render-page';
import { aUser } from '../../../testing/content-items';
import { reviewQueryKeys } from '../api/get-content-item';
import { ReviewInboxPage } from './review-inbox-page';

function aTask(overrides: Partial<InboxTask> = {}): InboxTask {
  return {
    taskId: '00000000-0000-4000-8000-0000000000b1',
    kind: 'lane_review',
    lane: 'medical',
    round: 1,
    versionNumber: 1,
    dueAt: '2026-12-01T17:00:00.000Z',
    overdue: false,
    status: 'open',
    coveringFor: null,
    decision: null,
    decidedBy: null,
    closedAt: null,
    closedReason: null,
    item: { id: '00000000-0000-4000-8000-000000000001', title: 'Episode 1', format: 'video', status: 'in_review', product: null, market: null, plannedAt: '2026-12-03T09:00:00.000Z', fastTrack: false, submittedAt: '2026-11-24T09:00:00.000Z', unsupportedStatements: 0 },
    ...overrides,
  };
}

function render(inbox: Partial<Inbox>, url = '/reviews') {
  const status = url.includes('done') ? 'done' : 'open';
  const body: Inbox = { tasks: [], page: 1, pageSize: 50, total: 0, counts: { open: 0, overdue: 0, done: 0 }, ...inbox };
  return textOf(renderPage(<ReviewInboxPage />, { path: '/reviews', url, user: aUser(), data: [[reviewQueryKeys.inbox(status, 1), body]] }));
}

describe('ReviewInboxPage', () => {
  it('lists the server’s tasks with overdue marks, the lane, and whom I cover for', () => {
    const text = render({
      tasks: [aTask({ overdue: true }), aTask({ taskId: '00000000-0000-4000-8000-0000000000b2', item: { ...aTask().item, title: 'Covered one' }, coveringFor: { id: 'x', name: 'Dr Absent' } })],
      total: 2,
      counts: { open: 2, overdue: 1, done: 4 },
    });
    expect(text).toContain('2 items waiting · 1 overdue');
    expect(text).toContain('Overdue');
    expect(text).toContain('Covering for Dr Absent');
    expect(text).toContain('Done (4)');
  });

  it('shows periodic reviews as such', () => {
    expect(render({ tasks: [aTask({ kind: 'periodic_review', lane: null, taskId: null })], total: 1, counts: { open: 1, overdue: 0, done: 0 } })).toContain('Periodic review');
  });

  it('says what became of done tasks: decided by a delegate, or closed by the quorum', () => {
    const text = render(
      {
        tasks: [
          aTask({ status: 'done', decision: 'approve', decidedBy: { id: 'd', name: 'Dr Delegate' }, closedAt: '2026-12-02T10:00:00.000Z' }),
          aTask({ taskId: '00000000-0000-4000-8000-0000000000b3', status: 'closed', closedReason: 'quorum_reached', closedAt: '2026-12-02T11:00:00.000Z' }),
        ],
        total: 2,
        counts: { open: 0, overdue: 0, done: 2 },
      },
      '/reviews?status=done',
    );
    expect(text).toContain('Approved · signed by Dr Delegate on their behalf');
    expect(text).toContain('Closed: the lane reached its quorum');
  });
});
