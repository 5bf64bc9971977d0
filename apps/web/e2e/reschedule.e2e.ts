// Journey 3: moving planned content on the month grid, by drag and drop and by keyboard; the new
// date is the server's, still there after a reload, at the same time of day.
import type { Browser, Page } from 'playwright-core';
import { dayCell, launchBrowser, screenshot, see, signIn, stopSeeing } from './support/browser';
import { aDraftInfographic, apiAs, dayAhead, getItem, monthOfDay, uniqueTitle } from './support/factories';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

function waitForReschedule(page: Page, itemId: string) {
  return page.waitForResponse((r) => r.request().method() === 'PATCH' && new URL(r.url()).pathname === `/api/content-items/${itemId}`);
}

test('an editor drags an item to another day, then moves it again from the keyboard', async () => {
  const title = uniqueTitle('E2E infographic teaser');
  const [from, dropped, typed] = [dayAhead(3, 14), dayAhead(3, 16), dayAhead(3, 20)];
  const editorApi = await apiAs('editor');
  const item = await aDraftInfographic(editorApi, title, from);

  const editor = await signIn(browser, 'editor');
  const { page } = editor;
  await page.goto(`/calendar?month=${monthOfDay(from)}`);
  const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: title }) });
  await see(dayCell(page, from).getByRole('link', { name: title }));
  const time = await card.getByText(/^\d\d:\d\d$/).textContent();

  // Drag and drop onto another day.
  const [moved] = await Promise.all([waitForReschedule(page, item.id), card.dragTo(dayCell(page, dropped))]);
  expect(moved.status()).toBe(200);
  await see(dayCell(page, dropped).getByRole('link', { name: title }));
  await page.reload();
  await see(dayCell(page, dropped).getByRole('link', { name: title }));
  await stopSeeing(dayCell(page, from).getByRole('link', { name: title }));
  expect(await card.getByText(/^\d\d:\d\d$/).textContent()).toBe(time);

  // The keyboard way: the card's Reschedule button opens a dialog with the new date.
  await page.getByRole('button', { name: `Reschedule “${title}”` }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: `Reschedule “${title}”` });
  const date = dialog.getByLabel('New date');
  await see(date);
  expect(await date.evaluate((el) => el === document.activeElement)).toBe(true);
  await date.fill(typed);
  await screenshot(page, '11-reschedule-dialog');
  const [movedAgain] = await Promise.all([waitForReschedule(page, item.id), page.keyboard.press('Enter')]);
  expect(movedAgain.status()).toBe(200);
  await stopSeeing(dialog);
  await page.reload();
  await see(dayCell(page, typed).getByRole('link', { name: title }));
  await stopSeeing(dayCell(page, dropped).getByRole('link', { name: title }));
  expect(await card.getByText(/^\d\d:\d\d$/).textContent()).toBe(time);
  await screenshot(page, '12-calendar-after-reschedule');

  // Six days later, to the minute: only the day changed.
  const stored = await getItem(editorApi, item.id);
  expect(new Date(stored.plannedAt).getTime() - new Date(item.plannedAt).getTime()).toBe(6 * 86_400_000);
  expect(editor.errors).toEqual([]);
});
