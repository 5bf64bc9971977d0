// A claim's status as a coloured badge: the same colours as items (approved green, withdrawn red…).
import type { ClaimStatus } from '@vetted/contracts';
import { useT } from '../../../i18n/use-t';

export function ClaimStatusBadge({ status }: { status: ClaimStatus }) {
  const { t } = useT();
  return <span className={`status-badge status-${status}`}>{t(`claimStatus.${status}`)}</span>;
}
