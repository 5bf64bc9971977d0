// The month as a list, for reading and for keyboard and screen-reader users.
import type { ContentItemSummary } from '@vetted/contracts';
import { memo } from 'react';
import { Link } from 'react-router';
import { FormatLabel } from '../../../components/format-label';
import { UnsupportedStatementsMark } from '../../../components/unsupported-statements-mark';
import { StatusBadge } from '../../../components/status-badge';
import { formatDateTime } from '../../../i18n/format-date';
import { useT } from '../../../i18n/use-t';

export interface ItemListProps {
  items: ContentItemSummary[];
  canReschedule: boolean;
  onRequestReschedule: (item: ContentItemSummary) => void;
  caption: string;
}

export function ItemList({ items, canReschedule, onRequestReschedule, caption }: ItemListProps) {
  const { t } = useT();
  if (items.length === 0) return <p className="empty-state">{t('calendar.empty')}</p>;
  return (
    <div className="table-scroll">
      <table className="data-table item-list">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('item.plannedAt')}</th>
            <th scope="col">{t('item.title')}</th>
            <th scope="col">{t('item.format')}</th>
            <th scope="col">{t('item.status')}</th>
            <th scope="col">{t('item.channels')}</th>
            <th scope="col">{t('item.segments')}</th>
            {canReschedule && <th scope="col">{t('common.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <ItemRow key={item.id} item={item} canReschedule={canReschedule} onRequestReschedule={onRequestReschedule} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

const ItemRow = memo(function ItemRow({ item, canReschedule, onRequestReschedule }: { item: ContentItemSummary; canReschedule: boolean; onRequestReschedule: (item: ContentItemSummary) => void }) {
  const { t, locale } = useT();
  return (
    <tr className={`status-row status-${item.status}`}>
      <td>
        <time dateTime={item.plannedAt}>{formatDateTime(item.plannedAt, locale)}</time>
      </td>
      <td>
        <Link to={`/items/${item.id}`}>{item.title}</Link>
        <UnsupportedStatementsMark count={item.unsupportedStatements} />
      </td>
      <td>
        <FormatLabel format={item.format} />
      </td>
      <td>
        <StatusBadge status={item.status} />
      </td>
      <td>{item.channels.join(', ')}</td>
      <td>{item.segments.join(', ')}</td>
      {canReschedule && (
        <td>
          <button type="button" className="button-secondary button-small" aria-label={t('calendar.rescheduleItem', { title: item.title })} onClick={() => onRequestReschedule(item)}>
            {t('calendar.reschedule')}
          </button>
        </td>
      )}
    </tr>
  );
});
