// Search by title (accents and case ignored, as reps type "medicament" for "médicament") and format.
import type { ContentFormat, ContentItem } from '@vetted/contracts';

export function normalise(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().trim();
}

export function searchLibrary(items: readonly ContentItem[], query: string, format: ContentFormat | undefined): ContentItem[] {
  const words = normalise(query).split(/\s+/).filter(Boolean);
  return items
    .filter((item) => (!format || item.format === format) && words.every((w) => normalise(item.title).includes(w)))
    .sort((a, b) => (b.approvedAt ?? '').localeCompare(a.approvedAt ?? ''));
}
