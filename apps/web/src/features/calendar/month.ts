// Calendar arithmetic in the user's local time: which days a month grid shows, which day an item
// falls on, and moving an item to another day while keeping its time of day.
import type { ContentItemSummary } from '@vetted/contracts';

export interface Month {
  year: number;
  /** 0-11, like Date#getMonth. */
  month: number;
}

/** "YYYY-MM-DD" for a local date. */
export type DayKey = string;

const pad = (n: number) => String(n).padStart(2, '0');

export function dayKeyOf(date: Date): DayKey {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function dateOfDayKey(key: DayKey): Date {
  const [y, m, d] = key.split('-').map(Number);
  return new Date(y, m - 1, d);
}

export function monthOf(date: Date): Month {
  return { year: date.getFullYear(), month: date.getMonth() };
}

/** Reads "2026-12"; anything else gives the fallback month. */
export function parseMonth(value: string | null, fallback: Month): Month {
  const match = value?.match(/^(\d{4})-(\d{2})$/);
  if (!match) return fallback;
  const month = Number(match[2]) - 1;
  return month >= 0 && month <= 11 ? { year: Number(match[1]), month } : fallback;
}

export function formatMonthParam({ year, month }: Month): string {
  return `${year}-${pad(month + 1)}`;
}

export function addMonths({ year, month }: Month, delta: number): Month {
  const d = new Date(year, month + delta, 1);
  return monthOf(d);
}

/** Whole weeks, Monday first (as in France), covering the month: 4 to 6 rows of 7 days. */
export function monthGridDays({ year, month }: Month): Date[] {
  const first = new Date(year, month, 1);
  const offset = (first.getDay() + 6) % 7;
  const start = new Date(year, month, 1 - offset);
  const last = new Date(year, month + 1, 0);
  const trailing = 6 - ((last.getDay() + 6) % 7);
  const count = offset + last.getDate() + trailing;
  return Array.from({ length: count }, (_, i) => new Date(start.getFullYear(), start.getMonth(), start.getDate() + i));
}

/** The API range for a month: its first day at local midnight up to the first day of the next month. */
export function monthRange({ year, month }: Month): { from: string; to: string } {
  return { from: new Date(year, month, 1).toISOString(), to: new Date(year, month + 1, 1).toISOString() };
}

/** Items by local day, each day sorted by planned time. One pass over the items; callers memoise it. */
export function groupItemsByDay(items: readonly ContentItemSummary[]): Map<DayKey, ContentItemSummary[]> {
  const byDay = new Map<DayKey, ContentItemSummary[]>();
  for (const item of items) {
    const key = dayKeyOf(new Date(item.plannedAt));
    const day = byDay.get(key);
    if (day) day.push(item);
    else byDay.set(key, [item]);
  }
  for (const day of byDay.values()) day.sort((a, b) => a.plannedAt.localeCompare(b.plannedAt));
  return byDay;
}

/** The same time of day, on another day: what dragging a card to another cell means. */
export function moveToDay(plannedAt: string, day: DayKey): string {
  const current = new Date(plannedAt);
  const target = dateOfDayKey(day);
  target.setHours(current.getHours(), current.getMinutes(), current.getSeconds(), current.getMilliseconds());
  return target.toISOString();
}

/** The first and last day a month grid shows (it includes the edges of the weeks around the month). */
export function gridDayRange(month: Month): { from: DayKey; to: DayKey } {
  const days = monthGridDays(month);
  return { from: dayKeyOf(days[0]), to: dayKeyOf(days[days.length - 1]) };
}

/** Agenda dates by day: a four-day congress appears on each of its days. Agenda days are calendar days, like DayKeys. */
export function groupAgendaByDay<T extends { startsOn: string; endsOn: string }>(events: readonly T[]): Map<DayKey, T[]> {
  const byDay = new Map<DayKey, T[]>();
  for (const event of events) {
    for (let day = dateOfDayKey(event.startsOn); dayKeyOf(day) <= event.endsOn; day = new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1)) {
      const key = dayKeyOf(day);
      byDay.set(key, [...(byDay.get(key) ?? []), event]);
    }
  }
  return byDay;
}

/** The Monday (local midnight) of the week holding `date`: weeks start on Monday, as in France. */
export function mondayOf(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() - ((date.getDay() + 6) % 7));
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
}

export function weekDays(monday: Date): Date[] {
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** The API range for a week: Monday at local midnight up to the next Monday. */
export function weekRange(monday: Date): { from: string; to: string } {
  return { from: monday.toISOString(), to: addDays(monday, 7).toISOString() };
}

/** An agenda event's stretch within one week row: first column (0 = Monday) and number of days. */
export interface AgendaSpan<T> {
  event: T;
  start: number;
  span: number;
  /** The event began before this week or goes on after it (its bar is cut at the edge). */
  continuesBefore: boolean;
  continuesAfter: boolean;
}

/**
 * Agenda events of one week as bars, packed into as few lanes as fit: a four-day congress is one
 * bar across its four days, and events that do not overlap share a lane.
 */
export function agendaLanes<T extends { startsOn: string; endsOn: string }>(events: readonly T[], week: readonly Date[]): AgendaSpan<T>[][] {
  const first = dayKeyOf(week[0]);
  const last = dayKeyOf(week[week.length - 1]);
  const keys = week.map(dayKeyOf);
  const spans = events
    .filter((e) => e.startsOn <= last && e.endsOn >= first)
    .map((event) => {
      const from = event.startsOn < first ? 0 : keys.indexOf(event.startsOn);
      const to = event.endsOn > last ? keys.length - 1 : keys.indexOf(event.endsOn);
      return { event, start: from, span: to - from + 1, continuesBefore: event.startsOn < first, continuesAfter: event.endsOn > last };
    })
    .sort((a, b) => a.start - b.start || b.span - a.span);
  const lanes: AgendaSpan<T>[][] = [];
  for (const span of spans) {
    const lane = lanes.find((l) => l.every((s) => s.start + s.span <= span.start || span.start + span.span <= s.start));
    if (lane) lane.push(span);
    else lanes.push([span]);
  }
  for (const lane of lanes) lane.sort((a, b) => a.start - b.start);
  return lanes;
}

/** How many items of each status, in the contracts' order, leaving out statuses with none. */
export function countByStatus<S extends string>(items: ReadonlyArray<{ status: S }>, order: readonly S[]): Array<{ status: S; count: number }> {
  const counts = new Map<S, number>();
  for (const item of items) counts.set(item.status, (counts.get(item.status) ?? 0) + 1);
  return order.filter((s) => counts.has(s)).map((status) => ({ status, count: counts.get(status)! }));
}
