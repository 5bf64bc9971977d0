// The create dialog's audience pickers driven as an editor would: channels and segments are coloured
// chips from the admins' lists that toggle on click, the request carries what was picked, and a pick
// that would go over a weekly cap is saved only once the editor confirms it.
import type { Channel, Saturation, Segment } from '@vetted/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import { fakeServer, type FakeServer } from '../../../testing/fake-server';
import { renderDom } from '../../../testing/render-dom';
import { CreateItemDialog } from './create-item-dialog';

const editor = { id: 'editor-1', email: 'editor@vetted.local', name: 'Eda Editor', roles: ['editor'] };
const channel = (name: string, colour: string, archived = false): Channel => ({ id: `00000000-0000-4000-8000-0000000000${name.length}${colour.length}`, name, colour, archived, itemCount: 0 });
const channels = [channel('email', '#2a5db0'), channel('rep-visit', '#15803d'), channel('fax', '#000000', true)];
const segments: Segment[] = [
  { ...channel('science-driven', '#0e7490'), description: 'Science-driven cardiologists', channelCaps: [] },
  { ...channel('patient-driven', '#c2410c'), description: null, channelCaps: [] },
];
const fullWeek: Saturation = {
  weeklyLimit: 10,
  weeks: [],
  pairs: [{ weekStart: '2026-12-07', segment: 'science-driven', channel: 'email', count: 3, cap: 3, over: false }],
  caps: [{ segment: 'science-driven', channel: 'email', weeklyCap: 3 }],
  defaultPairCap: null,
};

function serve(saturation: Saturation = { ...fullWeek, pairs: [], caps: [] }): FakeServer {
  return fakeServer()
    .on('GET', '/api/auth/me', { body: editor })
    .on('GET', '/api/channels', { body: channels })
    .on('GET', '/api/segments', { body: segments })
    .on('GET', '/api/content-items', { body: { items: [], total: 0, page: 1, pageSize: 100 } })
    .on('GET', '/api/calendar/saturation', { body: saturation })
    .on('POST', '/api/review-policy/preview', { body: { fastTrack: false, requiredLanes: ['marketing', 'medical', 'regulatory'], reason: 'full review', dueAt: '2026-12-10T09:00:00.000Z' } })
    .on('POST', '/api/content-items', ({ body }) => ({ status: 201, body: { id: 'new-1', ...(body as object) } }));
}

async function openDialog(server: FakeServer) {
  // Native ESM jest has no global `jest.fn`: a plain fake that counts its calls.
  const onCreated = Object.assign(() => void onCreated.calls++, { calls: 0 });
  const view = await renderDom(<CreateItemDialog defaultDay={new Date(2026, 11, 9)} onCreated={onCreated} onClose={() => undefined} />, { path: '/calendar', url: '/calendar' });
  await view.user.type(screen.getByLabelText('Title'), 'Dosing explained');
  return { ...view, onCreated, server };
}

const created = (server: FakeServer) => server.requests.filter((r) => r.method === 'POST' && r.path === '/api/content-items');

describe('the create dialog’s channel and segment pickers', () => {
  it('offers the active entries as chips that toggle on click, and sends the picked ones', async () => {
    const { user, server, onCreated } = await openDialog(serve());
    const channelGroup = await screen.findByRole('group', { name: 'Channels' });
    const email = await within(channelGroup).findByRole('button', { name: 'email' });
    // Archived entries are not offered for a new plan.
    expect(within(channelGroup).queryByRole('button', { name: 'fax' })).toBeNull();
    expect(email.getAttribute('aria-pressed')).toBe('false');
    await user.click(email);
    await user.click(within(channelGroup).getByRole('button', { name: 'rep-visit' }));
    await user.click(within(channelGroup).getByRole('button', { name: 'rep-visit' }));
    expect(email.getAttribute('aria-pressed')).toBe('true');
    expect(within(channelGroup).getByRole('button', { name: 'rep-visit' }).getAttribute('aria-pressed')).toBe('false');
    const segment = within(screen.getByRole('group', { name: 'Segments' })).getByRole('button', { name: 'patient-driven' });
    expect(segment.title).toBe('');
    await user.click(segment);
    await user.click(screen.getByRole('button', { name: 'Create item' }));
    await waitFor(() => expect(onCreated.calls).toBeGreaterThan(0));
    expect(created(server)[0].body).toMatchObject({ channels: ['email'], segments: ['patient-driven'] });
    expect(created(server)[0].body).not.toHaveProperty('confirmSaturation');
  });

  it('warns of a full pair before saving and saves over it only once confirmed', async () => {
    const { user, server, onCreated } = await openDialog(serve(fullWeek));
    await user.click(within(await screen.findByRole('group', { name: 'Channels' })).getByRole('button', { name: 'email' }));
    await user.click(within(screen.getByRole('group', { name: 'Segments' })).getByRole('button', { name: 'science-driven' }));
    expect(await screen.findByText('Science-driven cardiologists already receive 3 of 3 email pieces that week.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Create item' }));
    expect(screen.getByText('Confirm that you plan it over the cap, or change its date or audience.')).toBeTruthy();
    expect(created(server)).toHaveLength(0);

    await user.click(screen.getByLabelText('Plan it anyway (recorded in the audit trail)'));
    await user.click(screen.getByRole('button', { name: 'Create item' }));
    await waitFor(() => expect(onCreated.calls).toBeGreaterThan(0));
    expect(created(server)[0].body).toMatchObject({ channels: ['email'], segments: ['science-driven'], confirmSaturation: true });
  });
});
