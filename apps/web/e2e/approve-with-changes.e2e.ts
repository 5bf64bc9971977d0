// Journey 5: an approval with changes. Medical approves on condition of a listed change; the editor
// uploads the corrected version; only medical confirms it (the other approvals carry forward), and
// the corrected file reaches the rep library.
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD, itemHeader, lane, launchBrowser, screenshot, see, signIn } from './support/browser';
import { aPng, anInfographicInReview, apiAs, approveLane, dayAhead, getItem, uniqueTitle } from './support/factories';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('a lane approves with changes, the fix is confirmed by that lane only, and the item reaches the rep library', async () => {
  const title = uniqueTitle('E2E infographic: approve with changes');
  const changes = 'Add the study year under the chart.';
  const editorApi = await apiAs('editor');
  const item = await anInfographicInReview(editorApi, title, dayAhead(3, 14));
  await approveLane(await apiAs('marketing'), item.id, 'marketing');
  await approveLane(await apiAs('regulatory'), item.id, 'regulatory');

  const medical = await signIn(browser, 'medical');
  await medical.page.goto(`/items/${item.id}`);
  await medical.page.getByRole('button', { name: 'Approve with changes… (Medical)' }).click();
  const dialog = medical.page.getByRole('dialog', { name: 'Sign your approval with changes' });
  await see(dialog.getByText(/I approve this content version on condition of the changes listed \(medical review\)/));
  await dialog.getByLabel(/Changes to make/).fill(changes);
  await dialog.getByLabel('Your password').fill(DEMO_PASSWORD);
  await screenshot(medical.page, '20-approve-with-changes-dialog');
  await dialog.getByRole('button', { name: 'Sign', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  await see(itemHeader(medical.page, title).getByText('Approved with changes', { exact: true }));

  const editor = await signIn(browser, 'editor');
  const { page } = editor;
  await page.goto(`/items/${item.id}`);
  await see(lane(page, 'Medical').getByText(changes));
  const v2 = await aPng('version-2-fixed.png', '#3366cc');
  // Versions and their upload are in the side panel's Details tab; the lanes in its Reviews tab.
  await page.getByRole('tab', { name: 'Details' }).click();
  await page.getByLabel('File', { exact: true }).setInputFiles(v2.path);
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  const versions = page.getByRole('region', { name: 'Versions' });
  await see(versions.getByRole('listitem').filter({ hasText: 'Version 2' }).getByText('current', { exact: true }));
  await page.getByRole('tab', { name: 'Reviews' }).click();
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await see(lane(page, 'Marketing').getByText('Approval carried forward', { exact: true }));
  await see(lane(page, 'Regulatory').getByText('Approval carried forward', { exact: true }));
  await see(lane(page, 'Medical').getByText('Waiting for decision', { exact: true }));
  await screenshot(page, '21-confirmation-round');

  await medical.page.reload();
  await medical.page.getByRole('button', { name: 'Approve… (Medical)' }).click();
  const confirm = medical.page.getByRole('dialog', { name: 'Sign your approval' });
  await confirm.getByLabel('Your password').fill(DEMO_PASSWORD);
  await confirm.getByRole('button', { name: 'Sign', exact: true }).click();
  await confirm.waitFor({ state: 'hidden' });
  await see(itemHeader(medical.page, title).getByText('Approved', { exact: true }));
  expect(await getItem(editorApi, item.id)).toMatchObject({ status: 'approved', lanes: { marketing: 'carried_forward', medical: 'approved', regulatory: 'carried_forward' } });

  const repApi = await apiAs('rep');
  const inLibrary = await repApi.get(`/api/library/${item.id}`);
  expect(inLibrary.status()).toBe(200);
  expect((await inLibrary.json()).version).toMatchObject({ number: 2, sha256: v2.sha256 });

  for (const session of [editor, medical]) expect(session.errors).toEqual([]);
});
