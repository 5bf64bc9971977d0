// GET /api/library/shares/mine and PATCH /api/library/shares/:shareId/feedback (reps): a rep's own
// shares, and the doctor's reaction added to one of them later.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LibraryShare, LibraryShareList, ShareFeedbackRequest } from '@vetted/contracts';
import { apiRequest } from '../../../app/api-client';
import { libraryQueryKeys } from './get-library-items';

export const myShareQueryKeys = {
  all: () => [...libraryQueryKeys.all(), 'my-shares'] as const,
};

export function mySharesQueryOptions() {
  return queryOptions({
    queryKey: myShareQueryKeys.all(),
    queryFn: ({ signal }) => apiRequest<LibraryShareList>('/library/shares/mine', { query: { limit: 20 }, signal }),
  });
}

export function useMyShares() {
  return useQuery(mySharesQueryOptions());
}

export function useRecordFeedback(shareId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ShareFeedbackRequest) => apiRequest<LibraryShare>(`/library/shares/${encodeURIComponent(shareId)}/feedback`, { method: 'PATCH', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: myShareQueryKeys.all() }),
  });
}
