// The bell in the header: a link to my notifications that says how many are unread (polled).
import { Bell } from 'lucide-react';
import { NavLink } from 'react-router';
import { useT } from '../../../i18n/use-t';
import { useUnreadCount } from '../api/notifications';

export function NotificationBell() {
  const { t } = useT();
  const unread = useUnreadCount() ?? 0;
  return (
    <NavLink to="/notifications" className="notification-bell" aria-label={t('notifications.bell', { count: unread })}>
      <Bell aria-hidden="true" size={20} />
      {unread > 0 && (
        <span className="notification-count" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </NavLink>
  );
}
