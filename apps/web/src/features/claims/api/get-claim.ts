// GET /api/claims/:id: a claim with its references, decisions and the items that make it.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ClaimDetail } from '@vetted/contracts';
import { apiRequest, buildApiUrl } from '../../../app/api-client';
import { claimQueryKeys } from './get-claims';

export const claimQueryOptions = (id: string) => queryOptions({ queryKey: claimQueryKeys.detail(id), queryFn: ({ signal }) => apiRequest<ClaimDetail>(`/claims/${encodeURIComponent(id)}`, { signal }) });

export function useClaim(id: string) {
  return useQuery(claimQueryOptions(id));
}

export function referenceDocumentUrl(claimId: string, referenceId: string): string {
  return buildApiUrl(`/claims/${encodeURIComponent(claimId)}/references/${encodeURIComponent(referenceId)}/file`);
}
