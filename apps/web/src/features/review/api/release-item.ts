// POST /api/content-items/:id/release: the responsible pharmacist's final release, signed with the password.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ContentItem, ReleaseRequest } from '@vetted/contracts';
import { apiRequest } from '../../../app/api-client';
import { isStaleVersion } from './decide-review';
import { itemChanged } from './item-changed';

export function releaseItem({ itemId, body }: { itemId: string; body: ReleaseRequest }): Promise<ContentItem> {
  return apiRequest<ContentItem>(`/content-items/${encodeURIComponent(itemId)}/release`, { method: 'POST', body, expectUnauthorized: true });
}

export function useReleaseItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: releaseItem,
    onSuccess: (item, { itemId }) => itemChanged(queryClient, itemId, item),
    onError: (error, { itemId }) => (isStaleVersion(error) ? itemChanged(queryClient, itemId) : undefined),
  });
}
