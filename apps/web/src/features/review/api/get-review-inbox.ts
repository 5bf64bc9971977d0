// Items in review, for the reviewer inbox; which of them wait for me is decided in review-inbox.ts.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ContentItemList } from '@vetted/contracts';
import { apiRequest } from '../../../app/api-client';
import { reviewQueryKeys } from './get-content-item';

/** Items in review, and approved ones (some may have a periodic review open). */
export async function fetchItemsInReview(signal?: AbortSignal): Promise<ContentItemList> {
  const [inReview, approved] = await Promise.all(
    (['in_review', 'approved'] as const).map((status) => apiRequest<ContentItemList>('/content-items', { query: { status, limit: 2000 }, signal })),
  );
  return { items: [...inReview.items, ...approved.items], total: inReview.total + approved.total };
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
