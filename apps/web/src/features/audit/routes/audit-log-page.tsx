// The whole audit trail (/audit, admins): every recorded change across users, content and agenda,
// a hundred events at a time, with the hash-chain check of what is shown.
import { useState } from 'react';
import { ErrorMessage } from '../../../components/error-message';
import { useT } from '../../../i18n/use-t';
import { useAuditLog } from '../api/get-audit-trail';
import { AuditTable } from '../components/audit-table';
import { ChainBadge } from '../components/chain-badge';

const ENTITIES = ['content_item', 'user', 'agenda_event'] as const;

export function AuditLogPage() {
  const { t } = useT();
  const [entity, setEntity] = useState<string | undefined>();
  const [beforeSeq, setBeforeSeq] = useState<number | undefined>();
  const log = useAuditLog({ entity, beforeSeq });
  const oldest = log.data?.events[0]?.seq;

  return (
    <section className="page">
      <div className="page-title-row">
        <h1>{t('audit.title')}</h1>
        {log.data && <ChainBadge trail={log.data} />}
      </div>
      <form className="filter-bar" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="audit-entity">{t('audit.entity')}</label>
          <select
            id="audit-entity"
            value={entity ?? ''}
            onChange={(e) => {
              setEntity(e.target.value || undefined);
              setBeforeSeq(undefined);
            }}
          >
            <option value="">{t('filters.all')}</option>
            {ENTITIES.map((e) => (
              <option key={e} value={e}>
                {t(`audit.entity.${e}`)}
              </option>
            ))}
          </select>
        </div>
      </form>
      {log.isPending ? (
        <p className="page-status">{t('common.loading')}</p>
      ) : log.isError ? (
        <ErrorMessage error={log.error} />
      ) : log.data.events.length === 0 ? (
        <p className="empty-state">{t('audit.empty')}</p>
      ) : (
        <AuditTable trail={log.data} caption={t('audit.title')} />
      )}
      <div className="workspace-actions">
        {beforeSeq !== undefined && (
          <button type="button" className="button-secondary" onClick={() => setBeforeSeq(undefined)}>
            {t('audit.latest')}
          </button>
        )}
        {oldest !== undefined && oldest > 1 && (
          <button type="button" className="button-secondary" onClick={() => setBeforeSeq(oldest)}>
            {t('audit.older')}
          </button>
        )}
      </div>
    </section>
  );
}
