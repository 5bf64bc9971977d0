// The audit trail tab of the item workspace: every recorded event, newest first, with the chain check.
import { useParams } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { formatDateTime } from '../../../i18n/format-date';
import { useT } from '../../../i18n/use-t';
import { useItemAuditTrail } from '../api/get-audit-trail';
import { describeChange } from '../audit-change';
import { ChainBadge } from '../components/chain-badge';

export function ItemAuditTab() {
  const { t, locale } = useT();
  const { id = '' } = useParams();
  const trail = useItemAuditTrail(id);

  if (trail.isPending) return <p className="page-status">{t('common.loading')}</p>;
  if (trail.isError) return <ErrorMessage error={trail.error} />;
  const events = [...trail.data.events].sort((a, b) => b.seq - a.seq);

  return (
    <section className="panel" aria-labelledby="audit-heading">
      <div className="panel-title-row">
        <h2 id="audit-heading">{t('audit.title')}</h2>
        <ChainBadge trail={trail.data} />
      </div>
      {events.length === 0 ? (
        <p className="empty-state">{t('audit.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table audit-table">
            <caption className="visually-hidden">{t('audit.title')}</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('audit.at')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.change')}</th>
                <th scope="col">{t('audit.hash')}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => {
                const broken = trail.data.firstBrokenSeq !== null && event.seq >= trail.data.firstBrokenSeq;
                return (
                  <tr key={event.seq} className={broken ? 'row-broken' : undefined}>
                    <td>{event.seq}</td>
                    <td>
                      <time dateTime={event.at}>{formatDateTime(event.at, locale)}</time>
                    </td>
                    <td>{event.actorName ?? t('audit.system')}</td>
                    <td>
                      <code>{event.action}</code>
                    </td>
                    <td>
                      <ul className="change-list">
                        {describeChange(event.before, event.after).map((c) => (
                          <li key={c.field}>
                            <span className="change-field">{c.field}</span>: {c.before} → {c.after}
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td>
                      <code title={event.hash}>{event.hash.slice(0, 12)}…</code>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
