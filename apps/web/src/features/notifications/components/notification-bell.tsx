// The bell in the header: a link to my notifications that says how many are unread (polled).
import { Bell } from 'lucide-react';
import { NavLink } from 'react-router';
import { useT } from '../../../i18n/use-t';
import { useUnreadCount } from '../api/notifications';

export function NotificationBell() {
  const { t } = useT();
  const unread = useUnreadCount() ?? 0;
  return (
    // The name is text (not aria-label), so the visible count stays part of it for speech input users.
    <NavLink to="/notifications" className="notification-bell">
      <Bell aria-hidden="true" size={20} />
      <span className="visually-hidden">{t('notifications.bell', { count: unread })}</span>
      {unread > 0 && (
        <span className="notification-count" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </NavLink>
  );
}
