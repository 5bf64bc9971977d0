// Journey: a 2-of-3 medical reviewer group. The admin sets the group up for one product; the item is
// submitted; two of the three medical reviewers sign in their own browsers at the same time and the
// medical lane shows approved, while the third reviewer's task closes (the quorum was reached).
import type { Browser } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import { lane, launchBrowser, screenshot, see, signIn, signInWith, stopSeeing } from './support/browser';
import { anInfographicInReview, apiAs, aUser, dayAhead, uniqueTitle } from './support/factories';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('two of three medical reviewers approve in their own browsers and the medical lane shows approved', async () => {
  // The admin creates three medical reviewers and a 2-of-3 group for a product only this journey uses.
  const admin = await apiAs('admin');
  const product = `Cardiva E2E ${randomUUID().slice(0, 8)}`;
  const members = [await aUser(admin, 'Dr Anne Aubert', ['medical_reviewer']), await aUser(admin, 'Dr Bruno Blanc', ['medical_reviewer']), await aUser(admin, 'Dr Chloé Caron', ['medical_reviewer'])];
  const group = await admin.post('/api/review-groups', {
    data: { name: `Heart failure medical ${product}`, lane: 'medical', memberIds: members.map((m) => m.id), quorum: { rule: 'n_of_m', n: 2 }, products: [product] },
  });
  expect(group.status()).toBe(201);

  // The admin sees it on the groups screen.
  const adminPage = await signIn(browser, 'admin');
  await adminPage.page.goto('/admin/groups');
  await see(adminPage.page.getByRole('heading', { name: 'Reviewer groups' }));
  await see(adminPage.page.getByRole('cell', { name: `Heart failure medical ${product}`, exact: true }));
  await see(adminPage.page.getByRole('row').filter({ hasText: product }).getByText('2 of 3'));
  await screenshot(adminPage.page, '20-reviewer-groups');

  const title = uniqueTitle('E2E infographic: quorum of the heart-failure group');
  const item = await anInfographicInReview(await apiAs('editor'), title, dayAhead(4, 8), { product });

  // Two members open the item from their inbox, in their own browser contexts.
  const [first, second, third] = await Promise.all(members.map((m) => signInWith(browser, m.email, m.password)));
  const signers = await Promise.all(
    [first, second].map(async (reviewer, i) => {
      const p = reviewer.page;
      await see(p.getByRole('heading', { name: 'Reviews waiting for me' }));
      await p.getByRole('link', { name: title }).click();
      const medical = lane(p, 'Medical');
      await see(medical.getByText('0 of 3 medical reviewers approved · 2 approvals needed'));
      await see(medical.getByText('One request for changes ends the round for everyone.'));
      if (i === 0) await screenshot(p, '21-group-lane-before');
      await p.getByRole('button', { name: 'Approve… (Medical)' }).click();
      const dialog = p.getByRole('dialog', { name: 'Sign your approval' });
      await dialog.getByLabel('Your password').fill(members[i].password);
      return { page: p, dialog };
    }),
  );
  // Both sign at the same moment: each approval counts once.
  await Promise.all(
    signers.map(async ({ page, dialog }) => {
      await dialog.getByRole('button', { name: 'Sign', exact: true }).click();
      await dialog.waitFor({ state: 'hidden' });
      await see(page.getByRole('status').filter({ hasText: 'Your signed decision is recorded.' }));
    }),
  );

  // The lane shows approved, with both signatures counted.
  const p = first.page;
  await p.reload();
  const medical = lane(p, 'Medical');
  await see(medical.getByText('Approved', { exact: true }));
  await see(medical.getByText('2 of 3 medical reviewers approved · 2 approvals needed'));
  await see(medical.getByRole('list', { name: 'Medical reviewers' }).getByRole('listitem').filter({ hasText: 'Dr Chloé Caron' }).getByText('No decision needed'));
  await stopSeeing(p.getByRole('button', { name: 'Approve… (Medical)' }));
  await screenshot(p, '22-group-lane-approved');

  // The third member's task closed: not waiting in their inbox, and listed as done.
  await see(third.page.getByRole('heading', { name: 'Reviews waiting for me' }));
  await third.page.reload();
  await see(third.page.getByRole('heading', { name: 'Reviews waiting for me' }));
  await stopSeeing(third.page.getByRole('link', { name: title }));
  await third.page.getByRole('link', { name: /^Done/ }).click();
  await see(third.page.getByRole('row').filter({ hasText: title }).getByText('Closed: the lane reached its quorum'));

  const answer = await (await apiAs('editor')).get(`/api/content-items/${item.id}`);
  expect((await answer.json()).laneProgress.medical).toMatchObject({ approvals: 2, required: 2 });
  for (const session of [adminPage, first, second, third]) expect(session.errors).toEqual([]);
});
