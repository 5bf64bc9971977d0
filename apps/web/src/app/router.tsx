// Every route of the web app. Features provide the screens; this file is where they are composed
// (the item workspace shows the review feature's tab and the audit feature's tab side by side, and
// the review workspace's side panel takes the tabs of app/workspace-tabs.tsx).
// Feature screens load on first visit, so signing in does not download the whole app.
import { createBrowserRouter } from 'react-router';
import { LoginPage } from '../features/auth/routes/login-page';
import { useT } from '../i18n/use-t';
import { AppLayout } from './app-layout';
import { HomeRedirect } from './home-redirect';
import { NotFoundPage } from './not-found-page';
import { RequireSession } from './require-session';

export function createAppRouter() {
  return createBrowserRouter([
    { path: '/login', element: <LoginPage /> },
    { path: '/accept-invite', lazy: async () => ({ Component: (await import('../features/auth/routes/accept-invite-page')).AcceptInvitePage }) },
    {
      element: <RequireSession />,
      children: [
        {
          element: <AppLayout />,
          children: [
            { index: true, element: <HomeRedirect /> },
            { path: 'calendar', lazy: async () => ({ Component: (await import('../features/calendar/routes/calendar-page')).CalendarPage }) },
            { path: 'shared', lazy: async () => ({ Component: (await import('../features/review/routes/guest-items-page')).GuestItemsPage }) },
            { path: 'reviews', lazy: async () => ({ Component: (await import('../features/review/routes/review-inbox-page')).ReviewInboxPage }) },
            {
              path: 'items/:id',
              lazy: async () => ({ Component: (await import('../features/review/routes/item-workspace-layout')).ItemWorkspaceLayout }),
              children: [
                {
                  index: true,
                  lazy: async () => {
                    const [{ ItemReviewTab }, { workspaceTabs }] = await Promise.all([import('../features/review/routes/item-review-tab'), import('./workspace-tabs')]);
                    return { Component: () => <ItemReviewTab extraTabs={workspaceTabs(useT().t)} /> };
                  },
                },
                { path: 'audit', lazy: async () => ({ Component: (await import('../features/audit/routes/item-audit-tab')).ItemAuditTab }) },
              ],
            },
            { path: 'claims', lazy: async () => ({ Component: (await import('../features/claims/routes/claims-page')).ClaimsPage }) },
            { path: 'claims/:id', lazy: async () => ({ Component: (await import('../features/claims/routes/claim-page')).ClaimPage }) },
            { path: 'dashboard', lazy: async () => ({ Component: (await import('../features/analytics/routes/dashboard-page')).DashboardPage }) },
            { path: 'library', lazy: async () => ({ Component: (await import('../features/library/routes/library-page')).LibraryPage }) },
            { path: 'audit', lazy: async () => ({ Component: (await import('../features/audit/routes/audit-log-page')).AuditLogPage }) },
            { path: 'admin', lazy: async () => ({ Component: (await import('../features/admin/routes/users-page')).UsersPage }) },
            { path: 'admin/groups', lazy: async () => ({ Component: (await import('../features/admin/routes/review-groups-page')).ReviewGroupsPage }) },
            { path: 'admin/lists', lazy: async () => ({ Component: (await import('../features/admin/routes/audience-lists-page')).AudienceListsPage }) },
            { path: 'admin/tokens', lazy: async () => ({ Component: (await import('../features/admin/routes/tokens-page')).TokensPage }) },
            { path: 'admin/webhooks', lazy: async () => ({ Component: (await import('../features/admin/routes/webhooks-page')).WebhooksPage }) },
            { path: 'calendar-feeds', lazy: async () => ({ Component: (await import('../features/account/routes/calendar-feeds-page')).CalendarFeedsPage }) },
            { path: 'notifications', lazy: async () => ({ Component: (await import('../features/notifications/routes/notifications-page')).NotificationsPage }) },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
