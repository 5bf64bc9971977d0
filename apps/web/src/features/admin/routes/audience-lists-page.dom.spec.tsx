// The admin lists page driven as an admin would: a new segment with its colour, description and a
// weekly cap per channel; an entry items use offers Archive, not Delete.
import type { Channel, Segment } from '@vetted/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeServer } from '../../../testing/fake-server';
import { renderDom } from '../../../testing/render-dom';
import { AudienceListsPage } from './audience-lists-page';

const admin = { id: 'admin-1', email: 'admin@vetted.local', name: 'Alex Admin', roles: ['admin'] };
const email: Channel = { id: '00000000-0000-4000-8000-0000000000e1', name: 'email', colour: '#2a5db0', archived: false, itemCount: 4 };
const fax: Channel = { id: '00000000-0000-4000-8000-0000000000e2', name: 'fax', colour: '#000000', archived: false, itemCount: 0 };

describe('the admin lists page', () => {
  it('creates a segment with a colour, a description and a weekly cap per channel', async () => {
    const segments: Segment[] = [];
    const server = fakeServer()
      .on('GET', '/api/auth/me', { body: admin })
      .on('GET', '/api/channels', { body: [email, fax] })
      .on('GET', '/api/segments', () => ({ body: segments }))
      .on('POST', '/api/segments', ({ body }) => {
        const created = { id: '00000000-0000-4000-8000-0000000000s1', archived: false, itemCount: 0, channelCaps: [], description: null, name: '', colour: '', ...(body as Partial<Segment>) } satisfies Segment;
        segments.push(created);
        return { status: 201, body: created };
      });
    const { user } = await renderDom(<AudienceListsPage />, { path: '/admin/lists', url: '/admin/lists' });

    const channels = await screen.findByRole('region', { name: 'Channels' });
    // email is used by items: it can be archived, not deleted; fax is unused.
    expect(await within(channels).findByRole('button', { name: 'Archive email' })).toBeTruthy();
    expect(within(channels).queryByRole('button', { name: 'Delete email' })).toBeNull();
    expect(within(channels).getByRole('button', { name: 'Delete fax' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'New segment' }));
    const dialog = await screen.findByRole('dialog', { name: 'New segment' });
    await user.type(within(dialog).getByLabelText('Name'), 'cardio-science');
    fireEvent.input(within(dialog).getByLabelText('Colour'), { target: { value: '#c2410c' } });
    await user.type(within(dialog).getByLabelText(/Description/), 'Science-driven cardiologists');
    await user.type(within(dialog).getByLabelText('Weekly cap through email'), '3');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const post = server.requests.find((r) => r.method === 'POST' && r.path === '/api/segments');
    expect(post?.body).toEqual({ name: 'cardio-science', colour: '#c2410c', description: 'Science-driven cardiologists', channelCaps: [{ channelId: email.id, weeklyCap: 3 }] });
    expect(await within(screen.getByRole('region', { name: 'Segments' })).findByText('Science-driven cardiologists')).toBeTruthy();
  });
});
