// The audit trail tab of the item workspace: every recorded event, newest first, with the chain check.
import { useParams } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { useT } from '../../../i18n/use-t';
import { useItemAuditTrail } from '../api/get-audit-trail';
import { AuditTable } from '../components/audit-table';
import { ChainBadge } from '../components/chain-badge';

export function ItemAuditTab() {
  const { t } = useT();
  const { id = '' } = useParams();
  const trail = useItemAuditTrail(id);

  if (trail.isPending) return <p className="page-status">{t('common.loading')}</p>;
  if (trail.isError) return <ErrorMessage error={trail.error} />;

  return (
    <section className="panel" aria-labelledby="audit-heading">
      <div className="panel-title-row">
        <h2 id="audit-heading">{t('audit.title')}</h2>
        <ChainBadge trail={trail.data} />
      </div>
      {trail.data.events.length === 0 ? (
        <p className="empty-state">{t('audit.empty')}</p>
      ) : (
        <AuditTable trail={trail.data} caption={t('audit.title')} />
      )}
    </section>
  );
}
