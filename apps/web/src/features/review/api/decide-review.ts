// POST /api/content-items/:id/reviews: a lane decision, signed by re-entering the password.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ContentItem, SubmitReviewRequest } from '@vetted/contracts';
import { ApiRequestError, apiRequest } from '../../../app/api-client';
import { itemChanged } from './item-changed';

export interface DecideReviewVariables {
  itemId: string;
  body: SubmitReviewRequest;
}

export function decideReview({ itemId, body }: DecideReviewVariables): Promise<ContentItem> {
  // A wrong password answers 401 but the session is still valid: the dialog shows the message.
  return apiRequest<ContentItem>(`/content-items/${encodeURIComponent(itemId)}/reviews`, { method: 'POST', body, expectUnauthorized: true });
}

export function useDecideReview() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: decideReview,
    onSuccess: (item, { itemId }) => itemChanged(queryClient, itemId, item),
    // A refusal for a stale version means the page is behind: fetch the version now under review.
    onError: (error, { itemId }) => (isStaleVersion(error) ? itemChanged(queryClient, itemId) : undefined),
  });
}

export function isStaleVersion(error: unknown): boolean {
  return error instanceof ApiRequestError && error.code === 'stale_version';
}
