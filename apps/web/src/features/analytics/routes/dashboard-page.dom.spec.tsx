// The dashboard as an editor uses it: charts with a table view each, CSV export, and filters that
// go to the API in one request.
import { screen, waitFor, within } from '@testing-library/react';
import { fakeServer } from '../../../testing/fake-server';
import { renderDom } from '../../../testing/render-dom';
import { aDashboard } from '../testing-dashboard';
import { DashboardPage } from './dashboard-page';

const editor = { id: 'editor-1', email: 'editor@vetted.local', name: 'Eda Editor', roles: ['editor'] };

describe('the analytics dashboard', () => {
  it('shows each chart’s numbers as an accessible table on request', async () => {
    fakeServer().on('GET', '/api/auth/me', { body: editor }).on('GET', '/api/analytics/dashboard', { body: aDashboard() });
    const { user } = await renderDom(<DashboardPage />, { path: '/dashboard', url: '/dashboard' });
    const card = (await screen.findByRole('heading', { name: 'Review cycle time per lane (hours)' })).closest('section')!;
    const toggle = within(card).getByRole('button', { name: 'Show as table' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    await user.click(toggle);
    const table = within(card).getByRole('table', { name: 'Review cycle time per lane (hours)' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Lane', 'Measured', 'Median (h)', '90th percentile (h)']);
    expect(within(table).getByRole('rowheader', { name: 'End to end' }).closest('tr')!.textContent).toBe('End to end3620.4');
    expect(within(card).getByRole('button', { name: 'Show as chart' }).getAttribute('aria-pressed')).toBe('true');
    // Key figures are a table from the start.
    const figures = screen.getByRole('table', { name: 'Key figures' });
    expect(within(figures).getByRole('rowheader', { name: 'Fast-tracked (%)' }).closest('tr')!.textContent).toContain('33.3');
  });

  it('downloads a chart’s rows as CSV', async () => {
    fakeServer().on('GET', '/api/auth/me', { body: editor }).on('GET', '/api/analytics/dashboard', { body: aDashboard() });
    const blobs: Blob[] = [];
    URL.createObjectURL = ((blob: Blob) => {
      blobs.push(blob);
      return 'blob:csv';
    }) as typeof URL.createObjectURL;
    URL.revokeObjectURL = () => undefined;
    const clicked: string[] = [];
    HTMLAnchorElement.prototype.click = function click(this: HTMLAnchorElement) {
      clicked.push(this.download);
    };
    const { user } = await renderDom(<DashboardPage />, { path: '/dashboard', url: '/dashboard' });
    await user.click(await screen.findByRole('button', { name: 'Download CSV: Overdue review tasks per lane (now)' }));
    expect(clicked).toEqual(['overdue.csv']);
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(blobs[0]);
    });
    expect(text).toBe('Lane,Overdue tasks\r\nMarketing,0\r\nMedical,1\r\nRegulatory,0\r\n');
  });

  it('sends the filters together when applied', async () => {
    const server = fakeServer().on('GET', '/api/auth/me', { body: editor }).on('GET', '/api/analytics/dashboard', { body: aDashboard() });
    const { user } = await renderDom(<DashboardPage />, { path: '/dashboard', url: '/dashboard' });
    await screen.findByRole('heading', { name: 'Key figures' });
    await user.type(screen.getByLabelText('Product'), 'Cardiva');
    await user.type(screen.getByLabelText('Market'), 'fr');
    await user.selectOptions(screen.getByLabelText('Format'), 'podcast');
    await user.selectOptions(screen.getByLabelText('Group shares by'), 'month');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(server.requests.filter((r) => r.path === '/api/analytics/dashboard')).toHaveLength(2));
    const last = server.requests.filter((r) => r.path === '/api/analytics/dashboard').at(-1)!;
    expect(Object.fromEntries(last.search)).toEqual({ product: 'Cardiva', market: 'FR', format: 'podcast', bucket: 'month' });
  });
});
