// GET, POST, PATCH and DELETE /api/channels and /api/segments (admins change them): the lists items
// are planned with. Saving refreshes every screen that shows them (the calendar's pickers and chips).
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Channel, CreateChannelRequest, CreateSegmentRequest, ListEntryRemoval, Segment, UpdateChannelRequest, UpdateSegmentRequest } from '@vetted/contracts';
import { apiRequest } from '../../../app/api-client';
import { audienceListsQueryKey } from '../../../app/query-keys';

export const adminChannelsQueryOptions = queryOptions({
  queryKey: [...audienceListsQueryKey, 'channels'] as const,
  queryFn: ({ signal }) => apiRequest<Channel[]>('/channels', { signal }),
});

export const adminSegmentsQueryOptions = queryOptions({
  queryKey: [...audienceListsQueryKey, 'segments'] as const,
  queryFn: ({ signal }) => apiRequest<Segment[]>('/segments', { signal }),
});

export const useAdminChannels = () => useQuery(adminChannelsQueryOptions);
export const useAdminSegments = () => useQuery(adminSegmentsQueryOptions);

export type SaveListEntry =
  | { list: 'channels'; kind: 'create'; body: CreateChannelRequest }
  | { list: 'channels'; kind: 'update'; id: string; body: UpdateChannelRequest }
  | { list: 'segments'; kind: 'create'; body: CreateSegmentRequest }
  | { list: 'segments'; kind: 'update'; id: string; body: UpdateSegmentRequest };

export function saveListEntry(save: SaveListEntry): Promise<Channel | Segment> {
  return save.kind === 'create'
    ? apiRequest<Channel | Segment>(`/${save.list}`, { method: 'POST', body: save.body })
    : apiRequest<Channel | Segment>(`/${save.list}/${encodeURIComponent(save.id)}`, { method: 'PATCH', body: save.body });
}

export function removeListEntry({ list, id }: { list: 'channels' | 'segments'; id: string }): Promise<ListEntryRemoval> {
  return apiRequest<ListEntryRemoval>(`/${list}/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function useSaveListEntry() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: saveListEntry, onSuccess: () => queryClient.invalidateQueries({ queryKey: audienceListsQueryKey }) });
}

export function useRemoveListEntry() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: removeListEntry, onSuccess: () => queryClient.invalidateQueries({ queryKey: audienceListsQueryKey }) });
}
