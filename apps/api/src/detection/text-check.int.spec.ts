import type { Claim, ContentItem, TextCheck } from '@vetted/contracts';
import { approvedClaim } from '../testing/claims-factory.js';
import { newReviewTeam, type ReviewTeam } from '../testing/content-factory.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { textImage, textPdf } from '../testing/text-fixtures.js';
import { DetectionService } from './detection.service.js';

const PRODUCT = 'Detectia';

describe('claim detection', () => {
  let t: TestApp;
  let team: ReviewTeam;
  let hf1: Claim;
  let hf2: Claim;

  beforeAll(async () => {
    t = await createTestApp({ TEXT_CHECK_WAIT_SECONDS: '1' });
    team = await newReviewTeam(t);
    const people = { editor: team.editor, medical: team.medical, regulatory: team.regulatory };
    hf1 = await approvedClaim(t, people, { code: 'DT-001', product: PRODUCT, statement: 'Detectia réduit de 21 % les hospitalisations pour insuffisance cardiaque.' });
    hf2 = await approvedClaim(t, people, { code: 'DT-002', product: PRODUCT, statement: 'Detectia est bien toléré chez les patients âgés.', translations: { en: 'Detectia is well tolerated in elderly patients.' } });
  }, 60_000);
  afterAll(() => t?.close());

  const detection = () => t.app.get(DetectionService);
  const textCheck = async (itemId: string, number = 1): Promise<TextCheck> => {
    const res = await t.http(team.medical.token).get(`/api/content-items/${itemId}/versions/${number}/text-check`);
    expect(res.status).toBe(200);
    return res.body;
  };

  async function itemWithFile(file: { name: string; type: string; data: Buffer }, overrides: Record<string, unknown> = {}): Promise<ContentItem> {
    const created = await t.http(team.editor.token).post('/api/content-items', { title: 'Insuffisance cardiaque en 90 s', format: 'infographic', plannedAt: '2026-12-10', product: PRODUCT, language: 'fr', ...overrides });
    if (created.status !== 201) throw new Error(`${created.status} ${JSON.stringify(created.body)}`);
    const uploaded = await t.http(team.editor.token).upload(`/api/content-items/${created.body.id}/versions`, file);
    if (uploaded.status !== 201) throw new Error(`${uploaded.status} ${JSON.stringify(uploaded.body)}`);
    return created.body;
  }
  const png = async (lines: string[], overrides: Record<string, unknown> = {}) => itemWithFile({ name: 'infographie.png', type: 'image/png', data: (await textImage(lines)).png }, overrides);

  it('reads an image and links a claim written word for word, with a box where the text really is', async () => {
    const { png: data, drawn } = await textImage(['Detectia réduit de 21 % les hospitalisations', 'pour insuffisance cardiaque.', 'Parlez-en à votre médecin.']);
    const item = await itemWithFile({ name: 'infographie.png', type: 'image/png', data });
    expect((await textCheck(item.id)).status).toBe('pending');
    expect(await detection().processPending()).toBe(1);
    const check = await textCheck(item.id);
    expect(check).toMatchObject({ status: 'done', reason: null, unsupported: [] });
    expect(check.links).toEqual([expect.objectContaining({ claimId: hf1.id, code: 'DT-001', kind: 'auto', text: 'Detectia réduit de 21 % les hospitalisations pour insuffisance cardiaque' })]);
    const box = check.links[0].anchor.box!;
    const top = drawn[0].area;
    const bottom = drawn[1].area;
    // Inside the two drawn lines' area, and covering most of their height.
    expect(box.x).toBeGreaterThanOrEqual(top.x - 0.01);
    expect(box.y).toBeGreaterThanOrEqual(top.y - 0.01);
    expect(box.y + box.height).toBeLessThanOrEqual(bottom.y + bottom.height + 0.01);
    expect(box.height).toBeGreaterThan((bottom.y + bottom.height - top.y) * 0.6);
    expect(box.x + box.width).toBeLessThanOrEqual(top.x + top.width + 0.01);
    const view = (await t.http(team.editor.token).get(`/api/content-items/${item.id}`)).body as ContentItem;
    expect(view.textCheck).toEqual({ status: 'done', links: 1, suggested: 0, unsupported: 0 });
    // A second run of the job finds nothing left to do and changes nothing.
    expect(await detection().processPending()).toBe(0);
    expect((await textCheck(item.id)).links).toHaveLength(1);
  }, 60_000);

  it('reads a PDF text layer by page: a translation linked, a reworded claim suggested, an unsupported percentage flagged', async () => {
    const pdf = textPdf([
      ['Detectia is well tolerated in elderly patients.'],
      ['Detectia réduit de 21 % le nombre', "d'hospitalisations liées à l'insuffisance cardiaque.", 'Réduction de 37 % des crises en 12 semaines.'],
    ]);
    const item = await itemWithFile({ name: 'brochure.pdf', type: 'application/pdf', data: pdf }, { language: 'en' });
    await detection().processPending();
    const check = await textCheck(item.id);
    expect(check.status).toBe('done');
    expect(check.links.map((l) => [l.code, l.kind, l.anchor.page])).toEqual([
      ['DT-002', 'auto', 1],
      ['DT-001', 'suggested', 2],
    ]);
    expect(check.links.map((l) => l.claimId)).toEqual([hf2.id, hf1.id]);
    expect(check.unsupported).toEqual([{ id: expect.any(String), text: 'Réduction de 37 % des crises en 12 semaines.', anchor: { page: 2, seconds: null, box: expect.any(Object) } }]);
    const box = check.unsupported[0].anchor.box!;
    // Drawn at 50 pt from the left, baseline 724 pt from the bottom of an 842 pt page.
    expect(box.x).toBeCloseTo(50 / 595, 2);
    expect(box.y).toBeGreaterThan((842 - 724 - 16) / 842 - 0.01);
    expect(box.y + box.height).toBeLessThan((842 - 724 + 6) / 842 + 0.01);
  }, 60_000);

  it('marks an item with unsupported statements in the calendar’s list and in the reviewers’ inboxes', async () => {
    const flagged = await itemWithFile({ name: 'brochure.pdf', type: 'application/pdf', data: textPdf([['Réduction de 37 % des crises en 12 semaines.', 'Réduction de 45 % des hospitalisations en 6 mois.']]) }, { title: 'Marquée' });
    const clean = await itemWithFile({ name: 'brochure.pdf', type: 'application/pdf', data: textPdf([['Parlez-en à votre médecin.']]) }, { title: 'Sans marque' });
    await detection().processPending();
    const list = await t.http(team.editor.token).get(`/api/content-items?product=${PRODUCT}&pageSize=500`);
    const summary = (id: string) => (list.body.items as Array<{ id: string; unsupportedStatements: number }>).find((i) => i.id === id);
    expect(summary(flagged.id)?.unsupportedStatements).toBe(2);
    expect(summary(clean.id)?.unsupportedStatements).toBe(0);
    for (const item of [flagged, clean]) expect((await t.http(team.editor.token).post(`/api/content-items/${item.id}/submit`)).status).toBe(200);
    const inbox = await t.http(team.medical.token).get('/api/reviews/inbox?status=open');
    const task = (id: string) => (inbox.body.tasks as Array<{ item: { id: string; unsupportedStatements: number } }>).find((x) => x.item.id === id);
    expect(task(flagged.id)?.item.unsupportedStatements).toBe(2);
    expect(task(clean.id)?.item.unsupportedStatements).toBe(0);
  }, 60_000);

  it('lets a medical reviewer accept or reject a suggestion, audited, and nobody else', async () => {
    const item = await png(['Detectia est bien toléré par les', 'patients âgés.']);
    await detection().processPending();
    const [suggestion] = (await textCheck(item.id)).links;
    expect(suggestion).toMatchObject({ code: 'DT-002', kind: 'suggested' });
    const path = `/api/content-items/${item.id}/versions/1/text-check/links/${suggestion.id}`;
    expect((await t.http(team.editor.token).post(path, { decision: 'accept' })).status).toBe(403);
    expect((await t.http(team.regulatory.token).post(path, { decision: 'accept' })).status).toBe(403);
    expect((await t.http(team.medical.token).post(path, { decision: 'maybe' })).status).toBe(400);
    const accepted = await t.http(team.medical.token).post(path, { decision: 'accept' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.links[0]).toMatchObject({ id: suggestion.id, kind: 'accepted' });
    expect((await t.http(team.medical.token).post(`/api/content-items/${item.id}/versions/1/text-check/links/${hf1.id}`, { decision: 'reject' })).status).toBe(404);
    const trail = (await t.http(team.editor.token).get(`/api/audit?entity=content_item&entityId=${item.id}`)).body;
    expect(JSON.stringify(trail)).toContain('text_check.link_accepted');
  }, 60_000);

  describe('the fast track', () => {
    async function approvedSource(): Promise<ContentItem> {
      const source = await png(['Detectia réduit de 21 % les hospitalisations', 'pour insuffisance cardiaque.'], { claimIds: [hf1.id] });
      expect((await t.http(team.editor.token).post(`/api/content-items/${source.id}/submit`)).status).toBe(200);
      const seen = ((await t.http(team.editor.token).get(`/api/content-items/${source.id}`)).body as ContentItem).versions[0].id;
      for (const lane of ['marketing', 'medical', 'regulatory'] as const) {
        const res = await t.http(team[lane].token).post(`/api/content-items/${source.id}/reviews`, { lane, decision: 'approve', versionId: seen, password: team[lane].password });
        expect(res.status).toBe(200);
      }
      return source;
    }

    it('keeps it for a reuse whose image carries only its declared claims, reading the file at submission', async () => {
      const source = await approvedSource();
      const reuse = await png(['Detectia réduit de 21 % les hospitalisations', 'pour insuffisance cardiaque.', 'Parlez-en à votre médecin.'], { sourceItemId: source.id, claimIds: [hf1.id] });
      const submitted = await t.http(team.editor.token).post(`/api/content-items/${reuse.id}/submit`);
      expect(submitted.status).toBe(200);
      expect(submitted.body).toMatchObject({ fastTrack: true, requiredLanes: ['regulatory'], textCheck: { status: 'done', links: 1, unsupported: 0 } });
    }, 60_000);

    it('sends to full review a reuse whose image adds an unsupported statement, quoting it and where it is', async () => {
      const source = await approvedSource();
      const reuse = await png(['Detectia réduit de 21 % les hospitalisations', 'pour insuffisance cardiaque.', 'Réduction de 37 % des crises en 12 semaines.'], { sourceItemId: source.id, claimIds: [hf1.id] });
      expect(reuse.fastTrack).toBe(true);
      const submitted = await t.http(team.editor.token).post(`/api/content-items/${reuse.id}/submit`);
      expect(submitted.status).toBe(200);
      expect(submitted.body).toMatchObject({ fastTrack: false, requiredLanes: ['marketing', 'medical', 'regulatory'] });
      expect(submitted.body.fastTrackReason).toMatch(/^full review: version 1 says “Réduction de 37 % des crises en 12 semaines\.” \(box at \d+% across, \d+% down\) is supported by no approved claim$/);
    }, 60_000);

    it('sends to full review a reuse whose file makes a claim it does not declare', async () => {
      const source = await approvedSource();
      const reuse = await png(['Detectia réduit de 21 % les hospitalisations', 'pour insuffisance cardiaque.', 'Detectia est bien toléré chez les patients âgés.'], { sourceItemId: source.id, claimIds: [hf1.id] });
      const submitted = await t.http(team.editor.token).post(`/api/content-items/${reuse.id}/submit`);
      expect(submitted.body.fastTrack).toBe(false);
      expect(submitted.body.fastTrackReason).toContain('“Detectia est bien toléré chez les patients âgés” (');
      expect(submitted.body.fastTrackReason).toContain('makes claim DT-002, which the item does not declare');
    }, 60_000);

    it('answers 409 while the file is still being read, and reviews in full a file that could not be read', async () => {
      const source = await approvedSource();
      const reuse = await png(['Parlez-en à votre médecin.'], { sourceItemId: source.id, claimIds: [hf1.id] });
      const version = ((await t.http(team.editor.token).get(`/api/content-items/${reuse.id}`)).body as ContentItem).versions[0].id;
      // Another worker holds the version (claimed just now): the submission waits its second, then asks to retry.
      await t.dataSource.query(`update version_text set status = 'processing', claimed_at = now() where version_id = $1`, [version]);
      const waiting = await t.http(team.editor.token).post(`/api/content-items/${reuse.id}/submit`);
      expect(waiting).toMatchObject({ status: 409, body: { code: 'text_check_pending', details: { versionNumber: 1 } } });
      expect(((await t.http(team.editor.token).get(`/api/content-items/${reuse.id}`)).body as ContentItem).status).toBe('draft');
      await t.dataSource.query(`update version_text set status = 'failed', reason = 'The image could not be decoded', claimed_at = null where version_id = $1`, [version]);
      const submitted = await t.http(team.editor.token).post(`/api/content-items/${reuse.id}/submit`);
      expect(submitted.body).toMatchObject({ fastTrack: false });
      expect(submitted.body.fastTrackReason).toContain('could not be read (The image could not be decoded)');
    }, 60_000);
  });
});
