// What the create dialog offers to pick from: approved items to reuse (the library's search), claims
// from the claims library, and the fast-track decision the server would take for the choice.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ClaimList, LibraryItemList, ReviewPolicyPreview } from '@vetted/contracts';
import { apiRequest, buildApiUrl } from '../../../app/api-client';

export function useApprovedItemSearch(q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['content-items', 'library', 'reuse-picker', q.trim()],
    queryFn: ({ signal }) => apiRequest<LibraryItemList>('/library', { query: { q: q.trim(), limit: 8 }, signal }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function approvedThumbnailUrl(itemId: string): string {
  return buildApiUrl(`/library/${encodeURIComponent(itemId)}/thumbnail`);
}

export function useClaimSearch(q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['claims', 'picker', q.trim()],
    queryFn: ({ signal }) => apiRequest<ClaimList>('/claims', { query: { q: q.trim(), pageSize: 10 }, signal }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** The server's own fast-track decision for this source and these claims, as if submitted now. */
export function useReviewPolicyPreview(sourceItemId: string, claimIds: readonly string[]) {
  return useQuery({
    queryKey: ['review-policy', sourceItemId || null, [...claimIds].sort()],
    queryFn: ({ signal }) => apiRequest<ReviewPolicyPreview>('/review-policy/preview', { method: 'POST', body: { sourceItemId: sourceItemId || undefined, claimIds }, signal }),
    placeholderData: keepPreviousData,
  });
}
