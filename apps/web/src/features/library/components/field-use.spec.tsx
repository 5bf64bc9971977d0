import type { ShareSummary } from '@vetted/contracts';
import { renderPage, textOf } from '../../../testing/render-page';
import { aUser } from '../../../testing/content-items';
import { shareSummaryQueryKeys } from '../api/get-share-summary';
import { FieldUse } from './field-use';

const since = '2026-10-25T00:00:00.000Z';
const summary: ShareSummary = {
  from: since,
  to: null,
  items: [
    { itemId: '00000000-0000-4000-8000-0000000000b1', title: 'Heart failure in 90 seconds', format: 'video', total: 5, byChannel: { email: 3, 'rep-visit': 2, social: 0, other: 0 }, distinctReps: 2, lastSharedAt: '2026-11-20T10:00:00.000Z' },
  ],
};

describe('FieldUse', () => {
  it('tells the committee, per item, how often and through which channel reps shared it', () => {
    const html = renderPage(<FieldUse since={since} />, { path: '/library', url: '/library', user: aUser({ roles: ['editor'] }), data: [[shareSummaryQueryKeys.since(since), summary]] });
    const text = textOf(html);
    expect(text).toContain('Email Rep visit Social media Other Reps Last shared');
    expect(text).toContain('Heart failure in 90 seconds 5 3 2 0 0 2 20 Nov 2026');
  });
});
