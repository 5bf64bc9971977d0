// The claims library as the review workspace needs it: a claim's references (GET /api/claims/:id),
// and the regulatory reviewer's escalation of a fast-tracked item (POST …/escalate, signed).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ClaimDetail, ContentItem, EscalateRequest } from '@vetted/contracts';
import { apiRequest, buildApiUrl } from '../../../app/api-client';
import { isStaleVersion } from './decide-review';
import { itemChanged } from './item-changed';

export function useClaimReferences(claimId: string, enabled: boolean) {
  return useQuery({ queryKey: ['claims', 'detail', claimId], queryFn: ({ signal }) => apiRequest<ClaimDetail>(`/claims/${encodeURIComponent(claimId)}`, { signal }), enabled });
}

export function referenceFileUrl(claimId: string, referenceId: string): string {
  return buildApiUrl(`/claims/${encodeURIComponent(claimId)}/references/${encodeURIComponent(referenceId)}/file`);
}

export function useEscalateItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ itemId, body }: { itemId: string; body: EscalateRequest }) =>
      apiRequest<ContentItem>(`/content-items/${encodeURIComponent(itemId)}/escalate`, { method: 'POST', body, expectUnauthorized: true }),
    onSuccess: (item, { itemId }) => itemChanged(queryClient, itemId, item),
    onError: (error, { itemId }) => (isStaleVersion(error) ? itemChanged(queryClient, itemId) : undefined),
  });
}
