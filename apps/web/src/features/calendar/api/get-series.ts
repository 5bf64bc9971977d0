// The series an editor can add an episode to (items of format "series"), for the create dialog.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ContentItemList } from '@vetted/contracts';
import { apiRequest } from '../../../app/api-client';
import { contentItemsQueryKey } from '../../../app/query-keys';

export const seriesQueryOptions = queryOptions({
  queryKey: [...contentItemsQueryKey, 'series'] as const,
  queryFn: ({ signal }) => apiRequest<ContentItemList>('/content-items', { query: { format: 'series', pageSize: 200 }, signal }),
});

export function useSeries() {
  return useQuery(seriesQueryOptions);
}
