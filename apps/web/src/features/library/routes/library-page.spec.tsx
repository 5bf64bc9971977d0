import type { LibraryItem, SessionUser } from '@vetted/contracts';
import { renderPage, textOf } from '../../../testing/render-page';
import { aUser } from '../../../testing/content-items';
import { libraryQueryKeys } from '../api/get-library-items';
import { LibraryPage } from './library-page';

const anItem = (overrides: Partial<LibraryItem> = {}): LibraryItem => ({
  id: '00000000-0000-4000-8000-0000000000b1',
  title: 'Heart failure in 90 seconds',
  description: 'Dosing explained to cardiologists',
  format: 'video',
  channels: ['email', 'congress'],
  product: null,
  market: null,
  language: null,
  segments: ['cardiologists', 'gps'],
  approvedAt: '2026-11-02T10:00:00.000Z',
  expiresAt: '2028-11-01T10:00:00.000Z',
  version: { number: 2, filename: 'heart-failure.mp4', mimeType: 'video/mp4', size: 42_000_000, sha256: 'ab'.repeat(32) },
  ...overrides,
});

const rep = aUser({ id: 'rep-1', email: 'rep@vetted.local', name: 'Rémi Rep', roles: ['rep'] });

function render(items: LibraryItem[], user: SessionUser = rep, total = items.length) {
  return renderPage(<LibraryPage />, { path: '/library', url: '/library', user, data: [[libraryQueryKeys.list({ q: '' }), { items, total }]] });
}

describe('LibraryPage', () => {
  it('shows each approved piece with its format, channels, segments, expiry and a download of the approved file', () => {
    const html = render([anItem()]);
    const text = textOf(html);
    expect(text).toContain('1 approved item');
    expect(text).not.toContain('1 approved items');
    expect(text).toContain('Heart failure in 90 seconds');
    expect(text).toContain('90-second video Heart failure in 90 seconds');
    expect(text).toContain('1 Nov 2028');
    expect(text).toContain('email, congress');
    expect(text).toContain('cardiologists, gps');
    expect(text).toContain('Valid until');
    expect(html).toContain('dateTime="2028-11-01T10:00:00.000Z"');
    expect(html).toContain('href="/api/library/00000000-0000-4000-8000-0000000000b1/download"');
    expect(html).toContain('download="heart-failure.mp4"');
    expect(html).toContain('aria-label="Record a share of “Heart failure in 90 seconds”"');
  });

  it('shows the thumbnail of approved images, and none for video', () => {
    const image = anItem({ id: '00000000-0000-4000-8000-0000000000c2', version: { ...anItem().version, filename: 'signs.png', mimeType: 'image/png' } });
    const html = render([anItem(), image]);
    expect(html.match(/class="library-card-thumbnail"/g)).toHaveLength(1);
    expect(html).toContain('src="/api/library/00000000-0000-4000-8000-0000000000c2/thumbnail"');
  });

  it('offers "Record a share" to reps only', () => {
    const editor = aUser({ id: 'editor-1', roles: ['editor'] });
    expect(textOf(render([anItem()], editor))).not.toContain('Record a share');
    expect(textOf(render([anItem()], editor))).toContain('Download');
  });

  it('says when nothing matches, and when only part of the results is shown', () => {
    expect(textOf(render([]))).toContain('No approved material matches.');
    expect(textOf(render([anItem()], rep, 250))).toContain('Showing 1 of 250 approved items');
  });

  it('labels the search and the format filter', () => {
    const html = render([anItem()]);
    expect(html).toContain('role="search"');
    expect(html).toMatch(/<label for="library-text">Search titles and descriptions<\/label>/);
    expect(html).toMatch(/<label for="library-format">Format<\/label>/);
  });

  it('shows the committee the field-use panel, and never shows it to reps', () => {
    const editor = aUser({ id: 'editor-1', roles: ['editor'] });
    expect(textOf(render([anItem()], editor))).toContain('Shared by reps in the last 30 days');
    expect(textOf(render([anItem()], rep))).not.toContain('Shared by reps');
  });
});
