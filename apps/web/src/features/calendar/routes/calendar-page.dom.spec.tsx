// The calendar driven as an editor would: dragging a card to another day, the keyboard way to do
// the same, and the week view's "now" line; only the network is faked (contract shapes).
import type { ContentItemSummary } from '@vetted/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { aContentItemSummary } from '../../../testing/content-items';
import { fakeServer, type FakeServer } from '../../../testing/fake-server';
import { renderDom } from '../../../testing/render-dom';
import { CalendarPage } from './calendar-page';

const editor = { id: 'editor-1', email: 'editor@vetted.local', name: 'Eda Editor', roles: ['editor'] };

function serve(items: ContentItemSummary[]): FakeServer {
  return fakeServer()
    .on('GET', '/api/auth/me', { body: editor })
    .on('GET', '/api/content-items', ({ search }) => {
      // Pages as the API does: the calendar reads a long month page by page.
      const page = Number(search.get('page') ?? 1);
      const pageSize = Number(search.get('pageSize') ?? 100);
      return { body: { items: items.slice((page - 1) * pageSize, page * pageSize), total: items.length, page, pageSize } };
    })
    .on('GET', '/api/agenda', { body: { events: [] } })
    .on('GET', '/api/calendar/saturation', { body: { weeklyLimit: 3, weeks: [], pairs: [], caps: [], defaultPairCap: null } })
    .on('GET', '/api/channels', { body: [] })
    .on('GET', '/api/segments', { body: [] })
    .on('PATCH', /^\/api\/content-items\/[\w-]+$/, ({ body }) => {
      const moved = { ...items[0], ...(body as Partial<ContentItemSummary>) };
      items[0] = moved;
      return { body: moved };
    });
}

/** A drag's data travels in a DataTransfer, which jsdom does not have: a small one does. */
function aDataTransfer() {
  const data = new Map<string, string>();
  return {
    dropEffect: 'none',
    effectAllowed: 'all',
    get types() {
      return [...data.keys()];
    },
    setData: (type: string, value: string) => data.set(type, value),
    getData: (type: string) => data.get(type) ?? '',
  };
}

const cellOf = (label: string) => screen.getByText(label, { selector: '.visually-hidden' }).closest('td')!;

describe('the editorial calendar', () => {
  it('reads a month longer than one page in pages of 500 and shows every item', async () => {
    const items = Array.from({ length: 1200 }, (_, i) => aContentItemSummary({ id: `busy-${i}`, title: `Busy ${i}`, plannedAt: new Date(2026, 11, 1 + (i % 31), 9).toISOString() }));
    const server = serve(items);
    await renderDom(<CalendarPage />, { path: '/calendar', url: '/calendar?month=2026-12' });
    expect(await screen.findByText('1200 items this month')).toBeTruthy();
    const pages = server.requests.filter((r) => r.method === 'GET' && r.path === '/api/content-items').map((r) => [r.search.get('page'), r.search.get('pageSize')]);
    expect(pages).toEqual([['1', '500'], ['2', '500'], ['3', '500']]);
  });


  it('marks the items whose file makes statements no approved claim supports, and only those', async () => {
    serve([
      aContentItemSummary({ id: 'flagged', title: 'Flagged leaflet', plannedAt: new Date(2026, 11, 3, 9).toISOString(), unsupportedStatements: 2 }),
      aContentItemSummary({ id: 'clean', title: 'Clean leaflet', plannedAt: new Date(2026, 11, 4, 9).toISOString() }),
    ]);
    await renderDom(<CalendarPage />, { path: '/calendar', url: '/calendar?month=2026-12' });
    const flagged = await screen.findByRole('link', { name: /Flagged leaflet/ });
    expect(within(flagged).getByRole('img', { name: '2 statements no approved claim supports' })).toBeTruthy();
    expect(within(screen.getByRole('link', { name: /Clean leaflet/ })).queryByRole('img', { name: /no approved claim supports/ })).toBeNull();
  });

  it('moves an item dragged to another day, keeping its time of day', async () => {
    const item = aContentItemSummary({ title: 'Dosing explained', plannedAt: new Date(2026, 11, 3, 9, 30).toISOString() }, []);
    const server = serve([item]);
    await renderDom(<CalendarPage />, { path: '/calendar', url: '/calendar?month=2026-12' });
    const card = (await screen.findByRole('link', { name: /Dosing explained/ })).closest('li')!;

    const dataTransfer = aDataTransfer();
    fireEvent.dragStart(card, { dataTransfer });
    fireEvent.dragOver(cellOf('Tuesday 8 December'), { dataTransfer });
    expect(cellOf('Tuesday 8 December').className).toContain('day-drop-target');
    fireEvent.drop(cellOf('Tuesday 8 December'), { dataTransfer });

    await waitFor(() => expect(server.requests.some((r) => r.method === 'PATCH')).toBe(true));
    expect(server.requests.find((r) => r.method === 'PATCH')?.body).toEqual({ plannedAt: new Date(2026, 11, 8, 9, 30).toISOString() });
    await waitFor(() => expect(within(cellOf('Tuesday 8 December')).getByRole('link', { name: /Dosing explained/ })).toBeTruthy());
  });

  it('moves an item from the keyboard through its Reschedule button and the date dialog', async () => {
    const item = aContentItemSummary({ title: 'Dosing explained', plannedAt: new Date(2026, 11, 3, 9, 30).toISOString() }, []);
    const server = serve([item]);
    const { user } = await renderDom(<CalendarPage />, { path: '/calendar', url: '/calendar?month=2026-12' });

    (await screen.findByRole('button', { name: 'Reschedule “Dosing explained”' })).focus();
    await user.keyboard('{Enter}');
    const dialog = screen.getByRole('dialog', { name: 'Reschedule “Dosing explained”' });
    const date = within(dialog).getByLabelText('New date');
    expect(document.activeElement).toBe(date);
    await user.clear(date);
    await user.type(date, '2026-12-21');
    await user.keyboard('{Enter}');

    await waitFor(() => expect(server.requests.find((r) => r.method === 'PATCH')?.body).toEqual({ plannedAt: new Date(2026, 11, 21, 9, 30).toISOString() }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('holds a move that would go over a weekly cap until the editor moves it anyway', async () => {
    const item = aContentItemSummary({ title: 'Dosing explained', plannedAt: new Date(2026, 11, 3, 9, 30).toISOString() }, []);
    const breaches = [{ segment: 'science-driven', channel: 'email', count: 3, cap: 3 }];
    const server = serve([item]).on('PATCH', /^\/api\/content-items\/[\w-]+$/, ({ body }) =>
      (body as { confirmSaturation?: boolean }).confirmSaturation
        ? { body: { ...item, ...(body as object) } }
        : { status: 409, body: { statusCode: 409, error: 'Conflict', message: 'Over the weekly cap', code: 'saturation_unconfirmed', details: { weekStart: '2026-12-21', breaches } } },
    );
    const { user } = await renderDom(<CalendarPage />, { path: '/calendar', url: '/calendar?month=2026-12' });

    (await screen.findByRole('button', { name: 'Reschedule “Dosing explained”' })).focus();
    await user.keyboard('{Enter}');
    const date = within(screen.getByRole('dialog', { name: 'Reschedule “Dosing explained”' })).getByLabelText('New date');
    await user.clear(date);
    await user.type(date, '2026-12-21');
    await user.keyboard('{Enter}');

    const held = await screen.findByRole('alert');
    expect(held.textContent).toContain('Moving “Dosing explained” would go over a weekly cap: Over the weekly cap: science-driven already receive 3 of 3 through email.');
    await user.click(within(held).getByRole('button', { name: 'Move anyway' }));
    await waitFor(() => expect(server.requests.filter((r) => r.method === 'PATCH').map((r) => r.body)).toEqual([
      { plannedAt: new Date(2026, 11, 21, 9, 30).toISOString() },
      { plannedAt: new Date(2026, 11, 21, 9, 30).toISOString(), confirmSaturation: true },
    ]));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('draws the "now" line among today’s items in the week view', async () => {
    const now = new Date();
    const early = aContentItemSummary({ id: '00000000-0000-4000-8000-0000000000e1', title: 'Early piece', plannedAt: new Date(now.getFullYear(), now.getMonth(), now.getDate(), 0, 1).toISOString() }, []);
    const late = aContentItemSummary({ id: '00000000-0000-4000-8000-0000000000e2', title: 'Late piece', plannedAt: new Date(now.getFullYear(), now.getMonth(), now.getDate(), 23, 59).toISOString() }, []);
    serve([late, early]);
    const { container } = await renderDom(<CalendarPage />, { path: '/calendar', url: '/calendar?view=week' });
    await screen.findByRole('link', { name: /Early piece/ });
    const today = container.querySelector('.day-today .day-items')!;
    const order = Array.from(today.children).map((li) => (li.classList.contains('now-line') ? 'now' : li.textContent?.includes('Early') ? 'early' : 'late'));
    expect(order).toEqual(['early', 'now', 'late']);
    expect(within(today as HTMLElement).getByText(/^Now, \d\d:\d\d$/)).toBeTruthy();
  });
});
