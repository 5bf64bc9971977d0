// GET /api/content-items/:id: everything the workspace shows about one item.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ContentItem } from '@vetted/contracts';
import { apiRequest } from '../../../app/api-client';
import { contentItemsQueryKey } from '../../../app/query-keys';

export const reviewQueryKeys = {
  item: (id: string) => [...contentItemsQueryKey, 'item', id] as const,
  reviews: (id: string) => [...contentItemsQueryKey, 'item', id, 'reviews'] as const,
  inbox: (status: string, page: number) => [...contentItemsQueryKey, 'review-inbox', status, page] as const,
};

export function fetchContentItem(id: string, signal?: AbortSignal): Promise<ContentItem> {
  return apiRequest<ContentItem>(`/content-items/${encodeURIComponent(id)}`, { signal });
}

export function contentItemQueryOptions(id: string) {
  return queryOptions({
    queryKey: reviewQueryKeys.item(id),
    queryFn: ({ signal }) => fetchContentItem(id, signal),
    // Previews are rendered in the background: look again every few seconds until they are ready.
    refetchInterval: (query) => (query.state.data?.versions.some((v) => v.renditions.status === 'pending') ? 3000 : false),
  });
}

export function useContentItem(id: string) {
  return useQuery(contentItemQueryOptions(id));
}
