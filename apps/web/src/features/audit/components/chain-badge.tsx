// Whether the audit trail's hash chain verifies, and where it breaks if not.
import type { AuditTrail } from '@vetted/contracts';
import { useT } from '../../../i18n/use-t';

export function ChainBadge({ trail }: { trail: Pick<AuditTrail, 'verified' | 'firstBrokenSeq'> }) {
  const { t } = useT();
  return trail.verified ? (
    <span className="chain-badge chain-verified">
      <span aria-hidden="true">✓ </span>
      {t('audit.verified')}
    </span>
  ) : (
    <span className="chain-badge chain-broken" role="alert">
      <span aria-hidden="true">⚠ </span>
      {t('audit.broken', { seq: trail.firstBrokenSeq ?? '?' })}
    </span>
  );
}
