// Journey 4: a signature with the wrong password. The dialog shows the server's reason, the reviewer
// stays signed in, and nothing is recorded: the lane still waits.
import type { Browser } from 'playwright-core';
import { itemHeader, lane, launchBrowser, screenshot, see, signIn } from './support/browser';
import { anInfographicInReview, apiAs, dayAhead, getDecisions, getItem, uniqueTitle } from './support/factories';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('a wrong signature password shows the server’s message in the dialog and approves nothing', async () => {
  const title = uniqueTitle('E2E infographic: pivotal study data');
  const editorApi = await apiAs('editor');
  const item = await anInfographicInReview(editorApi, title, dayAhead(3, 22));

  const regulatory = await signIn(browser, 'regulatory');
  const { page } = regulatory;
  await page.getByRole('link', { name: title }).click();
  await page.getByRole('button', { name: 'Approve… (Regulatory)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign your approval' });
  await dialog.getByLabel('Your password').fill('not-my-password');
  const [answer] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === `/api/content-items/${item.id}/reviews`),
    dialog.getByRole('button', { name: 'Sign', exact: true }).click(),
  ]);
  expect(answer.status()).toBe(401);
  const { message } = (await answer.json()) as { message: string };
  expect(message).toMatch(/password/i);
  await see(dialog.getByRole('alert').filter({ hasText: message }));
  await screenshot(page, '13-signature-refused');

  // Still signed in, still on the item; cancelling leaves the lane waiting.
  expect(new URL(page.url()).pathname).toBe(`/items/${item.id}`);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.reload();
  await see(itemHeader(page, title).getByText('In review', { exact: true }));
  await see(lane(page, 'Regulatory').getByText('Waiting for decision', { exact: true }));
  await see(page.getByRole('button', { name: 'Approve… (Regulatory)' }));
  expect(await getDecisions(editorApi, item.id)).toEqual([]);
  expect((await getItem(editorApi, item.id)).lanes.regulatory).toBe('pending');
  expect(regulatory.errors).toEqual([]);
});
