// An agency guest's home (/shared): the items they are invited to, each opening its workspace.
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { ContentItemList } from '@vetted/contracts';
import { apiRequest } from '../../../app/api-client';
import { contentItemsQueryKey } from '../../../app/query-keys';
import { ErrorMessage } from '../../../components/error-message';
import { FormatLabel } from '../../../components/format-label';
import { StatusBadge } from '../../../components/status-badge';
import { formatDateTime } from '../../../i18n/format-date';
import { useT } from '../../../i18n/use-t';

export function GuestItemsPage() {
  const { t, locale } = useT();
  // The API lists a guest's own items only.
  const items = useQuery({ queryKey: [...contentItemsQueryKey, 'shared'], queryFn: ({ signal }) => apiRequest<ContentItemList>('/content-items', { signal }) });
  return (
    <section className="page">
      <div className="page-title-row">
        <h1>{t('shared.title')}</h1>
      </div>
      <p className="field-hint">{t('shared.hint')}</p>
      {items.isPending ? (
        <p className="page-status">{t('common.loading')}</p>
      ) : items.isError ? (
        <ErrorMessage error={items.error} />
      ) : items.data.items.length === 0 ? (
        <p className="empty-state">{t('shared.empty')}</p>
      ) : (
        <ul className="shared-items">
          {items.data.items.map((item) => (
            <li key={item.id}>
              <Link to={`/items/${item.id}`}>{item.title}</Link> <FormatLabel format={item.format} /> <StatusBadge status={item.status} />{' '}
              <span className="field-hint">{formatDateTime(item.plannedAt, locale)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
