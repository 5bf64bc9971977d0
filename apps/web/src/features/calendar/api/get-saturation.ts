// GET /api/calendar/saturation: pieces per audience segment per week, against the weekly limit, and
// per (segment, channel) pair against its cap.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Saturation } from '@vetted/contracts';
import { apiRequest } from '../../../app/api-client';
import { contentItemsQueryKey } from '../../../app/query-keys';

export interface SaturationRange {
  from: string;
  to: string;
}

// Under the content-items root: planning, moving or withdrawing a piece refreshes the warning too.
export const saturationQueryKeys = {
  range: (range: SaturationRange) => [...contentItemsQueryKey, 'saturation', range] as const,
};

export function saturationQueryOptions(range: SaturationRange) {
  return queryOptions({ queryKey: saturationQueryKeys.range(range), queryFn: ({ signal }) => apiRequest<Saturation>('/calendar/saturation', { query: { ...range }, signal }) });
}

export function useSaturation(range: SaturationRange, enabled = true) {
  return useQuery({ ...saturationQueryOptions(range), enabled });
}
