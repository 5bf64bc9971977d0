// Renders a screen to HTML in node (jsdom is not installed yet): enough to check what a user would
// see for given server data, without effects or clicks. Queries are seeded, never fetched.
import { QueryClient, QueryClientProvider, type QueryKey } from '@tanstack/react-query';
import type { SessionUser } from '@vetted/contracts';
import type { ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { MemoryRouter, Route, Routes } from 'react-router';
import { sessionQueryKey } from '../app/query-keys';
import { I18nContext, interpolate, type I18n } from '../i18n/i18n-context';
import { en } from '../i18n/en';

export interface RenderPageOptions {
  path: string;
  url: string;
  user: SessionUser;
  data?: Array<[QueryKey, unknown]>;
}

const english: I18n = { lang: 'en', setLang: () => undefined, t: (key, vars) => interpolate(en[key], vars), locale: 'en-GB' };

export function renderPage(element: ReactElement, { path, url, user, data = [] }: RenderPageOptions): string {
  const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  queryClient.setQueryData(sessionQueryKey, user);
  for (const [key, value] of data) queryClient.setQueryData(key, value);
  return renderToString(
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
}

/** Text content of rendered HTML, tags dropped and entities decoded enough for assertions. */
export function textOf(html: string): string {
  return html
    .replace(/<!--.*?-->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, ' ');
}
