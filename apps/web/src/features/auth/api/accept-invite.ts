// POST /api/auth/accept-invite: an agency guest's one-time link sets their password (then they sign in).
import { useMutation } from '@tanstack/react-query';
import type { AcceptInviteRequest, AcceptInviteResponse } from '@vetted/contracts';
import { apiRequest } from '../../../app/api-client';

export function acceptInvite(body: AcceptInviteRequest): Promise<AcceptInviteResponse> {
  return apiRequest<AcceptInviteResponse>('/auth/accept-invite', { method: 'POST', body, expectUnauthorized: true });
}

export function useAcceptInvite() {
  return useMutation({ mutationFn: acceptInvite });
}
