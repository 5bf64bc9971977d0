// POST /api/content-items/:id/withdraw: take material out of circulation, signed with the password.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ContentItem, WithdrawRequest } from '@vetted/contracts';
import { apiRequest } from '../../../app/api-client';
import { isStaleVersion } from './decide-review';
import { itemChanged } from './item-changed';

export function withdrawItem({ itemId, body }: { itemId: string; body: WithdrawRequest }): Promise<ContentItem> {
  return apiRequest<ContentItem>(`/content-items/${encodeURIComponent(itemId)}/withdraw`, { method: 'POST', body, expectUnauthorized: true });
}

export function useWithdrawItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: withdrawItem,
    onSuccess: (item, { itemId }) => itemChanged(queryClient, itemId, item),
    onError: (error, { itemId }) => (isStaleVersion(error) ? itemChanged(queryClient, itemId) : undefined),
  });
}
