// What regulatory and admins take out of Vetted for an inspection or a filing: the auditor's package
// (every version, signature and audit event, verifiable offline) and, for approved US material, the
// Form FDA 2253 package.
import type { ContentItem, SessionUser } from '@vetted/contracts';
import { Download } from 'lucide-react';
import { useT } from '../../../i18n/use-t';

export function EvidenceDownloads({ item, user }: { item: Pick<ContentItem, 'id' | 'market' | 'approvedVersion'>; user: Pick<SessionUser, 'roles'> }) {
  const { t } = useT();
  if (!user.roles.some((r) => r === 'admin' || r === 'regulatory_reviewer')) return null;
  const base = `/api/content-items/${encodeURIComponent(item.id)}`;
  return (
    <ul className="evidence-downloads" aria-label={t('evidence.label')}>
      <li>
        <a href={`${base}/audit-package`} download>
          <Download size={14} aria-hidden="true" /> {t('evidence.auditPackage')}
        </a>
      </li>
      {item.market === 'US' && item.approvedVersion && (
        <li>
          <a href={`${base}/fda-2253`} download>
            <Download size={14} aria-hidden="true" /> {t('evidence.fda2253')}
          </a>
        </li>
      )}
    </ul>
  );
}
