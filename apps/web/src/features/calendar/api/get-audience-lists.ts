// GET /api/channels and /api/segments: the entries editors plan with (pickers) and their colours (chips).
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Channel, Segment } from '@vetted/contracts';
import { apiRequest } from '../../../app/api-client';
import { audienceListsQueryKey } from '../../../app/query-keys';

export const channelsQueryOptions = queryOptions({
  queryKey: [...audienceListsQueryKey, 'channels'] as const,
  queryFn: ({ signal }) => apiRequest<Channel[]>('/channels', { signal }),
  staleTime: 5 * 60_000,
});

export const segmentsQueryOptions = queryOptions({
  queryKey: [...audienceListsQueryKey, 'segments'] as const,
  queryFn: ({ signal }) => apiRequest<Segment[]>('/segments', { signal }),
  staleTime: 5 * 60_000,
});

export function useChannels() {
  return useQuery(channelsQueryOptions);
}

export function useSegments() {
  return useQuery(segmentsQueryOptions);
}
