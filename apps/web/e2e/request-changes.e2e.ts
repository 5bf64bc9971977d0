// Journey 2: a round of changes. Medical signs a request for changes with a comment; the editor sees
// it, uploads a new version and resubmits; every lane (marketing's earlier approval included) waits again.
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD, LANES, itemHeader, lane, launchBrowser, screenshot, see, signIn } from './support/browser';
import { aPng, anInfographicInReview, apiAs, approveLane, dayAhead, getItem, uniqueTitle } from './support/factories';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('a signed request for changes sends the item back to the editor, whose new version restarts every lane', async () => {
  const title = uniqueTitle('E2E infographic: dosing at a glance');
  const comment = 'Cite the full reference of the pivotal study under the chart.';
  const editorApi = await apiAs('editor');
  const item = await anInfographicInReview(editorApi, title, dayAhead(3, 12));
  await approveLane(await apiAs('marketing'), item.id, 'marketing');

  // Medical requests changes from the workspace, with a comment, through the signature dialog.
  const medical = await signIn(browser, 'medical');
  await medical.page.getByRole('link', { name: title }).first().click();
  await medical.page.getByRole('button', { name: 'Request changes… (Medical)' }).click();
  const dialog = medical.page.getByRole('dialog', { name: 'Sign your request for changes' });
  await see(dialog.getByText('I request changes to this content version (medical review).'));
  await dialog.getByLabel('Comment').fill(comment);
  await dialog.getByLabel('Your password').fill(DEMO_PASSWORD);
  await screenshot(medical.page, '09-request-changes-dialog');
  await dialog.getByRole('button', { name: 'Sign', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  await see(lane(medical.page, 'Medical').getByText('Changes requested', { exact: true }));

  // The editor sees why, uploads version 2 and resubmits.
  const editor = await signIn(browser, 'editor');
  const { page } = editor;
  await page.goto(`/items/${item.id}`);
  await see(itemHeader(page, title).getByText('Changes requested', { exact: true }));
  await see(lane(page, 'Medical').getByText(comment));
  await see(lane(page, 'Marketing').getByText('Approved', { exact: true }));
  await screenshot(page, '10-changes-requested');
  const v2 = await aPng('version-2.png', '#cc6633');
  // Versions and their upload are in the side panel's Details tab; the lanes in its Reviews tab.
  await page.getByRole('tab', { name: 'Details' }).click();
  await page.getByLabel('File', { exact: true }).setInputFiles(v2.path);
  await page.getByLabel('Note for reviewers').fill('Full reference added');
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  const versions = page.getByRole('region', { name: 'Versions' });
  await see(versions.getByRole('listitem').filter({ hasText: 'Version 2' }).getByText('current', { exact: true }));
  await page.getByRole('tab', { name: 'Reviews' }).click();
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await see(page.getByRole('status').filter({ hasText: 'Submitted: the three reviews have started.' }));
  await see(itemHeader(page, title).getByText('In review', { exact: true }));
  for (const name of LANES) {
    await see(lane(page, name).getByText('Waiting for decision', { exact: true }));
    await see(lane(page, name).getByText('No decision on this version yet.'));
  }

  // The reviewers' decisions now bear on version 2.
  await medical.page.reload();
  await see(medical.page.getByRole('button', { name: 'Approve… (Medical)' }));
  const stored = await getItem(editorApi, item.id);
  expect(stored).toMatchObject({ status: 'in_review', currentVersion: 2, lanes: { marketing: 'pending', medical: 'pending', regulatory: 'pending' } });

  for (const session of [editor, medical]) expect(session.errors).toEqual([]);
});
