// Entry point: one QueryClient, the router, and what an expired session does anywhere in the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { setUnauthorizedHandler } from './app/api-client';
import { AppProviders } from './app/providers';
import { createQueryClient } from './app/query-client';
import { sessionQueryKey } from './app/query-keys';
import { createAppRouter } from './app/router';
import './styles.css';

const queryClient = createQueryClient();
const router = createAppRouter();

// A 401 from any request means the session ended: forget it, and RequireSession sends the user
// to /login, remembering where they were.
setUnauthorizedHandler(() => {
  queryClient.setQueryData(sessionQueryKey, null);
});

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>,
);
