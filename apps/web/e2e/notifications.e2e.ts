// Journey: the bell. A reviewer who has read everything sees the bell count a new task once an editor
// submits an item (the bell polls; no reload), opens the notification centre and goes to the item.
import type { Browser } from 'playwright-core';
import { expectAccessible, itemHeader, launchBrowser, screenshot, see, signIn } from './support/browser';
import { anInfographicInReview, apiAs, dayAhead, uniqueTitle } from './support/factories';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('after an editor submits, the reviewer’s bell shows the new task, which leads to the item', async () => {
  const medical = await signIn(browser, 'medical');
  const { page } = medical;
  await page.goto('/notifications');
  await see(page.getByRole('heading', { level: 1, name: 'Notifications' }));
  // The count is on screen once the list has loaded: only then does the button say whether anything is unread.
  await see(page.getByRole('status').filter({ hasText: /unread/ }));
  const markAll = page.getByRole('button', { name: 'Mark all as read' });
  if (await markAll.isEnabled()) await markAll.click();
  await see(page.getByRole('link', { name: 'Notifications, 0 unread' }));
  await page.goto('/calendar');

  const title = uniqueTitle('E2E infographic: the bell');
  const item = await anInfographicInReview(await apiAs('editor'), title, dayAhead(2, 10));

  // The bell polls every 30 s: the count arrives without a reload (other journeys, running beside this
  // one, may give the medical reviewer tasks too: at least one unread).
  const bell = page.getByRole('link', { name: /^Notifications, [1-9]\d* unread$/ });
  await bell.waitFor({ state: 'visible', timeout: 45_000 });
  await screenshot(page, '60-bell-new-task');
  await bell.click();
  const list = page.getByRole('list', { name: 'Notifications' });
  await see(list.getByText(new RegExp(`Review “${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}” \\(Medical lane\\)`)));
  await expectAccessible(page);
  await screenshot(page, '61-notification-centre');
  await list.getByRole('link', { name: `Open “${title}”` }).click();
  await see(itemHeader(page, title));
  expect(page.url()).toContain(`/items/${item.id}`);
}, 120_000);
