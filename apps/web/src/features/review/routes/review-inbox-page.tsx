// Reviewer inbox (/reviews): my review tasks from the server, the earliest due first, overdue ones
// marked; the tasks of absent colleagues I cover for say so; decided and closed ones under "Done".
import type { InboxTask } from '@vetted/contracts';
import { Link, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { FormatLabel } from '../../../components/format-label';
import { UnsupportedStatementsMark } from '../../../components/unsupported-statements-mark';
import { formatDateTime } from '../../../i18n/format-date';
import { useT } from '../../../i18n/use-t';
import { useInbox, type InboxStatus } from '../api/get-review-inbox';

export function ReviewInboxPage() {
  const { t } = useT();
  const [search, setSearch] = useSearchParams();
  const status: InboxStatus = search.get('status') === 'done' ? 'done' : 'open';
  const page = Math.max(1, Number.parseInt(search.get('page') ?? '1', 10) || 1);
  const query = useInbox(status, page);
  const go = ({ page: next }: { page: number }) => {
    const params = new URLSearchParams();
    if (status === 'done') params.set('status', 'done');
    if (next > 1) params.set('page', String(next));
    setSearch(params);
  };
  const inbox = query.data;
  const pages = inbox ? Math.max(1, Math.ceil(inbox.total / inbox.pageSize)) : 1;

  return (
    <section className="page">
      <div className="page-title-row">
        <h1>{t('inbox.title')}</h1>
      </div>
      <nav className="tabs" aria-label={t('inbox.views')}>
        <Link to="/reviews" className={status === 'open' ? 'active' : undefined} aria-current={status === 'open' ? 'page' : undefined}>
          {t('inbox.open')}
          {inbox && ` (${inbox.counts.open})`}
        </Link>
        <Link to="/reviews?status=done" className={status === 'done' ? 'active' : undefined} aria-current={status === 'done' ? 'page' : undefined}>
          {t('inbox.done')}
          {inbox && ` (${inbox.counts.done})`}
        </Link>
      </nav>
      {query.isPending ? (
        <p className="page-status">{t('common.loading')}</p>
      ) : query.isError ? (
        <ErrorMessage error={query.error} />
      ) : inbox && inbox.tasks.length === 0 ? (
        <p className="empty-state">{status === 'open' ? t('inbox.empty') : t('inbox.emptyDone')}</p>
      ) : inbox ? (
        <>
          <p className="result-count" role="status">
            {status === 'open' ? t('inbox.count', { count: inbox.counts.open }) : t('inbox.countDone', { count: inbox.counts.done })}
            {status === 'open' && inbox.counts.overdue > 0 && ` · ${t('inbox.overdueCount', { count: inbox.counts.overdue })}`}
          </p>
          <div className="table-scroll">
            <table className="data-table">
              <caption className="visually-hidden">{status === 'open' ? t('inbox.title') : t('inbox.done')}</caption>
              <thead>
                <tr>
                  <th scope="col">{status === 'open' ? t('item.dueAt') : t('inbox.closedAt')}</th>
                  <th scope="col">{t('item.title')}</th>
                  <th scope="col">{t('item.format')}</th>
                  <th scope="col">{t('inbox.myLanes')}</th>
                  <th scope="col">{status === 'open' ? t('item.submittedAt') : t('inbox.outcome')}</th>
                  <th scope="col">{t('item.plannedAt')}</th>
                </tr>
              </thead>
              <tbody>
                {inbox.tasks.map((task) => (
                  <InboxRow key={task.taskId ?? `periodic-${task.item.id}-${task.closedAt ?? ''}`} task={task} />
                ))}
              </tbody>
            </table>
          </div>
          {pages > 1 && (
            <nav className="pager" aria-label={t('inbox.pages')}>
              <button type="button" className="button-secondary button-small" disabled={page <= 1} onClick={() => go({ page: page - 1 })}>
                {t('inbox.previous')}
              </button>
              <span>{t('inbox.page', { page, pages })}</span>
              <button type="button" className="button-secondary button-small" disabled={page >= pages} onClick={() => go({ page: page + 1 })}>
                {t('inbox.next')}
              </button>
            </nav>
          )}
        </>
      ) : null}
    </section>
  );
}

function InboxRow({ task }: { task: InboxTask }) {
  const { t, locale } = useT();
  const { item } = task;
  const what = task.kind === 'periodic_review' ? t('periodic.task') : task.lane ? t(`lane.${task.lane}`) : '—';
  return (
    <tr className={task.overdue ? 'row-overdue' : undefined}>
      <td>
        {task.status === 'open' ? (task.dueAt ? formatDateTime(task.dueAt, locale) : '—') : formatDateTime(task.closedAt, locale)}
        {task.overdue && <span className="tag tag-overdue">{t('review.overdue')}</span>}
      </td>
      <td>
        <Link to={`/items/${item.id}`}>{item.title}</Link>
        {item.fastTrack && <span className="tag tag-fast-track">{t('item.fastTrack')}</span>}
        <UnsupportedStatementsMark count={item.unsupportedStatements} />
      </td>
      <td>
        <FormatLabel format={item.format} />
      </td>
      <td>
        {what}
        {task.coveringFor && <span className="tag tag-covering">{t('inbox.coveringFor', { name: task.coveringFor.name })}</span>}
      </td>
      <td>{task.status === 'open' ? formatDateTime(item.submittedAt, locale) : outcome(task, t)}</td>
      <td>{formatDateTime(item.plannedAt, locale)}</td>
    </tr>
  );
}

function outcome(task: InboxTask, t: ReturnType<typeof useT>['t']): string {
  if (task.decision) {
    const said = t(`inbox.decision.${task.decision}`);
    return task.decidedBy ? `${said} · ${t('lanes.signedBy', { name: task.decidedBy.name })}` : said;
  }
  return task.closedReason ? t(`inbox.closed.${task.closedReason}`) : '—';
}
