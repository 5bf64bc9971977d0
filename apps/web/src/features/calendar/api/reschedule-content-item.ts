// PATCH /api/content-items/:id {plannedAt}: moves the card at once, and puts it back if the API
// refuses (e.g. 409 once the item is approved for a given date).
import { mutationOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ContentItem, ContentItemList, UpdateContentItemRequest } from '@vetted/contracts';
import { apiRequest } from '../../../app/api-client';
import { contentItemsQueryKey } from '../../../app/query-keys';
import { calendarQueryKeys } from './get-content-items';

export interface RescheduleVariables {
  id: string;
  plannedAt: string;
  /** The editor was told the move takes a (segment, channel) pair over its weekly cap, and moves it anyway. */
  confirmSaturation?: boolean;
}

export function rescheduleContentItem({ id, plannedAt, confirmSaturation }: RescheduleVariables): Promise<ContentItem> {
  const body: UpdateContentItemRequest = { plannedAt, ...(confirmSaturation ? { confirmSaturation } : {}) };
  return apiRequest<ContentItem>(`/content-items/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}

export function rescheduleMutationOptions(queryClient: QueryClient) {
  return mutationOptions({
    mutationFn: rescheduleContentItem,
    onMutate: async ({ id, plannedAt }) => {
      await queryClient.cancelQueries({ queryKey: calendarQueryKeys.lists() });
      const previous = queryClient.getQueriesData<ContentItemList>({ queryKey: calendarQueryKeys.lists() });
      queryClient.setQueriesData<ContentItemList>({ queryKey: calendarQueryKeys.lists() }, (list) =>
        list && { ...list, items: list.items.map((item) => (item.id === id ? { ...item, plannedAt } : item)) },
      );
      return { previous };
    },
    onError: (_error, _variables, context) => {
      for (const [key, list] of context?.previous ?? []) queryClient.setQueryData(key, list);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: contentItemsQueryKey }),
  });
}

export function useRescheduleContentItem() {
  return useMutation(rescheduleMutationOptions(useQueryClient()));
}
