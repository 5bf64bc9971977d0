// Approved material for the Library. Until the library endpoint lands this reads approved content
// items (which reps may not list yet), and drops expired ones: reps never get expired material.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ContentItem, ContentItemList } from '@vetted/contracts';
import { apiRequest, buildApiUrl } from '../../../app/api-client';
import { contentItemsQueryKey } from '../../../app/query-keys';

export const libraryQueryKeys = {
  all: () => [...contentItemsQueryKey, 'library'] as const,
};

export async function fetchLibraryItems(signal?: AbortSignal): Promise<ContentItem[]> {
  const list = await apiRequest<ContentItemList>('/content-items', { query: { status: 'approved', limit: 2000 }, signal });
  const now = Date.now();
  return list.items.filter((item) => item.expiresAt === null || new Date(item.expiresAt).getTime() > now);
}

export const libraryItemsQueryOptions = queryOptions({ queryKey: libraryQueryKeys.all(), queryFn: ({ signal }) => fetchLibraryItems(signal) });

export function useLibraryItems() {
  return useQuery(libraryItemsQueryOptions);
}

export function downloadUrl(itemId: string): string {
  return buildApiUrl(`/library/${encodeURIComponent(itemId)}/download`);
}
