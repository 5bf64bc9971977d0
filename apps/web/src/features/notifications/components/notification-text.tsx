// One notification in words: what happened, about which item, with the facts written when it was.
import type { Notification } from '@vetted/contracts';
import { formatDate } from '../../../i18n/format-date';
import { useT } from '../../../i18n/use-t';

export function NotificationText({ notification }: { notification: Notification }) {
  const { t, locale } = useT();
  const p = notification.params;
  const lane = p.lane === 'marketing' || p.lane === 'medical' || p.lane === 'regulatory' ? t(`lane.${p.lane}`) : (p.lane ?? '');
  const vars = {
    title: p.itemTitle,
    lane,
    due: formatDate(p.dueAt, locale),
    expires: formatDate(p.expiresAt, locale),
    actor: p.actorName ?? '',
    absent: p.onBehalfOfName ?? '',
    claim: p.claimCode ?? '',
  };
  const key = notification.type === 'task_assigned' && p.onBehalfOfName ? 'notifications.type.task_assigned_cover' : (`notifications.type.${notification.type}` as const);
  return (
    <>
      <span>{t(key, vars)}</span>
      {p.excerpt && <q className="notification-excerpt">{p.excerpt}</q>}
    </>
  );
}
