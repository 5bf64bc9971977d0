// The notification centre driven as a reviewer would: the bell's count, opening the list, marking one
// and then all read, and the e-mail preference; only the network is faked (contract shapes).
import type { Notification, NotificationList } from '@vetted/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import { fakeServer } from '../../../testing/fake-server';
import { renderDom } from '../../../testing/render-dom';
import { NotificationBell } from '../components/notification-bell';
import { NotificationsPage } from './notifications-page';

const reviewer = { id: 'reviewer-1', email: 'medical@vetted.local', name: 'Dr Claire Martin', roles: ['medical_reviewer'] };
const ITEM = '6f1c9a52-3a0e-4d4b-9a53-8f2f0b0f6e11';

function aNotification(overrides: Partial<Notification>): Notification {
  return { id: crypto.randomUUID(), type: 'task_assigned', itemId: ITEM, params: { itemTitle: 'Heart failure in 90 seconds', lane: 'medical', dueAt: '2026-12-08T17:00:00.000Z' }, createdAt: '2026-12-03T09:00:00.000Z', readAt: null, ...overrides };
}

function serve(notifications: Notification[]) {
  let settings = { email: 'instant', locale: 'en' };
  const list = (unreadOnly: boolean): NotificationList => {
    const shown = notifications.filter((n) => !unreadOnly || !n.readAt);
    return { notifications: shown, unread: notifications.filter((n) => !n.readAt).length, total: shown.length, page: 1, pageSize: 30 };
  };
  return fakeServer()
    .on('GET', '/api/auth/me', { body: reviewer })
    .on('GET', '/api/notifications', ({ search }) => ({ body: list(search.get('unread') === 'true') }))
    .on('POST', /^\/api\/notifications\/[\w-]+\/read$/, ({ path }) => {
      const n = notifications.find((x) => path.includes(x.id))!;
      n.readAt = '2026-12-03T10:00:00.000Z';
      return { body: n };
    })
    .on('POST', '/api/notifications/read-all', () => {
      const unread = notifications.filter((n) => !n.readAt);
      unread.forEach((n) => (n.readAt = '2026-12-03T10:00:00.000Z'));
      return { body: { marked: unread.length } };
    })
    .on('GET', '/api/users/me/notification-settings', () => ({ body: settings }))
    .on('PUT', '/api/users/me/notification-settings', ({ body }) => {
      settings = { ...settings, ...(body as object) };
      return { body: settings };
    });
}

describe('the notification centre', () => {
  it('shows the unread count on the bell', async () => {
    serve([aNotification({}), aNotification({ type: 'mentioned', params: { itemTitle: 'Dosing', actorName: 'Marc Lefèvre', excerpt: '@ClaireMartin check the reference' } })]);
    await renderDom(<NotificationBell />, { path: '/', url: '/' });
    const bell = await screen.findByRole('link', { name: 'Notifications, 2 unread' });
    expect(bell.getAttribute('href')).toBe('/notifications');
    expect(bell.querySelector('.notification-count')?.textContent).toBe('2');
  });

  it('lists notifications with a link to the item, and marks one, then all, read', async () => {
    const task = aNotification({});
    const mention = aNotification({ type: 'mentioned', itemId: ITEM, params: { itemTitle: 'Dosing', actorName: 'Marc Lefèvre', excerpt: '@ClaireMartin check the reference' } });
    const server = serve([task, mention]);
    const { user } = await renderDom(<NotificationsPage />, { path: '/notifications', url: '/notifications' });
    const list = await screen.findByRole('list', { name: 'Notifications' });
    expect(within(list).getByText(/Review “Heart failure in 90 seconds” \(Medical lane\), due/)).toBeTruthy();
    expect(within(list).getByText('Marc Lefèvre mentioned you about “Dosing”.')).toBeTruthy();
    expect(within(list).getByRole('link', { name: 'Open “Dosing”' }).getAttribute('href')).toBe(`/items/${ITEM}`);
    expect(screen.getByRole('status').textContent).toBe('2 unread');

    await user.click(screen.getByRole('button', { name: 'Mark as read: “Heart failure in 90 seconds”' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('1 unread'));
    expect(server.requests.some((r) => r.method === 'POST' && r.path === `/api/notifications/${task.id}/read`)).toBe(true);
    expect(screen.queryByRole('button', { name: 'Mark as read: “Heart failure in 90 seconds”' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Mark all as read' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('0 unread'));
    expect((screen.getByRole('button', { name: 'Mark all as read' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('saves the e-mail preference and language', async () => {
    const server = serve([]);
    const { user } = await renderDom(<NotificationsPage />, { path: '/notifications', url: '/notifications' });
    expect(await screen.findByText('No notifications.')).toBeTruthy();
    await user.selectOptions(await screen.findByLabelText('Send me e-mail'), 'daily');
    await waitFor(() => expect(server.requests.find((r) => r.method === 'PUT')?.body).toEqual({ email: 'daily' }));
    await user.selectOptions(screen.getByLabelText('Language of the e-mails'), 'fr');
    await waitFor(() => expect((screen.getByLabelText('Language of the e-mails') as HTMLSelectElement).value).toBe('fr'));
    expect((screen.getByLabelText('Send me e-mail') as HTMLSelectElement).value).toBe('daily');
  });
});
