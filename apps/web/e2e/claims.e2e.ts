// Journey: claims as the source of truth. An editor plans a reuse of an approved item and watches the
// server's fast-track preview turn into a full review when she adds a claim the library has not
// approved; a medical reviewer opens a claim's reference document from the substantiation panel.
import type { Browser } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { DEMO_PASSWORD, launchBrowser, screenshot, see, signIn } from './support/browser';
import { aPng, apiAs, approveLane, dayAhead, uniqueTitle, type ApiItem, previewsReady } from './support/factories';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// A one-page PDF: the reference document a medical reviewer opens.
const REFERENCE_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);

test('a reuse shows its fast-track preview change with an unapproved claim, and a medical reviewer opens a reference from the substantiation panel', async () => {
  const editorApi = await apiAs('editor');
  const code = `E2E-${randomUUID().slice(0, 6).toUpperCase()}`;
  const claim = (await (await editorApi.post('/api/claims', { data: { code, product: 'Cardiovex', statement: 'Réduit de 20 % les hospitalisations (essai pivot)' } })).json()) as { id: string };
  const reference = await editorApi.post(`/api/claims/${claim.id}/references`, {
    multipart: { citation: 'McMurray JJV et al. N Engl J Med 2014;371:993-1004', locator: 'Table 2', file: { name: 'pivotal-trial.pdf', mimeType: 'application/pdf', buffer: REFERENCE_PDF } },
  });
  expect(reference.status()).toBe(201);
  expect((await editorApi.post(`/api/claims/${claim.id}/submit`)).status()).toBe(200);
  for (const lane of ['medical', 'regulatory'] as const) {
    const reviewer = await apiAs(lane);
    expect((await reviewer.post(`/api/claims/${claim.id}/reviews`, { data: { lane, decision: 'approve', password: DEMO_PASSWORD } })).status()).toBe(200);
  }

  // An approved source making that claim.
  const sourceTitle = uniqueTitle('E2E approved source infographic');
  const source = (await (await editorApi.post('/api/content-items', { data: { title: sourceTitle, format: 'infographic', plannedAt: `${dayAhead(2, 4)}T08:00:00Z`, claimIds: [claim.id] } })).json()) as ApiItem;
  const png = await aPng('source.png', '#2a7a4a');
  await editorApi.post(`/api/content-items/${source.id}/versions`, { multipart: { file: { name: png.name, mimeType: 'image/png', buffer: await fs.readFile(png.path) } } });
  await editorApi.post(`/api/content-items/${source.id}/submit`);
  for (const lane of ['marketing', 'medical', 'regulatory'] as const) await approveLane(await apiAs(lane), source.id, lane);

  // The editor plans a reuse: the preview says regulatory only, then full review with HF-007 (a draft claim of the demo).
  const editor = await signIn(browser, 'editor');
  const { page } = editor;
  await page.waitForURL('**/calendar**');
  await page.getByRole('button', { name: 'New item' }).click();
  const create = page.getByRole('dialog', { name: 'Plan a new item' });
  await create.getByLabel('Title').fill(uniqueTitle('E2E reuse for social'));
  await create.getByLabel('Format').selectOption({ label: 'Infographic' });
  await create.getByLabel('Reused from').fill(sourceTitle);
  await create.getByRole('list', { name: 'Approved items' }).getByRole('button', { name: sourceTitle }).click();
  await see(create.locator('.picked-source').getByText(sourceTitle));
  await create.getByLabel('Claims', { exact: true }).fill(code);
  await create.getByRole('list', { name: 'Claims in the library' }).getByRole('button', { name: code }).click();
  const preview = create.locator('.fast-track-preview');
  await see(preview.filter({ hasText: 'Regulatory only' }));
  await see(preview.filter({ hasText: code }));
  await screenshot(page, '20-reuse-fast-track-preview');
  await create.getByLabel('Claims', { exact: true }).fill('HF-007');
  await create.getByRole('list', { name: 'Claims in the library' }).getByRole('button', { name: /HF-007/ }).click();
  await see(preview.filter({ hasText: 'Full review' }));
  await see(preview.filter({ hasText: 'HF-007 is draft in the claims library' }));
  await screenshot(page, '21-reuse-full-review-preview');
  await create.getByRole('button', { name: 'Remove HF-007' }).click();
  await see(preview.filter({ hasText: 'Regulatory only' }));
  await create.getByRole('button', { name: 'Create item' }).click();
  await create.waitFor({ state: 'hidden' });

  // A new item making the claim, marked on the image, is in review; the medical reviewer checks its substantiation.
  const itemTitle = uniqueTitle('E2E item with a referenced claim');
  const item = (await (
    await editorApi.post('/api/content-items', {
      data: { title: itemTitle, format: 'infographic', plannedAt: `${dayAhead(2, 6)}T08:00:00Z`, claimIds: [claim.id], claimAnchors: [{ claimId: claim.id, anchor: { kind: 'rect', x: 0.1, y: 0.2, width: 0.5, height: 0.3 } }] },
    })
  ).json()) as ApiItem;
  await editorApi.post(`/api/content-items/${item.id}/versions`, { multipart: { file: { name: png.name, mimeType: 'image/png', buffer: await fs.readFile(png.path) } } });
  await editorApi.post(`/api/content-items/${item.id}/submit`);
  // The anchor is drawn on the preview: wait for it, as a reviewer would see it appear.
  await previewsReady(editorApi, item.id);

  const medical = await signIn(browser, 'medical');
  await medical.page.goto(`/items/${item.id}`);
  await medical.page.getByRole('tab', { name: /^Claims/ }).click();
  const panel = medical.page.getByRole('region', { name: 'Substantiation' });
  await see(panel.getByText(code));
  await panel.getByRole('button', { name: 'References' }).click();
  const open = panel.getByRole('link', { name: 'open pivotal-trial.pdf' });
  await see(open);
  const [answer] = await Promise.all([medical.page.context().waitForEvent('response', (r) => r.url().includes(`/api/claims/${claim.id}/references/`)), open.click()]);
  expect(answer.status()).toBe(200);
  expect(answer.headers()['content-type']).toContain('application/pdf');
  // The bytes behind the link, read with the reviewer's own session, are the uploaded document.
  const href = await open.getAttribute('href');
  const document = await medical.page.request.get(href ?? '');
  expect(Buffer.from(await document.body()).equals(REFERENCE_PDF)).toBe(true);
  await panel.getByRole('button', { name: /Show where/ }).click();
  await see(panel.getByRole('status', { name: `Where the asset makes ${code}` }));
  await screenshot(medical.page, '22-substantiation-panel');
  expect([...editor.errors, ...medical.errors]).toEqual([]);
});
