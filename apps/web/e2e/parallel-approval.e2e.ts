// Journey 1: from the calendar to the rep's download. The editor plans an infographic, uploads it and
// submits it; marketing, medical and regulatory sign their approvals at the same time; the rep finds
// the approved file in the library and downloads exactly what was approved.
import type { Browser } from 'playwright-core';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { DEMO_PASSWORD, LANES, itemHeader, lane, launchBrowser, screenshot, see, signIn, stopSeeing, type DemoUser } from './support/browser';
import { aPng, dayAhead, monthOfDay, uniqueTitle } from './support/factories';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const REVIEWERS: Array<{ who: DemoUser; lane: (typeof LANES)[number] }> = [
  { who: 'marketing', lane: 'Marketing' },
  { who: 'medical', lane: 'Medical' },
  { who: 'regulatory', lane: 'Regulatory' },
];

test('an infographic planned on the calendar is approved by the three lanes in parallel and downloaded by a rep', async () => {
  const title = uniqueTitle('E2E infographic: heart failure warning signs');
  const day = dayAhead(3, 10);
  const png = await aPng('heart-failure-signs.png');

  // The editor plans the item from the calendar.
  const editor = await signIn(browser, 'editor', { screenshot: '01-login' });
  const { page } = editor;
  await page.waitForURL('**/calendar**');
  await see(page.getByRole('heading', { name: 'Editorial calendar' }));
  await page.getByRole('button', { name: 'New item' }).click();
  const create = page.getByRole('dialog', { name: 'Plan a new item' });
  await create.getByLabel('Title').fill(title);
  await create.getByLabel('Format').selectOption({ label: 'Infographic' });
  await create.getByLabel('Planned for').fill(`${day}T09:00`);
  // Channels and segments are chips from the admins' lists (the demo seeds them): each toggles on click.
  const channels = create.getByRole('group', { name: 'Channels' });
  await channels.getByRole('button', { name: 'email', exact: true }).click();
  await channels.getByRole('button', { name: 'rep-visit', exact: true }).click();
  await create.getByRole('group', { name: 'Segments' }).getByRole('button', { name: 'patient-driven', exact: true }).click();
  await screenshot(page, '03-create-item-dialog');
  await create.getByRole('button', { name: 'Create item' }).click();
  await see(page.getByRole('status').filter({ hasText: `“${title}” is planned for` }));

  // It shows on its day in the month grid; its card opens the workspace.
  await page.goto(`/calendar?month=${monthOfDay(day)}`);
  const card = page.getByRole('link', { name: title }).first();
  await see(card);
  await screenshot(page, '02-calendar');
  await card.click();
  await see(itemHeader(page, title).getByText('Draft', { exact: true }));
  const itemId = new URL(page.url()).pathname.split('/').pop() ?? '';

  // Upload the infographic, then submit it.
  // Versions and their upload are in the side panel's Details tab; the lanes in its Reviews tab.
  await page.getByRole('tab', { name: 'Details' }).click();
  await page.getByLabel('File', { exact: true }).setInputFiles(png.path);
  await page.getByLabel('Note for reviewers').fill('First layout');
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  const versions = page.getByRole('region', { name: 'Versions' });
  await see(versions.getByText('Version 1'));
  await see(versions.getByText(png.name, { exact: false }));
  await page.getByRole('tab', { name: 'Reviews' }).click();
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await see(page.getByRole('status').filter({ hasText: 'Submitted: the three reviews have started.' }));
  await see(itemHeader(page, title).getByText('In review', { exact: true }));
  for (const name of LANES) await see(lane(page, name).getByText('Waiting for decision', { exact: true }));
  await screenshot(page, '04-item-workspace');

  // Three reviewers, each in their own browser context, open it from their inbox and sign at once.
  const reviewers = await Promise.all(
    REVIEWERS.map(async ({ who, lane: laneName }) => {
      const reviewer = await signIn(browser, who);
      const p = reviewer.page;
      await see(p.getByRole('heading', { name: 'Reviews waiting for me' }));
      const inboxLink = p.getByRole('link', { name: title }).first();
      await see(inboxLink);
      if (who === 'marketing') await screenshot(p, '05-reviewer-inbox');
      await inboxLink.click();
      await p.getByRole('button', { name: `Approve… (${laneName})` }).click();
      const dialog = p.getByRole('dialog', { name: 'Sign your approval' });
      await see(dialog.getByText(`I approve this content version (${laneName.toLowerCase()} review).`));
      await see(dialog.getByText(`Version 1 · ${png.name}`));
      await dialog.getByLabel('Your password').fill(DEMO_PASSWORD);
      if (who === 'medical') await screenshot(p, '06-signature-dialog');
      return { ...reviewer, dialog, laneName };
    }),
  );
  await Promise.all(
    reviewers.map(async ({ page: p, dialog }) => {
      await dialog.getByRole('button', { name: 'Sign', exact: true }).click();
      await dialog.waitFor({ state: 'hidden' });
      await see(p.getByRole('status').filter({ hasText: 'Your signed decision is recorded.' }));
      // Decided: it leaves the reviewer's inbox.
      await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reviews' }).click();
      await see(p.getByRole('heading', { name: 'Reviews waiting for me' }));
      await stopSeeing(p.getByRole('link', { name: title }).first());
    }),
  );

  // Everyone now sees it approved, each lane approved by its reviewer.
  await page.reload();
  await see(itemHeader(page, title).getByText('Approved', { exact: true }));
  for (const name of LANES) await see(lane(page, name).getByText('Approved', { exact: true }));
  await see(lane(page, 'Medical').getByText('Dr Claire Martin'));
  await page.getByRole('navigation', { name: 'Item sections' }).getByRole('link', { name: 'Audit trail' }).click();
  await see(page.getByRole('heading', { name: 'Audit trail' }));
  await see(page.getByText('Chain verified'));
  await screenshot(page, '08-audit-tab');

  // The rep finds it in the library (served by GET /api/library) and downloads the approved file.
  const rep = await signIn(browser, 'rep');
  await rep.page.waitForURL('**/library**');
  const [libraryAnswer] = await Promise.all([
    rep.page.waitForResponse((r) => new URL(r.url()).pathname === '/api/library' && r.request().method() === 'GET'),
    rep.page.reload(),
  ]);
  expect(libraryAnswer.status()).toBe(200);
  await see(rep.page.getByRole('heading', { name: 'Library', level: 1 }));
  const searched = rep.page.waitForResponse((r) => new URL(r.url()).pathname === '/api/library' && new URL(r.url()).searchParams.get('q') === title);
  await rep.page.getByRole('search', { name: 'Search the library' }).getByRole('searchbox').fill(title);
  expect((await searched).status()).toBe(200);
  const download = rep.page.getByRole('link', { name: `Download ${title}` });
  await see(download);
  await stopSeeing(rep.page.getByRole('listitem').filter({ hasNot: rep.page.getByRole('heading', { name: title }) }).getByRole('link', { name: /^Download/ }));
  expect(await download.getAttribute('href')).toBe(`/api/library/${itemId}/download`);
  await screenshot(rep.page, '07-library');
  const [file] = await Promise.all([rep.page.waitForEvent('download'), download.click()]);
  expect(await file.failure()).toBeNull();
  const downloaded = await fs.readFile(await file.path());
  expect(createHash('sha256').update(downloaded).digest('hex')).toBe(png.sha256);

  for (const session of [editor, rep, ...reviewers]) expect(session.errors).toEqual([]);
});
