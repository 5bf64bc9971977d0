// /notifications: what happened to my tasks and items, newest first; open one (it is marked read),
// mark one or all read; and my e-mail preference.
import { NOTIFICATIONS_PAGE_SIZE } from '@vetted/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorMessage } from '../../../components/error-message';
import { formatDateTime } from '../../../i18n/format-date';
import { useT } from '../../../i18n/use-t';
import { useMarkAllRead, useMarkRead, useNotifications } from '../api/notifications';
import { EmailSettings } from '../components/email-settings';
import { NotificationText } from '../components/notification-text';

export function NotificationsPage() {
  const { t, locale } = useT();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(1);
  const list = useNotifications(unreadOnly, page);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / NOTIFICATIONS_PAGE_SIZE)) : 1;
  return (
    <section className="page">
      <div className="page-title-row">
        <h1>{t('notifications.title')}</h1>
        <button type="button" className="button-secondary" onClick={() => markAll.mutate()} disabled={markAll.isPending || !data?.unread}>
          {t('notifications.markAllRead')}
        </button>
      </div>
      <p className="page-status" role="status">
        {data ? t('notifications.unreadCount', { count: data.unread }) : ''}
      </p>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={unreadOnly}
          onChange={(e) => {
            setUnreadOnly(e.target.checked);
            setPage(1);
          }}
        />
        {t('notifications.unreadOnly')}
      </label>
      {list.isPending ? (
        <p className="page-status">{t('common.loading')}</p>
      ) : list.isError ? (
        <ErrorMessage error={list.error} />
      ) : list.data.notifications.length === 0 ? (
        <p className="empty-state">{t('notifications.empty')}</p>
      ) : (
        <ul className="notification-list" aria-label={t('notifications.title')}>
          {list.data.notifications.map((n) => (
            <li key={n.id} className={n.readAt ? 'notification' : 'notification notification-unread'}>
              <div className="notification-body">
                {!n.readAt && <span className="visually-hidden">{t('notifications.unread')}</span>}
                <NotificationText notification={n} />
                <time className="notification-time" dateTime={n.createdAt}>
                  {formatDateTime(n.createdAt, locale)}
                </time>
              </div>
              <div className="notification-actions">
                {n.itemId && (
                  <Link to={`/items/${n.itemId}`} onClick={() => !n.readAt && markRead.mutate(n.id)}>
                    {t('notifications.open', { title: n.params.itemTitle })}
                  </Link>
                )}
                {!n.readAt && (
                  <button type="button" className="button-secondary button-small" onClick={() => markRead.mutate(n.id)} aria-label={t('notifications.markReadLabel', { title: n.params.itemTitle })}>
                    {t('notifications.markRead')}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {pages > 1 && (
        <nav className="pager" aria-label={t('notifications.pages')}>
          <button type="button" className="button-secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {t('notifications.previous')}
          </button>
          <span>{t('notifications.pageOf', { page, pages })}</span>
          <button type="button" className="button-secondary" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            {t('notifications.next')}
          </button>
        </nav>
      )}
      <ErrorMessage error={markRead.error ?? markAll.error} />
      <EmailSettings />
    </section>
  );
}
