// POST /api/content-items/:id/periodic-review: recertify or retire approved material, signed with the password.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ContentItem, PeriodicReviewRequest } from '@vetted/contracts';
import { apiRequest } from '../../../app/api-client';
import { isStaleVersion } from './decide-review';
import { itemChanged } from './item-changed';

export function periodicReview({ itemId, body }: { itemId: string; body: PeriodicReviewRequest }): Promise<ContentItem> {
  return apiRequest<ContentItem>(`/content-items/${encodeURIComponent(itemId)}/periodic-review`, { method: 'POST', body, expectUnauthorized: true });
}

export function usePeriodicReview() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: periodicReview,
    onSuccess: (item, { itemId }) => itemChanged(queryClient, itemId, item),
    onError: (error, { itemId }) => (isStaleVersion(error) ? itemChanged(queryClient, itemId) : undefined),
  });
}
