// GET /api/content-items/:id/reviews: every signed lane decision on the item, all versions.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ItemReviews } from '@vetted/contracts';
import { apiRequest } from '../../../app/api-client';
import { reviewQueryKeys } from './get-content-item';

export function fetchItemReviews(id: string, signal?: AbortSignal): Promise<ItemReviews> {
  return apiRequest<ItemReviews>(`/content-items/${encodeURIComponent(id)}/reviews`, { signal });
}

export function itemReviewsQueryOptions(id: string) {
  return queryOptions({ queryKey: reviewQueryKeys.reviews(id), queryFn: ({ signal }) => fetchItemReviews(id, signal) });
}

export function useItemReviews(id: string) {
  return useQuery(itemReviewsQueryOptions(id));
}
