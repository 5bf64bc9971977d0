// Journey: a rep records a share with the doctor's reaction; the editor opens the dashboard from the
// navigation, sees its charts, reads one as a table, and the screen passes the accessibility check.
import type { Browser } from 'playwright-core';
import { expectAccessible, launchBrowser, screenshot, see, signIn } from './support/browser';
import { apiAs } from './support/factories';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('the dashboard renders its charts, with a table view per chart, for the editorial committee', async () => {
  const rep = await apiAs('rep');
  const library = await (await rep.get('/api/library')).json();
  expect(library.items.length).toBeGreaterThan(0);
  const shared = await rep.post(`/api/library/${library.items[0].id}/shares`, {
    data: { channel: 'rep-visit', audienceSegment: 'science-driven', feedback: { useful: true, rating: 5, comment: 'Clear and short' } },
  });
  expect(shared.status()).toBe(201);

  const { page } = await signIn(browser, 'editor', { viewport: { width: 1440, height: 1000 } });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  await see(page.getByRole('heading', { name: 'Dashboard', level: 1 }));
  await see(page.getByRole('table', { name: 'Key figures' }));
  const topShared = page.getByRole('region', { name: 'Most shared items' });
  await see(topShared.locator('svg.recharts-surface'));
  await see(page.getByRole('region', { name: 'Satisfaction per format' }).locator('svg.recharts-surface'));
  await screenshot(page, '60-dashboard');

  await topShared.getByRole('button', { name: 'Show as table' }).click();
  await see(topShared.getByRole('table', { name: 'Most shared items' }).getByRole('rowheader', { name: library.items[0].title }));
  await expectAccessible(page);
});
