// The audit trail tab of the item workspace: every recorded event, newest first, with the chain check.
import { FileArchive } from 'lucide-react';
import { useParams } from 'react-router';
import { buildApiUrl } from '../../../app/api-client';
import { canExportAuditPackage } from '../../../app/permissions';
import { useCurrentUser } from '../../../app/session';
import { ErrorMessage } from '../../../components/error-message';
import { useT } from '../../../i18n/use-t';
import { useItemAuditTrail } from '../api/get-audit-trail';
import { AuditTable } from '../components/audit-table';
import { ChainBadge } from '../components/chain-badge';

export function ItemAuditTab() {
  const { t } = useT();
  const { id = '' } = useParams();
  const trail = useItemAuditTrail(id);
  const user = useCurrentUser();

  if (trail.isPending) return <p className="page-status">{t('common.loading')}</p>;
  if (trail.isError) return <ErrorMessage error={trail.error} />;

  return (
    <section className="panel" aria-labelledby="audit-heading">
      <div className="panel-title-row">
        <h2 id="audit-heading">{t('audit.title')}</h2>
        <ChainBadge trail={trail.data} />
        {canExportAuditPackage(user.roles) && (
          <a className="button-secondary" href={buildApiUrl(`/content-items/${encodeURIComponent(id)}/audit-package`)} download>
            <FileArchive aria-hidden="true" size={16} /> {t('audit.package')}
          </a>
        )}
      </div>
      {canExportAuditPackage(user.roles) && <p className="field-hint">{t('audit.packageHint')}</p>}
      {trail.data.events.length === 0 ? (
        <p className="empty-state">{t('audit.empty')}</p>
      ) : (
        <AuditTable trail={trail.data} caption={t('audit.title')} />
      )}
    </section>
  );
}
