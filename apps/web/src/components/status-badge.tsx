// An item's status as a coloured label; the same colours as the calendar legend.
import type { ItemStatus } from '@vetted/contracts';
import { useT } from '../i18n/use-t';

export function StatusBadge({ status }: { status: ItemStatus }) {
  const { t } = useT();
  return <span className={`status-badge status-${status}`}>{t(`status.${status}`)}</span>;
}
