import { renderPage, textOf } from '../../../testing/render-page';
import { aContentItem, aUser } from '../../../testing/content-items';
import { reviewQueryKeys } from '../api/get-content-item';
import { ItemReviewTab } from './item-review-tab';

const version = { id: '00000000-0000-4000-8000-0000000000a1', number: 1, note: null, createdAt: '2026-11-24T09:00:00.000Z', createdBy: 'editor-1', asset: { filename: 'episode-1.mp4', mimeType: 'video/mp4', size: 42_000_000, sha256: 'ab'.repeat(32) }, media: { durationSeconds: 88, width: 1920, height: 1080 }, renditions: { status: 'not_applicable' as const, error: null, thumbnail: false, preview: false, previewWatermarked: false } };

function render(item = aContentItem({ versions: [version] }), user = aUser()) {
  return renderPage(<ItemReviewTab />, {
    path: '/items/:id',
    url: `/items/${item.id}`,
    user,
    data: [
      [reviewQueryKeys.item(item.id), item],
      [reviewQueryKeys.reviews(item.id), { decisions: [] }],
    ],
  });
}

describe('ItemReviewTab', () => {
  it('shows the three lanes and decide buttons on the medical lane only for a medical reviewer', () => {
    const text = textOf(render());
    expect(text).toContain('Marketing');
    expect(text).toContain('Regulatory');
    expect(text.match(/Approve… \((\w+)\)/g)).toEqual(['Approve… (Medical)']);
    expect(text).toContain('Request changes… (Medical)');
  });

  it('lets the editor of a draft submit it and upload a new version', () => {
    const draft = aContentItem({ versions: [version] }, []);
    const text = textOf(render(draft, aUser({ id: 'editor-1', roles: ['editor'] })));
    expect(text).toContain('Submit for review');
    expect(text).toContain('Upload a new version');
    expect(text).not.toContain('Approve…');
  });

  it('shows a group lane’s quorum progress, its members, and that one request for changes ends the round', () => {
    const members = [
      { id: 'medical-2', name: 'Dr Anne Aubert', taskId: '00000000-0000-4000-8000-0000000000d1', taskStatus: 'done' as const, decision: 'approve' as const, decidedAt: '2026-12-01T10:00:00.000Z', decidedBy: null, closedReason: null, coveredBy: null },
      { id: 'medical-1', name: 'Dr Medical', taskId: '00000000-0000-4000-8000-0000000000d2', taskStatus: 'open' as const, decision: null, decidedAt: null, decidedBy: null, closedReason: null, coveredBy: null },
      { id: 'medical-3', name: 'Dr Chloé Caron', taskId: '00000000-0000-4000-8000-0000000000d3', taskStatus: 'open' as const, decision: null, decidedAt: null, decidedBy: null, closedReason: null, coveredBy: { id: 'x', name: 'Dr Cover' } },
    ];
    const item = aContentItem({ versions: [version], laneProgress: { medical: { approvals: 1, required: 2, rule: 'n_of_m', groupId: '00000000-0000-4000-8000-0000000000c1', groupName: 'Cardiologie', members } } });
    const text = textOf(render(item));
    expect(text).toContain('1 of 3 medical reviewers approved · 2 approvals needed');
    expect(text).toContain('One request for changes ends the round for everyone.');
    expect(text).toContain('Dr Anne Aubert Approval signed');
    expect(text).toContain('away, covered by Dr Cover');
    expect(text).toContain('Approve… (Medical)');
  });
});
