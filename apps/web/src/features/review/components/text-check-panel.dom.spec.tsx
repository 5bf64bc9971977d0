// The text check in the workspace's Claims tab, driven as a medical reviewer, with only the network faked.
import type { ContentItem, TextCheck } from '@vetted/contracts';
import { screen, within } from '@testing-library/react';
import { aContentItem, aUser, aVersion } from '../../../testing/content-items';
import { fakeServer } from '../../../testing/fake-server';
import { renderDom } from '../../../testing/render-dom';
import { ItemReviewTab } from '../routes/item-review-tab';

const check: TextCheck = {
  status: 'done',
  reason: null,
  links: [
    { id: '00000000-0000-4000-8000-0000000000d1', claimId: '00000000-0000-4000-8000-0000000000e1', code: 'HF-001', kind: 'auto', text: 'Réduit de 20 % le risque', anchor: { page: null, seconds: null, box: { x: 0.05, y: 0.2, width: 0.8, height: 0.1 } }, similarity: 1 },
    { id: '00000000-0000-4000-8000-0000000000d2', claimId: '00000000-0000-4000-8000-0000000000e2', code: 'HF-008', kind: 'suggested', text: 'Bien toléré par le patient âgé', anchor: { page: 2, seconds: null, box: null }, similarity: 0.62 },
  ],
  unsupported: [{ id: '00000000-0000-4000-8000-0000000000f1', text: 'Réduction de 37 % des crises en 12 semaines.', anchor: { page: null, seconds: null, box: { x: 0.05, y: 0.6, width: 0.7, height: 0.05 } } }],
};

function serve(item: ContentItem, user = aUser()) {
  const base = `/api/content-items/${item.id}`;
  return fakeServer()
    .on('GET', '/api/auth/me', { body: user })
    .on('GET', base, { body: item })
    .on('GET', `${base}/reviews`, { body: { decisions: [] } })
    .on('GET', `${base}/comments`, { body: { threads: [] } })
    .on('GET', `${base}/versions/1/text-check`, { body: check });
}

const item = () => aContentItem({ format: 'infographic', versions: [aVersion()], textCheck: { status: 'done', links: 1, suggested: 1, unsupported: 1 } });

describe('the text check in the Claims tab', () => {
  it('lists the claims found and the unsupported statements, and lets a medical reviewer accept a suggestion', async () => {
    const shown = item();
    const server = serve(shown).on('POST', `/api/content-items/${shown.id}/versions/1/text-check/links/${check.links[1].id}`, {
      body: { ...check, links: [check.links[0], { ...check.links[1], kind: 'accepted' }] },
    });
    const { user } = await renderDom(<ItemReviewTab />, { path: '/items/:id', url: `/items/${shown.id}?tab=claims` });
    await user.click(await screen.findByRole('tab', { name: /Claims/ }));
    const panel = await screen.findByRole('region', { name: 'What the file says (version 1)' });
    expect(within(panel).getByText('Réduction de 37 % des crises en 12 semaines.')).toBeTruthy();
    expect(within(panel).getByText('1 statement no approved claim supports')).toBeTruthy();
    expect(within(panel).getByText('suggested')).toBeTruthy();
    expect(within(panel).getByText('page 2')).toBeTruthy();
    await user.click(within(panel).getByRole('button', { name: 'Accept the link to HF-008' }));
    expect(await within(panel).findByText('accepted')).toBeTruthy();
    expect(server.requests.find((r) => r.method === 'POST')?.body).toEqual({ decision: 'accept' });
  });

  it('offers no decision to a reviewer of another lane', async () => {
    const shown = item();
    serve(shown, aUser({ id: 'regulatory-1', roles: ['regulatory_reviewer'] }));
    const { user } = await renderDom(<ItemReviewTab />, { path: '/items/:id', url: `/items/${shown.id}` });
    await user.click(await screen.findByRole('tab', { name: /Claims/ }));
    const panel = await screen.findByRole('region', { name: 'What the file says (version 1)' });
    expect(within(panel).getByText('Bien toléré par le patient âgé')).toBeTruthy();
    expect(within(panel).queryByRole('button', { name: /Accept/ })).toBeNull();
  });

  it('shows a video finding at its time code, which moves the player there', async () => {
    const video = aContentItem({ format: 'video', versions: [aVersion()], textCheck: { status: 'done', links: 0, suggested: 0, unsupported: 1 } });
    const statement = 'Réduction de 37 % des crises en 12 semaines.';
    serve(video).on('GET', `/api/content-items/${video.id}/versions/1/text-check`, {
      body: { status: 'done', reason: null, links: [], unsupported: [{ id: check.unsupported[0].id, text: statement, anchor: { page: null, seconds: 70, box: { x: 0.05, y: 0.3, width: 0.5, height: 0.05 } } }] },
    });
    const { user } = await renderDom(<ItemReviewTab />, { path: '/items/:id', url: `/items/${video.id}` });
    await user.click(await screen.findByRole('tab', { name: /Claims/ }));
    const panel = await screen.findByRole('region', { name: 'What the file says (version 1)' });
    const player = document.querySelector('video')!;
    await user.click(within(panel).getByRole('button', { name: `Go to 1:10 in the video, where it shows “${statement}”` }));
    expect(player.currentTime).toBe(70);
    expect(within(panel).getByRole('button', { name: /Go to 1:10/ }).textContent).toBe('at 1:10');
  });

  it('says when only part of the file was read', async () => {
    const shown = item();
    serve(shown).on('GET', `/api/content-items/${shown.id}/versions/1/text-check`, { body: { ...check, reason: 'only the first 120 frames (4:00) of the video were read (TEXT_CHECK_VIDEO_MAX_FRAMES)' } });
    const { user } = await renderDom(<ItemReviewTab />, { path: '/items/:id', url: `/items/${shown.id}` });
    await user.click(await screen.findByRole('tab', { name: /Claims/ }));
    const panel = await screen.findByRole('region', { name: 'What the file says (version 1)' });
    expect(within(panel).getByRole('note').textContent).toBe('Only part of the file was read: a fast track is not possible.');
  });
});
