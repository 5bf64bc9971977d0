// The audit events as a table: sequence, time, actor, action, what changed, and the hash; events
// from the first broken link on are marked.
import type { AuditTrail } from '@vetted/contracts';
import { formatDateTime } from '../../../i18n/format-date';
import { useT } from '../../../i18n/use-t';
import { describeChange } from '../audit-change';

export function AuditTable({ trail, caption }: { trail: AuditTrail; caption: string }) {
  const { t, locale } = useT();
  const events = [...trail.events].sort((a, b) => b.seq - a.seq);
  return (
    <div className="table-scroll">
      <table className="data-table audit-table">
        <caption className="visually-hidden">{caption}</caption>
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
            const broken = trail.firstBrokenSeq !== null && event.seq >= trail.firstBrokenSeq;
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
  );
}
