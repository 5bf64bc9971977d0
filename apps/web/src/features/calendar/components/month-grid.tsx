// The month as a table of weeks (Monday first). Grouping by day is done once by the page. Above each
// week, the doctors' agenda as bars spanning their days (one row per lane of bars).
import type { AgendaEvent, ContentItemSummary } from '@vetted/contracts';
import { useMemo } from 'react';
import { useT } from '../../../i18n/use-t';
import { agendaLanes, dayKeyOf, monthGridDays, type DayKey, type Month } from '../month';
import { AgendaBar } from './agenda-chip';
import { DayCell } from './day-cell';

export interface MonthGridProps {
  month: Month;
  /** Defaults to the whole weeks around the month; the week view passes its seven days. */
  days?: Date[];
  limit?: number;
  itemsByDay: Map<DayKey, ContentItemSummary[]>;
  agenda: readonly AgendaEvent[];
  canReschedule: boolean;
  onDropItem: (itemId: string, day: DayKey) => void;
  onRequestReschedule: (item: ContentItemSummary) => void;
  onShowDay: (day: DayKey) => void;
  caption: string;
}

export function MonthGrid({ month, days: shownDays, limit, itemsByDay, agenda, caption, ...handlers }: MonthGridProps) {
  const { t, locale } = useT();
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
        {weeks.flatMap((week) => [
          ...agendaLanes(agenda, week).map((lane, index) => <AgendaRow key={`${dayKeyOf(week[0])}-agenda-${index}`} lane={lane} label={t('agenda.label')} />),
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
                  nowLine={shownDays !== undefined && key === todayKey}
                  {...handlers}
                />
              );
            })}
          </tr>,
        ])}
      </tbody>
    </table>
  );
}

/** One lane of agenda bars in a week: each bar spans its days' columns, empty days stay empty. */
function AgendaRow({ lane, label }: { lane: ReturnType<typeof agendaLanes<AgendaEvent>>[number]; label: string }) {
  const cells = [];
  let column = 0;
  for (const span of lane) {
    if (span.start > column) cells.push(<td key={`gap-${column}`} colSpan={span.start - column} className="agenda-gap" />);
    cells.push(
      <td key={span.event.id} colSpan={span.span} className="agenda-cell">
        <AgendaBar span={span} />
      </td>,
    );
    column = span.start + span.span;
  }
  if (column < 7) cells.push(<td key={`gap-${column}`} colSpan={7 - column} className="agenda-gap" />);
  return (
    <tr className="agenda-row" aria-label={label}>
      {cells}
    </tr>
  );
}
