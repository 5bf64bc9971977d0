// Reviewer inbox (/reviews): items waiting for my lane, the earliest due first, overdue ones marked.
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useCurrentUser } from '../../../app/session';
import { ErrorMessage } from '../../../components/error-message';
import { FormatLabel } from '../../../components/format-label';
import { formatDateTime } from '../../../i18n/format-date';
import { useT } from '../../../i18n/use-t';
import { useItemsInReview } from '../api/get-review-inbox';
import { reviewInbox } from '../review-inbox';

export function ReviewInboxPage() {
  const { t, locale } = useT();
  const user = useCurrentUser();
  const query = useItemsInReview();
  const entries = useMemo(() => reviewInbox(query.data?.items ?? [], user, new Date()), [query.data, user]);
  const overdueCount = entries.filter((e) => e.overdue).length;

  return (
    <section className="page">
      <div className="page-title-row">
        <h1>{t('inbox.title')}</h1>
      </div>
      {query.isPending ? (
        <p className="page-status">{t('common.loading')}</p>
      ) : query.isError ? (
        <ErrorMessage error={query.error} />
      ) : entries.length === 0 ? (
        <p className="empty-state">{t('inbox.empty')}</p>
      ) : (
        <>
          <p className="result-count" role="status">
            {t('inbox.count', { count: entries.length })}
            {overdueCount > 0 && ` · ${t('inbox.overdueCount', { count: overdueCount })}`}
          </p>
          <div className="table-scroll">
            <table className="data-table">
              <caption className="visually-hidden">{t('inbox.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('item.dueAt')}</th>
                  <th scope="col">{t('item.title')}</th>
                  <th scope="col">{t('item.format')}</th>
                  <th scope="col">{t('inbox.myLanes')}</th>
                  <th scope="col">{t('item.submittedAt')}</th>
                  <th scope="col">{t('item.plannedAt')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map(({ item, task, lanes, dueAt, overdue }) => (
                  <tr key={item.id} className={overdue ? 'row-overdue' : undefined}>
                    <td>
                      {dueAt ? formatDateTime(dueAt, locale) : '—'}
                      {overdue && <span className="tag tag-overdue">{t('review.overdue')}</span>}
                    </td>
                    <td>
                      <Link to={`/items/${item.id}`}>{item.title}</Link>
                      {item.fastTrack && <span className="tag tag-fast-track">{t('item.fastTrack')}</span>}
                    </td>
                    <td>
                      <FormatLabel format={item.format} />
                    </td>
                    <td>{task === 'periodic' ? t('periodic.task') : lanes.map((l) => t(`lane.${l}`)).join(', ')}</td>
                    <td>{formatDateTime(item.submittedAt, locale)}</td>
                    <td>{formatDateTime(item.plannedAt, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
