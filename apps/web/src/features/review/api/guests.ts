// An item's agency guests (its owners only): GET /api/content-items/:id/guests, invite (POST) and revoke (DELETE).
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { GuestInvitationCreated, InviteGuestRequest, ItemGuestList } from '@vetted/contracts';
import { apiRequest } from '../../../app/api-client';
import { reviewQueryKeys } from './get-content-item';

export const guestsQueryKey = (itemId: string) => [...reviewQueryKeys.item(itemId), 'guests'] as const;

export function itemGuestsQueryOptions(itemId: string) {
  return queryOptions({
    queryKey: guestsQueryKey(itemId),
    queryFn: ({ signal }) => apiRequest<ItemGuestList>(`/content-items/${encodeURIComponent(itemId)}/guests`, { signal }),
  });
}

export function useItemGuests(itemId: string) {
  return useQuery(itemGuestsQueryOptions(itemId));
}

export function useInviteGuest(itemId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InviteGuestRequest) => apiRequest<GuestInvitationCreated>(`/content-items/${encodeURIComponent(itemId)}/guests`, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: guestsQueryKey(itemId) }),
  });
}

export function useRevokeGuest(itemId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (guestId: string) => apiRequest<void>(`/content-items/${encodeURIComponent(itemId)}/guests/${encodeURIComponent(guestId)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: guestsQueryKey(itemId) }),
  });
}
