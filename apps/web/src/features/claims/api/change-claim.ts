// Writing and reviewing claims: create (editors), submit, a signed lane decision, a signed withdrawal.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Claim, ClaimDetail, ClaimReviewRequest, CreateClaimRequest, WithdrawClaimRequest } from '@vetted/contracts';
import { apiRequest } from '../../../app/api-client';
import { contentItemsQueryKey } from '../../../app/query-keys';
import { claimQueryKeys } from './get-claims';

export function useCreateClaim() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateClaimRequest) => apiRequest<Claim>('/claims', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: claimQueryKeys.all() }),
  });
}

/** Submit, decide or withdraw: each changes the claim, and a withdrawal suspends items too. */
export function useClaimAction(id: string) {
  const queryClient = useQueryClient();
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: claimQueryKeys.all() });
    await queryClient.invalidateQueries({ queryKey: contentItemsQueryKey });
  };
  return {
    submit: useMutation({ mutationFn: () => apiRequest<Claim>(`/claims/${encodeURIComponent(id)}/submit`, { method: 'POST' }), onSuccess: refresh }),
    decide: useMutation({ mutationFn: (body: ClaimReviewRequest) => apiRequest<ClaimDetail>(`/claims/${encodeURIComponent(id)}/reviews`, { method: 'POST', body }), onSuccess: refresh }),
    withdraw: useMutation({ mutationFn: (body: WithdrawClaimRequest) => apiRequest<ClaimDetail>(`/claims/${encodeURIComponent(id)}/withdraw`, { method: 'POST', body }), onSuccess: refresh }),
  };
}
