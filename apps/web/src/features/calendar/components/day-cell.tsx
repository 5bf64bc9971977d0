// A day of the month grid: its first few items, "+N more" beyond, and a drop target for cards.
import type { ContentItemSummary } from '@vetted/contracts';
import { memo, useState, type DragEvent } from 'react';
import { useT } from '../../../i18n/use-t';
import type { DayKey } from '../month';
import { formatTime } from '../../../i18n/format-date';
import { ITEM_DRAG_TYPE, ItemCard } from './item-card';

/** Beyond this many, a cell shows "+N more" so a busy month stays readable and fast. */
export const ITEMS_PER_CELL = 3;

const EMPTY: ContentItemSummary[] = [];

export interface DayCellProps {
  dayKey: DayKey;
  date: Date;
  inMonth: boolean;
  isToday: boolean;
  items: ContentItemSummary[] | undefined;
  /** The week view marks where now falls among today's items. */
  nowLine?: boolean;
  canReschedule: boolean;
  onDropItem: (itemId: string, day: DayKey) => void;
  onRequestReschedule: (item: ContentItemSummary) => void;
  onShowDay: (day: DayKey) => void;
  /** Cards shown before "+N more" (the week view has room for more). */
  limit?: number;
}

export const DayCell = memo(function DayCell(props: DayCellProps) {
  const { dayKey, date, inMonth, isToday, canReschedule, onDropItem, onRequestReschedule, onShowDay } = props;
  const items = props.items ?? EMPTY;
  const { t, locale } = useT();
  const [isDropTarget, setDropTarget] = useState(false);
  const limit = props.limit ?? ITEMS_PER_CELL;
  const hidden = items.length - limit;
  const fullDate = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long' }).format(date);

  function dragOver(event: DragEvent<HTMLTableCellElement>) {
    if (!canReschedule || !event.dataTransfer.types.includes(ITEM_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    if (!isDropTarget) setDropTarget(true);
  }

  function dragLeave(event: DragEvent<HTMLTableCellElement>) {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDropTarget(false);
  }

  function drop(event: DragEvent<HTMLTableCellElement>) {
    const id = event.dataTransfer.getData(ITEM_DRAG_TYPE);
    setDropTarget(false);
    if (!id) return;
    event.preventDefault();
    onDropItem(id, dayKey);
  }

  const classes = ['day-cell', inMonth ? '' : 'day-outside', isToday ? 'day-today' : '', isDropTarget ? 'day-drop-target' : ''];
  return (
    <td className={classes.join(' ')} onDragOver={dragOver} onDragLeave={dragLeave} onDrop={drop}>
      <div className="day-number">
        <span aria-hidden="true">{date.getDate()}</span>
        <span className="visually-hidden">{fullDate}</span>
      </div>
      {(items.length > 0 || props.nowLine) && (
        <ul className="day-items">
          {withNowLine(items.slice(0, limit), props.nowLine === true).map((entry) =>
            entry === NOW ? (
              <NowLine key="now" />
            ) : (
              <ItemCard key={entry.id} item={entry} canReschedule={canReschedule} onRequestReschedule={onRequestReschedule} />
            ),
          )}
        </ul>
      )}
      {hidden > 0 && (
        <button type="button" className="link-button day-more" aria-label={t('calendar.moreLabel', { count: hidden, date: fullDate })} onClick={() => onShowDay(dayKey)}>
          {t('calendar.more', { count: hidden })}
        </button>
      )}
    </td>
  );
});

const NOW = Symbol('now');

/** Today's items with the "now" line between those planned before and after the current time. */
function withNowLine(items: ContentItemSummary[], show: boolean): Array<ContentItemSummary | typeof NOW> {
  if (!show) return items;
  const now = new Date().toISOString();
  const after = items.findIndex((i) => i.plannedAt > now);
  const at = after === -1 ? items.length : after;
  return [...items.slice(0, at), NOW, ...items.slice(at)];
}

function NowLine() {
  const { t, locale } = useT();
  const time = formatTime(new Date().toISOString(), locale);
  return (
    <li className="now-line">
      <span className="now-line-label">{t('calendar.now', { time })}</span>
    </li>
  );
}
