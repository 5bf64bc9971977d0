// Every route of the web app. Features provide the screens; this file is where they are composed
// (the item workspace shows the review feature's tab and the audit feature's tab side by side).
import { createBrowserRouter } from 'react-router';
import { UsersPage } from '../features/admin/routes/users-page';
import { ItemAuditTab } from '../features/audit/routes/item-audit-tab';
import { LoginPage } from '../features/auth/routes/login-page';
import { CalendarPage } from '../features/calendar/routes/calendar-page';
import { LibraryPage } from '../features/library/routes/library-page';
import { ItemReviewTab } from '../features/review/routes/item-review-tab';
import { ItemWorkspaceLayout } from '../features/review/routes/item-workspace-layout';
import { ReviewInboxPage } from '../features/review/routes/review-inbox-page';
import { AppLayout } from './app-layout';
import { HomeRedirect } from './home-redirect';
import { NotFoundPage } from './not-found-page';
import { RequireSession } from './require-session';

export function createAppRouter() {
  return createBrowserRouter([
    { path: '/login', element: <LoginPage /> },
    {
      element: <RequireSession />,
      children: [
        {
          element: <AppLayout />,
          children: [
            { index: true, element: <HomeRedirect /> },
            { path: 'calendar', element: <CalendarPage /> },
            { path: 'reviews', element: <ReviewInboxPage /> },
            {
              path: 'items/:id',
              element: <ItemWorkspaceLayout />,
              children: [
                { index: true, element: <ItemReviewTab /> },
                { path: 'audit', element: <ItemAuditTab /> },
              ],
            },
            { path: 'library', element: <LibraryPage /> },
            { path: 'admin', element: <UsersPage /> },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
