// The month as a table of weeks (Monday first). Grouping by day is done once by the page.
import type { AgendaEvent, ContentItem } from '@vetted/contracts';
import { useMemo } from 'react';
import { useT } from '../../../i18n/use-t';
import { dayKeyOf, monthGridDays, type DayKey, type Month } from '../month';
import { DayCell } from './day-cell';

export interface MonthGridProps {
  month: Month;
  /** Defaults to the whole weeks around the month; the week view passes its seven days. */
  days?: Date[];
  limit?: number;
  itemsByDay: Map<DayKey, ContentItem[]>;
  agendaByDay: Map<DayKey, AgendaEvent[]>;
  canReschedule: boolean;
  onDropItem: (itemId: string, day: DayKey) => void;
  onRequestReschedule: (item: ContentItem) => void;
  onShowDay: (day: DayKey) => void;
  caption: string;
}

export function MonthGrid({ month, days: shownDays, limit, itemsByDay, agendaByDay, caption, ...handlers }: MonthGridProps) {
  const { locale } = useT();
  const weeks = useMemo(() => {
    const days = shownDays ?? monthGridDays(month);
    return Array.from({ length: days.length / 7 }, (_, w) => days.slice(w * 7, w * 7 + 7));
  }, [month, shownDays]);
  const weekdays = useMemo(() => {
    const long = new Intl.DateTimeFormat(locale, { weekday: 'long' });
    const short = new Intl.DateTimeFormat(locale, { weekday: 'short' });
    return weeks[0].map((d) => ({ long: long.format(d), short: short.format(d) }));
  }, [weeks, locale]);
  const todayKey = dayKeyOf(new Date());

  return (
    <table className={shownDays ? 'month-grid week-grid' : 'month-grid'}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {weekdays.map((d) => (
            <th key={d.long} scope="col">
              <abbr title={d.long}>{d.short}</abbr>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={dayKeyOf(week[0])}>
            {week.map((date) => {
              const key = dayKeyOf(date);
              return (
                <DayCell
                  key={key}
                  dayKey={key}
                  date={date}
                  inMonth={shownDays !== undefined || date.getMonth() === month.month}
                  limit={limit}
                  isToday={key === todayKey}
                  items={itemsByDay.get(key)}
                  agenda={agendaByDay.get(key)}
                  {...handlers}
                />
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
