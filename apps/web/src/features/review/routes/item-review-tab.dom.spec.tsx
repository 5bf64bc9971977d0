// The review workspace driven as a reviewer would, with only the network faked (contract shapes).
import type { CommentThread, ContentItem } from '@vetted/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { aContentItem, aUser, aVersion } from '../../../testing/content-items';
import { fakeServer, type FakeServer } from '../../../testing/fake-server';
import { renderDom } from '../../../testing/render-dom';
import { parseTransform, stagePointOf, fitRect } from '../viewport';
import { ItemReviewTab } from './item-review-tab';

const imageVersion = (number: number, sha: string) =>
  aVersion({
    id: `00000000-0000-4000-8000-0000000000a${number}`,
    number,
    note: number === 2 ? 'Reference added under the chart' : null,
    asset: { filename: `infographic-v${number}.png`, mimeType: 'image/png', size: 1000 * number, sha256: sha.repeat(32) },
    media: { durationSeconds: null, width: 1600, height: 800 },
    renditions: { status: 'ready', error: null, thumbnail: true, preview: true, previewWatermarked: true },
  });

const region: CommentThread = {
  id: '00000000-0000-4000-8000-0000000000b1',
  versionNumber: 1,
  anchor: { kind: 'region', x: 0.25, y: 0.5, width: 0.1, height: 0.1 },
  resolvedAt: null,
  resolvedBy: null,
  comments: [{ id: '00000000-0000-4000-8000-0000000000c1', authorId: 'medical-1', authorName: 'Dr Medical', body: 'Reference missing under the chart', createdAt: '2026-11-24T10:00:00.000Z' }],
};

function serve(item: ContentItem, threads: CommentThread[] = [], user = aUser()): FakeServer {
  const base = `/api/content-items/${item.id}`;
  return fakeServer()
    .on('GET', '/api/auth/me', { body: user })
    .on('GET', base, { body: item })
    .on('GET', `${base}/reviews`, { body: { decisions: [] } })
    .on('GET', `${base}/comments`, { body: { threads } });
}

const open = (item: ContentItem, url = `/items/${item.id}`) => renderDom(<ItemReviewTab />, { path: '/items/:id', url });

/** jsdom lays nothing out: give the stage the size a 1440 px screen would. */
function layOutStage(width = 1000, height = 600) {
  const size = (name: 'clientWidth' | 'clientHeight', value: number) =>
    Object.defineProperty(HTMLElement.prototype, name, {
      configurable: true,
      get(this: HTMLElement) {
        return this.classList.contains('zoom-stage') ? value : 0;
      },
    });
  size('clientWidth', width);
  size('clientHeight', height);
}

afterEach(() => {
  Reflect.deleteProperty(HTMLElement.prototype, 'clientWidth');
  Reflect.deleteProperty(HTMLElement.prototype, 'clientHeight');
});

describe('the review workspace', () => {
  it('shows the server’s reason when a signature is refused, and keeps the dialog open', async () => {
    const item = aContentItem({ format: 'infographic', versions: [imageVersion(1, 'ab')] });
    const server = serve(item).on('POST', `/api/content-items/${item.id}/reviews`, {
      status: 401,
      body: { statusCode: 401, error: 'Unauthorized', message: 'Signature refused: the password is incorrect', code: 'signature_refused' },
    });
    const { user } = await open(item);

    await user.click(await screen.findByRole('button', { name: 'Approve… (Medical)' }));
    const dialog = screen.getByRole('dialog', { name: 'Sign your approval' });
    await user.type(within(dialog).getByLabelText('Your password'), 'not-my-password');
    await user.click(within(dialog).getByRole('button', { name: 'Sign' }));

    expect(await within(dialog).findByRole('alert')).toHaveProperty('textContent', 'Signature refused: the password is incorrect');
    const sent = server.requests.find((r) => r.method === 'POST');
    expect(sent?.body).toEqual({ lane: 'medical', decision: 'approve', versionId: item.versions[0].id, password: 'not-my-password' });
    expect(screen.getByRole('dialog', { name: 'Sign your approval' })).toBeTruthy();
  });

  it('lets the responsible pharmacist sign the release of a French item, with the filing reference', async () => {
    const history = [{ type: 'SUBMIT' as const, versionNumber: 1, releaseRequired: true }, ...(['marketing', 'medical', 'regulatory'] as const).map((lane) => ({ type: 'APPROVE' as const, lane, versionNumber: 1 }))];
    const item = aContentItem({ format: 'infographic', market: 'FR', versions: [imageVersion(1, 'ab')], release: { market: 'FR', releasedAt: null, releasedByName: null, filingReference: null, versionNumber: null } }, history);
    expect(item.status).toBe('awaiting_release');
    const pharmacist = aUser({ id: 'pharmacist-1', name: 'Paula Pharmacienne', roles: ['responsible_pharmacist'] });
    const server = serve(item, [], pharmacist).on('POST', `/api/content-items/${item.id}/release`, { body: { ...item, status: 'approved' } });
    const { user } = await open(item);

    expect(await screen.findByText(/reaches the field in France only once the responsible pharmacist signs its release/)).toBeTruthy();
    await user.click(await screen.findByRole('button', { name: 'Release for distribution…' }));
    const dialog = screen.getByRole('dialog', { name: 'Sign the final release' });
    expect(dialog.textContent).toContain('I release this approved material for distribution in France');
    await user.type(within(dialog).getByLabelText(/Filing reference/), 'ANSM-2026-0042');
    await user.type(within(dialog).getByLabelText('Your password'), 'pharmacist-password');
    await user.click(within(dialog).getByRole('button', { name: 'Sign' }));

    await waitFor(() => expect(server.requests.find((r) => r.method === 'POST')?.body).toEqual({ versionId: item.versions[0].id, password: 'pharmacist-password', filingReference: 'ANSM-2026-0042' }));
  });

  it('opens the approval dialog with the a key and lists the shortcuts under ?', async () => {
    const item = aContentItem({ format: 'infographic', versions: [imageVersion(1, 'ab')] });
    serve(item);
    const { user } = await open(item);
    await screen.findByRole('button', { name: 'Approve… (Medical)' });

    await user.keyboard('?');
    const help = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(help).getByText('Next comment')).toBeTruthy();
    await user.click(within(help).getByRole('button', { name: 'Close' }));
    await user.keyboard('a');
    expect(screen.getByRole('dialog', { name: 'Sign your approval' })).toBeTruthy();
  });

  it('posts a comment from the discussion tab and shows it once the server has it', async () => {
    const item = aContentItem({ format: 'infographic', versions: [imageVersion(1, 'ab')] });
    const threads: CommentThread[] = [];
    const server = serve(item)
      .on('GET', `/api/content-items/${item.id}/comments`, () => ({ body: { threads } }))
      .on('POST', `/api/content-items/${item.id}/comments`, ({ body }) => {
        const posted = { ...region, id: '00000000-0000-4000-8000-0000000000b9', anchor: null, comments: [{ ...region.comments[0], body: (body as { body: string }).body }] };
        threads.push(posted);
        return { status: 201, body: posted };
      });
    const { user } = await open(item);

    await user.click(await screen.findByRole('tab', { name: 'Discussion' }));
    await user.type(screen.getByLabelText('New comment'), 'The dose is missing its unit');
    await user.click(screen.getByRole('button', { name: 'Post comment' }));

    expect(await screen.findByText('The dose is missing its unit', { selector: 'p' })).toBeTruthy();
    expect(server.requests.find((r) => r.method === 'POST')?.body).toEqual({ versionNumber: 1, body: 'The dose is missing its unit' });
    expect((screen.getByLabelText('New comment') as HTMLTextAreaElement).value).toBe('');
  });

  it('keeps a comment mark over the same spot of the image while zooming', async () => {
    layOutStage();
    const item = aContentItem({ format: 'infographic', versions: [imageVersion(1, 'ab')] });
    serve(item, [region]);
    const { user, container } = await open(item);
    const image = await screen.findByRole('img', { name: 'infographic-v1.png' });
    Object.defineProperty(image, 'naturalWidth', { value: 1600 });
    Object.defineProperty(image, 'naturalHeight', { value: 800 });
    fireEvent.load(image);
    await waitFor(() => expect(container.querySelector('.region-box')).not.toBeNull());

    const asset = container.querySelector<HTMLElement>('.zoom-asset')!;
    const mark = container.querySelector<HTMLElement>('.region-box')!;
    // Where the mark's top-left corner is on the stage, from the computed styles alone.
    const markOnStage = () => {
      const style = getComputedStyle(asset);
      const fit = { left: parseFloat(style.left), top: parseFloat(style.top), width: parseFloat(style.width), height: parseFloat(style.height) };
      const view = parseTransform(style.transform)!;
      return stagePointOf({ x: parseFloat(mark.style.left) / 100, y: parseFloat(mark.style.top) / 100 }, view, fit);
    };
    expect(getComputedStyle(asset)).toMatchObject({ left: '0px', top: '50px', width: '1000px', height: '500px' });
    const before = markOnStage();
    expect(before).toEqual({ x: 250, y: 300 });

    // The wheel zooms around the pointer: resting on the mark, the mark stays put.
    fireEvent.wheel(container.querySelector('.zoom-stage')!, { deltaY: -300, clientX: before.x, clientY: before.y });
    const zoomed = parseTransform(getComputedStyle(asset).transform)!;
    expect(zoomed.scale).toBeGreaterThan(1.4);
    expect(markOnStage().x).toBeCloseTo(before.x, 0);
    expect(markOnStage().y).toBeCloseTo(before.y, 0);

    // The buttons zoom around the centre: the mark moves away from it, still on the same image spot.
    await user.click(screen.getByRole('button', { name: 'Zoom in' }));
    expect(parseTransform(getComputedStyle(asset).transform)!.scale).toBeCloseTo(zoomed.scale * 1.25, 2);
    expect(mark.style.left).toBe('25%');
    await user.click(screen.getByRole('button', { name: 'Fit to the viewer' }));
    expect(markOnStage()).toEqual(before);
    expect(screen.getByLabelText('Zoom').textContent).toBe('100%');

    // 100%: one preview pixel per screen pixel (1600 px wide on a 1000 px fit).
    await user.keyboard('1');
    expect(parseTransform(getComputedStyle(asset).transform)!.scale * fitRect({ width: 1000, height: 600 }, { width: 1600, height: 800 }).width).toBeCloseTo(1600, 0);
  });

  it('pans the image by dragging it', async () => {
    layOutStage();
    const item = aContentItem({ format: 'infographic', versions: [imageVersion(1, 'ab')] });
    serve(item, [region]);
    const { user, container } = await open(item);
    await screen.findByRole('img', { name: 'infographic-v1.png' });
    const stage = container.querySelector<HTMLElement>('.zoom-stage')!;
    await user.pointer([{ keys: '[MouseLeft>]', target: stage, coords: { clientX: 500, clientY: 300 } }, { target: stage, coords: { clientX: 560, clientY: 280 } }, { keys: '[/MouseLeft]' }]);
    expect(parseTransform(getComputedStyle(container.querySelector('.zoom-asset')!).transform)).toEqual({ scale: 1, x: 60, y: -20 });
  });

  it('compares two versions with a wipe the reviewer moves, and tells what changed', async () => {
    layOutStage();
    const v1 = imageVersion(1, 'ab');
    const v2 = imageVersion(2, 'cd');
    const item = aContentItem({ format: 'infographic', currentVersion: 2, versions: [v1, v2] });
    const resolved = { ...region, resolvedAt: '2026-11-25T10:00:00.000Z', resolvedBy: 'Eda Editor' };
    serve(item, [resolved]);
    const { user } = await open(item);

    await user.click(await screen.findByRole('button', { name: 'Compare versions' }));
    expect(screen.getAllByRole('group', { name: /^Version [12]:/ })).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'Wipe' }));
    const top = screen.getByRole('img', { name: 'Version 2: infographic-v2.png' });
    expect(top.style.clipPath).toBe('inset(0 0 0 50%)');

    const slider = screen.getByRole('slider', { name: 'Wipe position' });
    // jsdom does not move a range input on arrow keys (the browser does): set the value as a drag would.
    fireEvent.change(slider, { target: { value: '80' } });
    expect(top.style.clipPath).toBe('inset(0 0 0 80%)');
    expect(slider.getAttribute('aria-valuetext')).toBe('80%: version 1 on the left, version 2 on the right');

    const changes = screen.getByRole('region', { name: 'What changed from version 1 to version 2' });
    expect(within(changes).getByRole('row', { name: /Note for reviewers changed — Reference added under the chart/ })).toBeTruthy();
    expect(within(changes).getByRole('row', { name: /^Dimensions 1600 × 800 1600 × 800$/ })).toBeTruthy();
    const threads = screen.getByRole('region', { name: '1 thread resolved on the way' });
    expect(within(threads).getByText(/Reference missing under the chart/)).toBeTruthy();
  });
});
