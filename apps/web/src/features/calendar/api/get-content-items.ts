// GET /api/content-items for the calendar: the visible month's summaries, a few pages fetched together, never per item.
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { CONTENT_ITEMS_MAX_PAGE_SIZE, type ContentFormat, type ContentItemList, type ItemStatus } from '@vetted/contracts';
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

/** Most items one view shows; a month beyond it says so on screen rather than silently dropping items. */
export const CALENDAR_ITEM_LIMIT = 2000;

export const calendarQueryKeys = {
  lists: () => [...contentItemsQueryKey, 'calendar'] as const,
  list: (query: CalendarQuery) => [...calendarQueryKeys.lists(), query] as const,
};

export async function fetchCalendarItems(query: CalendarQuery, signal?: AbortSignal): Promise<ContentItemList> {
  const pageSize = CONTENT_ITEMS_MAX_PAGE_SIZE;
  const page = (n: number) => apiRequest<ContentItemList>('/content-items', { query: { ...query, page: n, pageSize }, signal });
  const first = await page(1);
  // The first page tells how many match; the rest of the view's pages are fetched at once.
  const pages = Math.min(Math.ceil(first.total / pageSize), CALENDAR_ITEM_LIMIT / pageSize);
  const rest = await Promise.all(Array.from({ length: Math.max(0, pages - 1) }, (_, i) => page(i + 2)));
  const items = [first, ...rest].flatMap((p) => p.items);
  return { items, total: first.total, page: 1, pageSize: items.length };
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
