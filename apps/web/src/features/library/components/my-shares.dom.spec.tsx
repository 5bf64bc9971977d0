// A rep adds the doctor's reaction to a share afterwards: only the network is faked (contract shapes).
import type { LibraryShare } from '@vetted/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import { fakeServer } from '../../../testing/fake-server';
import { renderDom } from '../../../testing/render-dom';
import { MyShares } from './my-shares';

const rep = { id: 'rep-1', email: 'rep@vetted.local', name: 'Rémi Rep', roles: ['rep'] };
const share: LibraryShare = {
  id: '22222222-2222-4222-8222-222222222222',
  itemId: '11111111-1111-4111-8111-111111111111',
  repId: 'rep-1',
  repName: 'Rémi Rep',
  channel: 'rep-visit',
  audienceSegment: 'science-driven',
  note: null,
  sharedAt: '2026-12-01T10:00:00.000Z',
  feedback: null,
  itemTitle: 'Heart failure in 90 seconds',
};

describe('my shares', () => {
  it('adds the reaction to a share later and shows it once saved', async () => {
    let current = share;
    const server = fakeServer()
      .on('GET', '/api/auth/me', { body: rep })
      .on('GET', '/api/library/shares/mine', () => ({ body: { shares: [current] } }))
      .on('PATCH', `/api/library/shares/${share.id}/feedback`, ({ body }) => {
        const f = body as { useful?: boolean; rating?: number; comment?: string };
        current = { ...share, feedback: { useful: f.useful ?? null, rating: f.rating ?? null, comment: f.comment ?? null, recordedAt: '2026-12-02T09:00:00.000Z' } };
        return { body: current };
      });
    const { user } = await renderDom(<MyShares />, { path: '/library', url: '/library' });
    const row = (await screen.findByRole('rowheader', { name: /Heart failure in 90 seconds/ })).closest('tr')!;
    expect(within(row).getByText('No reaction yet')).toBeTruthy();
    await user.click(within(row).getByRole('button', { name: 'Add the reaction: Heart failure in 90 seconds' }));

    const dialog = screen.getByRole('dialog', { name: 'The doctor’s reaction to “Heart failure in 90 seconds”' });
    await user.selectOptions(within(dialog).getByLabelText('Found it useful?'), 'yes');
    await user.selectOptions(within(dialog).getByLabelText('Rating'), '4');
    await user.type(within(dialog).getByLabelText(/Comment/), 'Wants the podcast');
    await user.click(within(dialog).getByRole('button', { name: 'Save the reaction' }));

    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Reaction saved.'));
    expect(server.requests.find((r) => r.method === 'PATCH')?.body).toEqual({ useful: true, rating: 4, comment: 'Wants the podcast' });
    await waitFor(() => expect(within(screen.getByRole('rowheader', { name: /Heart failure/ }).closest('tr')!).getByText('Useful · 4 / 5 · Wants the podcast')).toBeTruthy());
  });
});
