// GET /api/library/shares/summary: what reps shared, per item, for the editorial committee.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ShareSummary } from '@vetted/contracts';
import { apiRequest } from '../../../app/api-client';
import { libraryQueryKeys } from './get-library-items';

export const shareSummaryQueryKeys = {
  since: (from: string) => [...libraryQueryKeys.all(), 'share-summary', from] as const,
};

export function shareSummaryQueryOptions(from: string) {
  return queryOptions({
    queryKey: shareSummaryQueryKeys.since(from),
    queryFn: ({ signal }) => apiRequest<ShareSummary>('/library/shares/summary', { query: { from }, signal }),
  });
}

export function useShareSummary(from: string) {
  return useQuery(shareSummaryQueryOptions(from));
}
