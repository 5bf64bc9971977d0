// The calendar's view lives in the address (?month=2026-12&view=list&format=video…), so a
// filtered month can be bookmarked or sent to a colleague.
import { CONTENT_FORMATS, ITEM_STATUSES, type ContentFormat, type ItemStatus } from '@vetted/contracts';
import { dateOfDayKey, dayKeyOf, formatMonthParam, mondayOf, monthOf, parseMonth, type Month } from './month';

const VIEWS = ['grid', 'week', 'list'] as const;

function parseDay(value: string | null): Date | null {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? dateOfDayKey(value) : null;
}

export type CalendarView = 'grid' | 'week' | 'list';

export interface CalendarFilters {
  format?: ContentFormat;
  status?: ItemStatus;
  segment?: string;
  channel?: string;
  product?: string;
  /** ISO 3166 alpha-2, as the API filters it. */
  market?: string;
}

/** A complete two-letter market code in capitals, or nothing (a half-typed code filters nothing). */
export function marketFilter(value: string | null | undefined): string | undefined {
  const code = value?.trim().toUpperCase();
  return code && /^[A-Z]{2}$/.test(code) ? code : undefined;
}

export interface CalendarSearch {
  month: Month;
  /** Monday of the week shown in the week view. */
  week: Date;
  view: CalendarView;
  filters: CalendarFilters;
}

export function readCalendarSearch(params: URLSearchParams, today: Date): CalendarSearch {
  const format = CONTENT_FORMATS.find((f) => f === params.get('format'));
  const status = ITEM_STATUSES.find((s) => s === params.get('status'));
  return {
    month: parseMonth(params.get('month'), monthOf(today)),
    week: mondayOf(parseDay(params.get('week')) ?? today),
    view: VIEWS.find((v) => v === params.get('view')) ?? 'grid',
    filters: {
      format,
      status,
      segment: params.get('segment')?.trim() || undefined,
      channel: params.get('channel')?.trim() || undefined,
      product: params.get('product')?.trim() || undefined,
      market: marketFilter(params.get('market')),
    },
  };
}

export function writeCalendarSearch(search: CalendarSearch): URLSearchParams {
  const params = new URLSearchParams({ month: formatMonthParam(search.month) });
  if (search.view !== 'grid') params.set('view', search.view);
  if (search.view === 'week') params.set('week', dayKeyOf(search.week));
  for (const [key, value] of Object.entries(search.filters)) if (value) params.set(key, value);
  return params;
}
