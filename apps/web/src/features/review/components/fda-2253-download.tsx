// The Form FDA 2253 package of approved US material, for whoever files it (mirrors filings.fda2253).
import type { ContentItem, SessionUser } from '@vetted/contracts';
import { Download } from 'lucide-react';
import { buildApiUrl } from '../../../app/api-client';
import { canFileFda2253 } from '../../../app/permissions';
import { useT } from '../../../i18n/use-t';

export function Fda2253Download({ item, user }: { item: Pick<ContentItem, 'id' | 'market' | 'approvedVersion'>; user: Pick<SessionUser, 'roles'> }) {
  const { t } = useT();
  if (!canFileFda2253(user.roles) || item.market !== 'US' || !item.approvedVersion) return null;
  return (
    <p className="evidence-downloads">
      <a href={buildApiUrl(`/content-items/${encodeURIComponent(item.id)}/fda-2253`)} download>
        <Download size={14} aria-hidden="true" /> {t('evidence.fda2253')}
      </a>
    </p>
  );
}
