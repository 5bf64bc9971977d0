// The calendar's view lives in the address (?month=2026-12&view=list&format=video…), so a
// filtered month can be bookmarked or sent to a colleague.
import { CONTENT_FORMATS, ITEM_STATUSES, type ContentFormat, type ItemStatus } from '@vetted/contracts';
import { formatMonthParam, monthOf, parseMonth, type Month } from './month';

export type CalendarView = 'grid' | 'list';

export interface CalendarFilters {
  format?: ContentFormat;
  status?: ItemStatus;
  segment?: string;
  channel?: string;
}

export interface CalendarSearch {
  month: Month;
  view: CalendarView;
  filters: CalendarFilters;
}

export function readCalendarSearch(params: URLSearchParams, today: Date): CalendarSearch {
  const format = CONTENT_FORMATS.find((f) => f === params.get('format'));
  const status = ITEM_STATUSES.find((s) => s === params.get('status'));
  return {
    month: parseMonth(params.get('month'), monthOf(today)),
    view: params.get('view') === 'list' ? 'list' : 'grid',
    filters: {
      format,
      status,
      segment: params.get('segment')?.trim() || undefined,
      channel: params.get('channel')?.trim() || undefined,
    },
  };
}

export function writeCalendarSearch(search: CalendarSearch): URLSearchParams {
  const params = new URLSearchParams({ month: formatMonthParam(search.month) });
  if (search.view === 'list') params.set('view', 'list');
  for (const [key, value] of Object.entries(search.filters)) if (value) params.set(key, value);
  return params;
}
