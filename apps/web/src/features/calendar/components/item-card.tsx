// One content item in a calendar cell: format icon, time, title, coloured by status. Editors can
// drag it to another day, or use its Reschedule button from the keyboard.
import type { ContentItemSummary } from '@vetted/contracts';
import { CalendarClock } from 'lucide-react';
import { memo, type DragEvent } from 'react';
import { Link } from 'react-router';
import { FormatLabel } from '../../../components/format-label';
import { UnsupportedStatementsMark } from '../../../components/unsupported-statements-mark';
import { formatTime } from '../../../i18n/format-date';
import { useT } from '../../../i18n/use-t';

export const ITEM_DRAG_TYPE = 'application/x-vetted-item';

export interface ItemCardProps {
  item: ContentItemSummary;
  canReschedule: boolean;
  onRequestReschedule: (item: ContentItemSummary) => void;
}

export const ItemCard = memo(function ItemCard({ item, canReschedule, onRequestReschedule }: ItemCardProps) {
  const { t, locale } = useT();
  const status = t(`status.${item.status}`);

  function startDrag(event: DragEvent<HTMLLIElement>) {
    event.dataTransfer.setData(ITEM_DRAG_TYPE, item.id);
    event.dataTransfer.effectAllowed = 'move';
  }

  return (
    <li className={`item-card status-${item.status}`} draggable={canReschedule} onDragStart={canReschedule ? startDrag : undefined} title={`${item.title} · ${status}`}>
      <Link to={`/items/${item.id}`} className="item-card-link" draggable={false}>
        <FormatLabel format={item.format} iconOnly />
        <span className="item-time">{formatTime(item.plannedAt, locale)}</span>
        {item.episodeNumber !== null && <span className="item-episode">{t('item.episode', { number: item.episodeNumber })}</span>}
        <span className="item-title">{item.title}</span>
        <UnsupportedStatementsMark count={item.unsupportedStatements} />
        <span className="visually-hidden">, {status}</span>
      </Link>
      {canReschedule && (
        <button
          type="button"
          className="icon-button item-card-action"
          aria-label={t('calendar.rescheduleItem', { title: item.title })}
          title={t('calendar.reschedule')}
          onClick={() => onRequestReschedule(item)}
        >
          <CalendarClock aria-hidden="true" focusable="false" size={14} />
        </button>
      )}
    </li>
  );
});
