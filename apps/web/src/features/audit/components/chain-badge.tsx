// Whether the audit trail's hash chain verifies, and where it breaks if not.
import type { AuditTrail } from '@vetted/contracts';
import { ShieldAlert, ShieldCheck } from 'lucide-react';
import { useT } from '../../../i18n/use-t';

export function ChainBadge({ trail }: { trail: Pick<AuditTrail, 'verified' | 'firstBrokenSeq'> }) {
  const { t } = useT();
  return trail.verified ? (
    <span className="chain-badge chain-verified">
      <ShieldCheck aria-hidden="true" focusable="false" size={16} />
      {t('audit.verified')}
    </span>
  ) : (
    <span className="chain-badge chain-broken" role="alert">
      <ShieldAlert aria-hidden="true" focusable="false" size={16} />
      {t('audit.broken', { seq: trail.firstBrokenSeq ?? '?' })}
    </span>
  );
}
