// Journey 5: the proofing workspace at 1440×900. The preview fills the main area, a comment mark
// stays over its spot of the image while zooming, and two versions compare side by side (zoomed
// together), as a wipe and as a pixel difference, with what changed between them.
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, screenshot, see, signIn } from './support/browser';
import { aDraftInfographic, aLayoutPng, aThread, apiAs, dayAhead, previewsReady, resolveThread, uniqueTitle, uploadVersion } from './support/factories';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const VIEWPORT = { width: 1440, height: 900 };
const MARK = { kind: 'region', x: 0.55, y: 0.35, width: 0.2, height: 0.2 } as const;

/** Where the centre of `mark` lies on `image`, as fractions of the image's drawn box. */
async function markOnImage(mark: Locator, image: Locator): Promise<{ x: number; y: number; width: number }> {
  const [m, i] = await Promise.all([mark.boundingBox(), image.boundingBox()]);
  if (!m || !i) throw new Error('mark or image not drawn');
  return { x: (m.x + m.width / 2 - i.x) / i.width, y: (m.y + m.height / 2 - i.y) / i.height, width: m.width };
}

async function transformOf(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((els) => els.map((el) => getComputedStyle(el).transform));
}

test(
  'a reviewer zooms into the preview with the comment mark in place, then compares two versions',
  async () => {
    const title = uniqueTitle('E2E infographic: the proofing workspace');
    const editorApi = await apiAs('editor');
    const medicalApi = await apiAs('medical');
    const item = await aDraftInfographic(editorApi, title, dayAhead(4, 9));
    await uploadVersion(editorApi, item.id, await aLayoutPng('layout-v1.png', { x: 0.1, y: 0.2 }), 'First layout');
    const earlier = await aThread(medicalApi, item.id, { versionNumber: 1, body: 'Move the block away from the legend.' });
    await uploadVersion(editorApi, item.id, await aLayoutPng('layout-v2.png', { x: 0.55, y: 0.35 }), 'Block moved right');
    await resolveThread(editorApi, item.id, earlier.id);
    await aThread(medicalApi, item.id, { versionNumber: 2, body: 'Cite the source of this figure.', anchor: MARK });
    await previewsReady(editorApi, item.id);

    const medical = await signIn(browser, 'medical', { viewport: VIEWPORT });
    const { page } = medical;
    await page.goto(`/items/${item.id}`);

    // The preview takes the main area: at least 60% of the screen, the image at least 800 px wide.
    const image = page.getByRole('img', { name: 'layout-v2.png', exact: true });
    await see(image);
    await page.waitForFunction(() => document.querySelector<HTMLImageElement>('.zoom-image')?.complete === true);
    const area = await page.getByRole('region', { name: 'Asset' }).boundingBox();
    expect(area!.width).toBeGreaterThanOrEqual(0.6 * VIEWPORT.width);
    expect((await image.boundingBox())!.width).toBeGreaterThanOrEqual(800);
    const mark = page.locator('.region-box[data-mark="#1"]');
    await see(mark);
    const atFit = await markOnImage(mark, image);
    expect(atFit.x).toBeCloseTo(MARK.x + MARK.width / 2, 2);
    expect(atFit.y).toBeCloseTo(MARK.y + MARK.height / 2, 2);
    await screenshot(page, '14-workspace-1440');

    // Zoom with the buttons, then with the wheel over the mark: it grows and stays on its spot.
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    const box = (await mark.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -300);
    await page.waitForFunction(() => document.querySelector('.zoom-level')?.textContent !== '156%');
    const zoomed = await markOnImage(mark, image);
    expect(zoomed.width).toBeGreaterThan(atFit.width * 1.5);
    expect(zoomed.x).toBeCloseTo(atFit.x, 2);
    expect(zoomed.y).toBeCloseTo(atFit.y, 2);
    // The wheel zoomed around the pointer: the mark's centre is still under it.
    const after = (await mark.boundingBox())!;
    expect(Math.abs(after.x + after.width / 2 - (box.x + box.width / 2))).toBeLessThan(3);
    await screenshot(page, '15-workspace-zoomed');

    // Compare: two versions side by side, zoomed and panned together.
    await page.getByRole('button', { name: 'Compare versions' }).click();
    const left = page.getByRole('img', { name: 'Version 1: layout-v1.png' });
    const right = page.getByRole('img', { name: 'Version 2: layout-v2.png' });
    await see(left);
    await see(right);
    const [l, r] = [(await left.boundingBox())!, (await right.boundingBox())!];
    expect(Math.abs(l.y - r.y)).toBeLessThan(2);
    expect(r.x).toBeGreaterThan(l.x + l.width - 1);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    const [t1, t2] = await transformOf(page, '.compare-side .zoom-asset');
    expect(t1).not.toBe('none');
    expect(t1).toBe(t2);
    await see(page.getByRole('region', { name: '1 thread resolved on the way' }).getByText('Move the block away from the legend.', { exact: false }));
    await see(page.getByRole('row', { name: /Note for reviewers changed/ }));
    await screenshot(page, '16-compare-side-by-side');

    // The wipe: version 2 over version 1, right of a line moved from the keyboard.
    await page.getByRole('button', { name: 'Wipe', exact: true }).click();
    const slider = page.getByRole('slider', { name: 'Wipe position' });
    await slider.focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowRight');
    const clip = await page.getByRole('img', { name: 'Version 2: layout-v2.png' }).evaluate((el) => getComputedStyle(el).clipPath);
    expect(clip).toBe('inset(0px 0px 0px 30%)');
    await screenshot(page, '17-compare-wipe');

    // The difference of the two previews, drawn in a canvas.
    await page.getByRole('button', { name: 'Difference', exact: true }).click();
    const share = page.getByRole('status').filter({ hasText: /% of the pixels differ/ });
    await see(share);
    const percent = Number((await share.textContent())!.match(/([\d.]+)%/)![1]);
    expect(percent).toBeGreaterThan(1);
    expect(percent).toBeLessThan(20);
    await screenshot(page, '18-compare-difference');

    expect(medical.errors).toEqual([]);
  },
  240_000,
);
