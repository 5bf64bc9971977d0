import type { ContentItem } from '@vetted/contracts';
import { searchLibrary } from './library-search';

const item = (id: string, title: string, format: ContentItem['format'] = 'video') => ({ id, title, format, approvedAt: '2026-11-01T00:00:00Z' }) as ContentItem;

describe('searchLibrary', () => {
  const items = [item('1', 'Le médicament en 90 secondes'), item('2', 'Podcast: adherence', 'podcast')];

  it('finds titles whatever the accents and case', () => {
    expect(searchLibrary(items, 'MEDICAMENT', undefined).map((i) => i.id)).toEqual(['1']);
  });

  it('filters by format', () => {
    expect(searchLibrary(items, '', 'podcast').map((i) => i.id)).toEqual(['2']);
  });
});
