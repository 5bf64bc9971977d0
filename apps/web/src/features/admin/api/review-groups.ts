// GET, POST and PATCH /api/review-groups (admins): who staffs each review lane, with which quorum.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateReviewGroupRequest, ReviewGroup, UpdateReviewGroupRequest } from '@vetted/contracts';
import { apiRequest } from '../../../app/api-client';

export const reviewGroupsQueryKey = ['review-groups'] as const;

export const reviewGroupsQueryOptions = queryOptions({
  queryKey: reviewGroupsQueryKey,
  queryFn: ({ signal }) => apiRequest<ReviewGroup[]>('/review-groups', { signal }),
});

export function useReviewGroups() {
  return useQuery(reviewGroupsQueryOptions);
}

export type SaveReviewGroup = { kind: 'create'; body: CreateReviewGroupRequest } | { kind: 'update'; id: string; body: UpdateReviewGroupRequest };

export function saveReviewGroup(save: SaveReviewGroup): Promise<ReviewGroup> {
  return save.kind === 'create'
    ? apiRequest<ReviewGroup>('/review-groups', { method: 'POST', body: save.body })
    : apiRequest<ReviewGroup>(`/review-groups/${encodeURIComponent(save.id)}`, { method: 'PATCH', body: save.body });
}

export function useSaveReviewGroup() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: saveReviewGroup, onSuccess: () => queryClient.invalidateQueries({ queryKey: reviewGroupsQueryKey }) });
}
