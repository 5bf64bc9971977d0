// GET /api/claims: the claims library, searched by the server (French and English, accents ignored).
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ClaimList, ClaimStatus } from '@vetted/contracts';
import { apiRequest } from '../../../app/api-client';

export interface ClaimSearch {
  q: string;
  status?: ClaimStatus;
  product?: string;
}

export const claimQueryKeys = {
  all: () => ['claims'] as const,
  list: (search: ClaimSearch) => [...claimQueryKeys.all(), 'list', { q: search.q.trim(), status: search.status ?? null, product: search.product?.trim() || null }] as const,
  detail: (id: string) => [...claimQueryKeys.all(), 'detail', id] as const,
};

export const claimsQueryOptions = (search: ClaimSearch) =>
  queryOptions({
    queryKey: claimQueryKeys.list(search),
    queryFn: ({ signal }) => apiRequest<ClaimList>('/claims', { query: { q: search.q.trim(), status: search.status, product: search.product?.trim(), pageSize: 100 }, signal }),
    placeholderData: keepPreviousData,
  });

export function useClaims(search: ClaimSearch) {
  return useQuery(claimsQueryOptions(search));
}
