// POST /api/content-items/:id/submit: the current version goes to the three lanes at once.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ContentItem } from '@vetted/contracts';
import { apiRequest } from '../../../app/api-client';
import { itemChanged } from './item-changed';

export function submitForReview(id: string): Promise<ContentItem> {
  return apiRequest<ContentItem>(`/content-items/${encodeURIComponent(id)}/submit`, { method: 'POST' });
}

export function useSubmitForReview() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: submitForReview, onSuccess: (item, id) => itemChanged(queryClient, id, item) });
}
