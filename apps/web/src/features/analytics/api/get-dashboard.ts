// GET /api/analytics/dashboard: the committee's aggregates for a period and filters.
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { AnalyticsDashboard } from '@vetted/contracts';
import { apiRequest } from '../../../app/api-client';

export interface DashboardFilters {
  from?: string;
  to?: string;
  product?: string;
  market?: string;
  format?: string;
  bucket?: string;
}

export const dashboardQueryKeys = {
  all: () => ['analytics', 'dashboard'] as const,
  of: (filters: DashboardFilters) => [...dashboardQueryKeys.all(), filters] as const,
};

export function dashboardQueryOptions(filters: DashboardFilters) {
  return queryOptions({
    queryKey: dashboardQueryKeys.of(filters),
    queryFn: ({ signal }) => apiRequest<AnalyticsDashboard>('/analytics/dashboard', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useDashboard(filters: DashboardFilters) {
  return useQuery(dashboardQueryOptions(filters));
}
