// GET /api/content-items for the calendar: one request for the whole visible month, never per item.
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ContentFormat, ContentItemList, ItemStatus } from '@vetted/contracts';
import { apiRequest } from '../../../app/api-client';
import { contentItemsQueryKey } from '../../../app/query-keys';

export interface CalendarQuery {
  from: string;
  to: string;
  format?: ContentFormat;
  status?: ItemStatus;
  segment?: string;
  channel?: string;
  product?: string;
  market?: string;
}

/** The API's page limit; a month beyond it says so on screen rather than silently dropping items. */
export const CALENDAR_PAGE_LIMIT = 2000;

export const calendarQueryKeys = {
  lists: () => [...contentItemsQueryKey, 'calendar'] as const,
  list: (query: CalendarQuery) => [...calendarQueryKeys.lists(), query] as const,
};

export function fetchCalendarItems(query: CalendarQuery, signal?: AbortSignal): Promise<ContentItemList> {
  return apiRequest<ContentItemList>('/content-items', { query: { ...query, limit: CALENDAR_PAGE_LIMIT }, signal });
}

export function calendarItemsQueryOptions(query: CalendarQuery) {
  return queryOptions({
    queryKey: calendarQueryKeys.list(query),
    queryFn: ({ signal }) => fetchCalendarItems(query, signal),
    // Keep last month on screen while the next one loads, so the grid does not flash empty.
    placeholderData: keepPreviousData,
  });
}

export function useCalendarItems(query: CalendarQuery) {
  return useQuery(calendarItemsQueryOptions(query));
}
