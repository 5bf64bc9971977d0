import type { LibraryItem } from '@vetted/contracts';
import { renderPage, textOf } from '../../../testing/render-page';
import { aUser } from '../../../testing/content-items';
import { ShareDialog } from './share-dialog';

const item = {
  id: '00000000-0000-4000-8000-0000000000b1',
  title: 'Heart failure in 90 seconds',
  segments: ['cardiologists', 'gps'],
} as LibraryItem;

function render() {
  return renderPage(<ShareDialog item={item} onRecorded={() => undefined} onClose={() => undefined} />, {
    path: '/library',
    url: '/library',
    user: aUser({ roles: ['rep'] }),
  });
}

describe('ShareDialog', () => {
  it('is a titled dialog asking for the channel, an optional audience segment and an optional note', () => {
    const html = render();
    const text = textOf(html);
    expect(html).toMatch(/<dialog[^>]*aria-labelledby=/);
    expect(text).toContain('Record a share of “Heart failure in 90 seconds”');
    expect(html).toMatch(/<label for="share-channel">Shared through<\/label>/);
    expect(html.match(/<option value="(email|rep-visit|social|other)"/g)).toHaveLength(4);
    expect(html).toContain('for="share-audienceSegment"');
    expect(html).toContain('for="share-note"');
    expect(text).toContain('never a doctor’s name');
  });

  it('suggests the item’s own segments', () => {
    const html = render();
    expect(html).toContain('<option value="cardiologists">');
    expect(html).toContain('<option value="gps">');
  });
});
