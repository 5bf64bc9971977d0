// POST /api/content-items (editors): plan a new piece in the calendar.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ContentItem, CreateContentItemRequest } from '@vetted/contracts';
import { apiRequest } from '../../../app/api-client';
import { contentItemsQueryKey } from '../../../app/query-keys';

export function createContentItem(body: CreateContentItemRequest): Promise<ContentItem> {
  return apiRequest<ContentItem>('/content-items', { method: 'POST', body });
}

export function useCreateContentItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createContentItem,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contentItemsQueryKey }),
  });
}
