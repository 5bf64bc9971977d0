// An item's status as a coloured label with its icon; the same colours as the calendar legend.
// The icon repeats the status for those who do not tell the colours apart; the text names it.
import type { ItemStatus } from '@vetted/contracts';
import { Archive, Ban, BadgeCheck, CalendarX, CircleCheck, CirclePause, Hourglass, PencilLine, RotateCcw, Stamp, type LucideIcon } from 'lucide-react';
import { useT } from '../i18n/use-t';

export const STATUS_ICONS: Record<ItemStatus, LucideIcon> = {
  draft: PencilLine,
  in_review: Hourglass,
  changes_requested: RotateCcw,
  approved: CircleCheck,
  approved_with_changes: BadgeCheck,
  awaiting_release: Stamp,
  expired: CalendarX,
  withdrawn: Ban,
  retired: Archive,
  suspended: CirclePause,
};

export function StatusIcon({ status, size = 14 }: { status: ItemStatus; size?: number }) {
  const Icon = STATUS_ICONS[status];
  return <Icon className="status-icon" aria-hidden="true" focusable="false" size={size} />;
}

export function StatusBadge({ status }: { status: ItemStatus }) {
  const { t } = useT();
  return (
    <span className={`status-badge status-${status}`}>
      <StatusIcon status={status} />
      {t(`status.${status}`)}
    </span>
  );
}
