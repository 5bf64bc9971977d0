// GET /api/content-items/:id/audit: the item's hash-chained events and whether the chain verifies.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AuditTrail } from '@vetted/contracts';
import { apiRequest } from '../../../app/api-client';
import { auditQueryKey } from '../../../app/query-keys';

export const auditQueryKeys = {
  item: (itemId: string) => [...auditQueryKey, 'content-item', itemId] as const,
};

export function fetchItemAuditTrail(itemId: string, signal?: AbortSignal): Promise<AuditTrail> {
  return apiRequest<AuditTrail>(`/content-items/${encodeURIComponent(itemId)}/audit`, { signal });
}

export function itemAuditTrailQueryOptions(itemId: string) {
  return queryOptions({ queryKey: auditQueryKeys.item(itemId), queryFn: ({ signal }) => fetchItemAuditTrail(itemId, signal) });
}

export function useItemAuditTrail(itemId: string) {
  return useQuery(itemAuditTrailQueryOptions(itemId));
}

export interface AuditLogQuery {
  entity?: string;
  beforeSeq?: number;
}

export const AUDIT_LOG_PAGE = 100;

export function auditLogQueryOptions(query: AuditLogQuery) {
  return queryOptions({
    queryKey: [...auditQueryKey, 'log', query] as const,
    queryFn: ({ signal }) => apiRequest<AuditTrail>('/audit', { query: { entity: query.entity, beforeSeq: query.beforeSeq, limit: AUDIT_LOG_PAGE }, signal }),
  });
}

export function useAuditLog(query: AuditLogQuery) {
  return useQuery(auditLogQueryOptions(query));
}
