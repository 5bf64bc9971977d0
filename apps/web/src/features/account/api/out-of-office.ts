// My out-of-office period (reviewers): GET, PUT and DELETE /api/users/me/out-of-office, and the
// colleagues who may cover for me (GET /api/users/me/delegates).
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DelegateCandidate, OutOfOffice, OutOfOfficeRequest } from '@vetted/contracts';
import { apiRequest } from '../../../app/api-client';
import { contentItemsQueryKey } from '../../../app/query-keys';

export const accountQueryKeys = {
  outOfOffice: () => ['account', 'out-of-office'] as const,
  delegates: () => ['account', 'delegates'] as const,
};

export const outOfOfficeQueryOptions = queryOptions({
  queryKey: accountQueryKeys.outOfOffice(),
  // No period answers an empty body: null.
  queryFn: async ({ signal }) => (await apiRequest<OutOfOffice | null | undefined>('/users/me/out-of-office', { signal })) ?? null,
});

export function useOutOfOffice(enabled: boolean) {
  return useQuery({ ...outOfOfficeQueryOptions, enabled });
}

export function useDelegates() {
  return useQuery({ queryKey: accountQueryKeys.delegates(), queryFn: ({ signal }) => apiRequest<DelegateCandidate[]>('/users/me/delegates', { signal }) });
}

export function useSaveOutOfOffice() {
  const queryClient = useQueryClient();
  return useMutation({
    /** null clears the period: I am back. */
    mutationFn: async (body: OutOfOfficeRequest | null): Promise<OutOfOffice | null> => {
      if (!body) {
        await apiRequest<void>('/users/me/out-of-office', { method: 'DELETE' });
        return null;
      }
      return apiRequest<OutOfOffice>('/users/me/out-of-office', { method: 'PUT', body });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: accountQueryKeys.outOfOffice() });
      // Items show who covers whom.
      await queryClient.invalidateQueries({ queryKey: contentItemsQueryKey });
    },
  });
}
