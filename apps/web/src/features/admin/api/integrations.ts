// Integration credentials and outbound calls (admins): personal access tokens (GET/POST/DELETE
// /api/tokens) and webhooks (GET/POST/DELETE /api/webhooks, their delivery log and manual retry).
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AccessTokenList, CreateAccessTokenRequest, CreatedAccessToken, CreateWebhookRequest, Webhook, WebhookDelivery, WebhookDeliveryList, WebhookList } from '@vetted/contracts';
import { apiRequest } from '../../../app/api-client';

export const integrationQueryKeys = {
  tokens: () => ['admin', 'tokens'] as const,
  webhooks: () => ['admin', 'webhooks'] as const,
  deliveries: (webhookId: string) => ['admin', 'webhooks', webhookId, 'deliveries'] as const,
};

export const tokensQueryOptions = queryOptions({ queryKey: integrationQueryKeys.tokens(), queryFn: ({ signal }) => apiRequest<AccessTokenList>('/tokens', { signal }) });

export function useAccessTokens() {
  return useQuery(tokensQueryOptions);
}

export function useCreateAccessToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAccessTokenRequest) => apiRequest<CreatedAccessToken>('/tokens', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: integrationQueryKeys.tokens() }),
  });
}

export function useRevokeAccessToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<void>(`/tokens/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: integrationQueryKeys.tokens() }),
  });
}

export function useWebhooks() {
  return useQuery({ queryKey: integrationQueryKeys.webhooks(), queryFn: ({ signal }) => apiRequest<WebhookList>('/webhooks', { signal }) });
}

export function useRegisterWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateWebhookRequest) => apiRequest<Webhook>('/webhooks', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: integrationQueryKeys.webhooks() }),
  });
}

export function useRemoveWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<void>(`/webhooks/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: integrationQueryKeys.webhooks() }),
  });
}

export function useDeliveries(webhookId: string | null) {
  return useQuery({
    queryKey: integrationQueryKeys.deliveries(webhookId ?? ''),
    queryFn: ({ signal }) => apiRequest<WebhookDeliveryList>(`/webhooks/${webhookId}/deliveries`, { signal }),
    enabled: webhookId !== null,
    // Retries go out on their own: show them land.
    refetchInterval: 10_000,
  });
}

export function useRetryDelivery(webhookId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string) => apiRequest<WebhookDelivery>(`/webhooks/${webhookId}/deliveries/${deliveryId}/retry`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: integrationQueryKeys.deliveries(webhookId) }),
  });
}
