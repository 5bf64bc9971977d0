// Approved, unexpired material (GET /api/library): the server searches and filters, so reps never
// receive anything else, whatever the web does.
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ContentFormat, LibraryItemList } from '@vetted/contracts';
import { apiRequest, buildApiUrl } from '../../../app/api-client';
import { contentItemsQueryKey } from '../../../app/query-keys';

export interface LibrarySearch {
  q: string;
  format?: ContentFormat;
  /** ISO 3166 alpha-2, or undefined for every market the user may see. */
  market?: string;
}

// Under the content-items root: an approval or withdrawal anywhere refreshes the library too.
export const libraryQueryKeys = {
  all: () => [...contentItemsQueryKey, 'library'] as const,
  list: (search: LibrarySearch) => [...libraryQueryKeys.all(), { q: search.q.trim(), format: search.format ?? null, market: search.market ?? null }] as const,
};

export function fetchLibraryItems(search: LibrarySearch, signal?: AbortSignal): Promise<LibraryItemList> {
  return apiRequest<LibraryItemList>('/library', { query: { q: search.q.trim(), format: search.format, market: search.market, limit: 200 }, signal });
}

export const libraryItemsQueryOptions = (search: LibrarySearch) =>
  queryOptions({ queryKey: libraryQueryKeys.list(search), queryFn: ({ signal }) => fetchLibraryItems(search, signal), placeholderData: keepPreviousData });

export function useLibraryItems(search: LibrarySearch) {
  return useQuery(libraryItemsQueryOptions(search));
}

export function downloadUrl(itemId: string): string {
  return buildApiUrl(`/library/${encodeURIComponent(itemId)}/download`);
}

/** The approved version's thumbnail (the API answers 404 for anything a rep may not see). */
export function thumbnailUrl(itemId: string): string {
  return buildApiUrl(`/library/${encodeURIComponent(itemId)}/thumbnail`);
}
