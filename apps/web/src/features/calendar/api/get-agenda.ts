// GET /api/agenda: the doctors' agenda (congresses, awareness days) for the days the grid shows.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AgendaEventList } from '@vetted/contracts';
import { apiRequest } from '../../../app/api-client';

export interface AgendaRange {
  from: string;
  to: string;
}

export const agendaQueryKeys = {
  all: ['agenda'] as const,
  range: (range: AgendaRange) => [...agendaQueryKeys.all, range] as const,
};

export function fetchAgenda(range: AgendaRange, signal?: AbortSignal): Promise<AgendaEventList> {
  return apiRequest<AgendaEventList>('/agenda', { query: { ...range }, signal });
}

export function agendaQueryOptions(range: AgendaRange) {
  // Agenda dates change rarely: keep them a few minutes rather than refetching on every month flip back.
  return queryOptions({ queryKey: agendaQueryKeys.range(range), queryFn: ({ signal }) => fetchAgenda(range, signal), staleTime: 5 * 60_000 });
}

export function useAgenda(range: AgendaRange) {
  return useQuery(agendaQueryOptions(range));
}
