import type { CommentThread, ContentVersion } from '@vetted/contracts';
import { renderPage, textOf } from '../../../testing/render-page';
import { aContentItem, aUser } from '../../../testing/content-items';
import { commentQueryKeys } from '../api/comments';
import { reviewQueryKeys } from '../api/get-content-item';
import { ItemReviewTab } from '../routes/item-review-tab';

const image: ContentVersion = { id: '00000000-0000-4000-8000-0000000000a1', number: 1, note: null, createdAt: '2026-11-24T09:00:00.000Z', createdBy: 'editor-1', asset: { filename: 'infographie.png', mimeType: 'image/png', size: 1000, sha256: 'ab'.repeat(32) }, media: { durationSeconds: null, width: 800, height: 600 }, renditions: { status: 'ready', error: null, thumbnail: true, preview: true, previewWatermarked: true } };
const comment = (body: string) => ({ id: `00000000-0000-4000-8000-${String(body.length).padStart(12, '0')}`, authorId: 'medical-1', authorName: 'Dr Medical', body, createdAt: '2026-11-24T10:00:00.000Z' });
const threads: CommentThread[] = [
  { id: '00000000-0000-4000-8000-0000000000b1', versionNumber: 1, anchor: { kind: 'region', x: 0.1, y: 0.2, width: 0.3, height: 0.1 }, resolvedAt: null, resolvedBy: null, comments: [comment('Reference missing under the chart')] },
  { id: '00000000-0000-4000-8000-0000000000b2', versionNumber: 1, anchor: { kind: 'time', seconds: 65 }, resolvedAt: '2026-11-24T11:00:00.000Z', resolvedBy: 'Eda Editor', comments: [comment('Legal mention too short')] },
];

function render(user = aUser(), version = image) {
  const item = aContentItem({ versions: [version] });
  return renderPage(<ItemReviewTab />, {
    path: '/items/:id',
    url: `/items/${item.id}`,
    user,
    data: [
      [reviewQueryKeys.item(item.id), item],
      [reviewQueryKeys.reviews(item.id), { decisions: [] }],
      [commentQueryKeys.version(item.id, 1), { threads }],
    ],
  });
}

describe('the discussion in the review workspace', () => {
  it('draws open region marks on the preview and lists threads with their anchors and state', () => {
    const html = render();
    expect(html).toContain('src="/api/content-items/00000000-0000-4000-8000-000000000001/versions/1/preview?draft"');
    expect(html.match(/class="region-box"/g)).toHaveLength(1);
    expect(html).toContain('left:10%;top:20%;width:30%;height:10%');
    const text = textOf(html);
    expect(text).toContain('Discussion (1 open)');
    expect(text).toContain('Show the marked region');
    expect(text).toContain('Show at 1:05');
    expect(text).toContain('Resolved by Eda Editor');
    expect(text).toContain('Mark a region');
  });

  it('lets admins read the discussion without offering to comment', () => {
    const html = render(aUser({ id: 'admin-1', roles: ['admin'] }));
    const text = textOf(html);
    expect(text).toContain('Reference missing under the chart');
    expect(text).not.toContain('Post comment');
    expect(html).not.toMatch(/>(Resolve|Reopen|Reply)</);
  });

  it('says the preview is being prepared until its rendition is ready', () => {
    const pending: ContentVersion = { ...image, renditions: { ...image.renditions, status: 'pending', preview: false } };
    const html = render(aUser(), pending);
    expect(html).not.toContain('class="zoom-image"');
    expect(textOf(html)).toContain('The preview is not available yet.');
  });
});
