// Items in review, for the reviewer inbox; which of them wait for me is decided in review-inbox.ts.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ContentItemList } from '@vetted/contracts';
import { apiRequest } from '../../../app/api-client';
import { reviewQueryKeys } from './get-content-item';

export function fetchItemsInReview(signal?: AbortSignal): Promise<ContentItemList> {
  return apiRequest<ContentItemList>('/content-items', { query: { status: 'in_review', limit: 2000 }, signal });
}

export const itemsInReviewQueryOptions = queryOptions({
  queryKey: reviewQueryKeys.inbox(),
  queryFn: ({ signal }) => fetchItemsInReview(signal),
  // Reviewers keep the inbox open; pick up new submissions without a reload.
  refetchInterval: 60_000,
});

export function useItemsInReview() {
  return useQuery(itemsInReviewQueryOptions);
}
