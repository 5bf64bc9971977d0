// Renders a screen into jsdom for component tests driven by real user events (Testing Library's
// user-event), with the real query client, router and English strings; data comes from `fetch`
// (see fake-server.ts): the signed-in user too, read from GET /api/auth/me before the screen renders,
// as RequireSession does in the app.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { sessionQueryOptions } from '../app/session';
import { en } from '../i18n/en';
import { I18nContext, interpolate, type I18n } from '../i18n/i18n-context';

export interface RenderDomOptions {
  path: string;
  url: string;
}

const english: I18n = { lang: 'en', setLang: () => undefined, t: (key, vars) => interpolate(en[key], vars), locale: 'en-GB' };

export async function renderDom(element: ReactElement, { path, url }: RenderDomOptions): Promise<RenderResult & { user: UserEvent; queryClient: QueryClient }> {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 60_000 }, mutations: { retry: false } } });
  await queryClient.fetchQuery(sessionQueryOptions);
  const events = userEvent.setup();
  const result = render(
    <QueryClientProvider client={queryClient}>
      <I18nContext.Provider value={english}>
        <MemoryRouter initialEntries={[url]}>
          <Routes>
            <Route path={path} element={element} />
          </Routes>
        </MemoryRouter>
      </I18nContext.Provider>
    </QueryClientProvider>,
  );
  return { ...result, user: events, queryClient };
}
