// Journey 8: the demo as a new user first sees it. This month's calendar is busy on many days, and a
// demo video opens on its poster frame and plays the watermarked preview (not the original file).
import type { Browser } from 'playwright-core';
import { expectAccessible, launchBrowser, screenshot, see, signIn } from './support/browser';
import { apiAs, previewsReady } from './support/factories';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const VIEWPORT = { width: 1440, height: 900 };

test('the demo calendar fills this month, and a video in review shows its poster and plays its watermarked preview', async () => {
  const medical = await signIn(browser, 'medical', { viewport: VIEWPORT });
  const { page } = medical;
  await page.goto('/calendar');
  await see(page.locator('td.day-cell .item-card').first());
  const busyDays = await page.locator('td.day-cell:not(.day-outside)').filter({ has: page.locator('.item-card') }).count();
  expect(busyDays).toBeGreaterThanOrEqual(10);
  await screenshot(page, '30-demo-calendar-month');
  await expectAccessible(page);

  const api = await apiAs('medical');
  const videos = (await (await api.get('/api/content-items?format=video&status=in_review')).json()) as { items: Array<{ id: string; title: string }> };
  const video = videos.items.find((i) => i.title.includes('épisode 3'));
  if (!video) throw new Error(`no demo video in review: ${videos.items.map((i) => i.title).join(', ')}`);
  await previewsReady(api, video.id);

  await page.goto(`/items/${video.id}`);
  const player = page.locator('video.viewer-media');
  await see(player);
  const poster = await player.getAttribute('poster');
  expect(poster).toBeTruthy();
  const posterImage = await page.request.get(poster!);
  expect(posterImage.status()).toBe(200);
  expect(posterImage.headers()['content-type']).toMatch(/^image\//);
  const source = await player.evaluate((v: HTMLVideoElement) => v.currentSrc || v.src);
  expect(source).not.toMatch(/\/original/);
  const file = await page.request.get(source);
  expect(file.headers()['content-type']).toBe('video/mp4');

  await player.evaluate((v: HTMLVideoElement) => {
    v.muted = true;
    return v.play();
  });
  await page.waitForFunction(() => (document.querySelector<HTMLVideoElement>('video.viewer-media')?.currentTime ?? 0) > 0.5, undefined, { timeout: 20_000 });
  await screenshot(page, '31-video-preview-playing');
  await expectAccessible(page);
  expect(medical.errors).toEqual([]);
});
