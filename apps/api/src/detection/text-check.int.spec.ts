import type { Claim, ContentItem, TextCheck } from '@vetted/contracts';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ffmpegBinary } from '../assets/ffmpeg-command.js';
import { StorageService } from '../infra/storage/storage.service.js';
import { approvedClaim } from '../testing/claims-factory.js';
import { newReviewTeam, type ReviewTeam } from '../testing/content-factory.js';
import { generatedMp4 } from '../testing/generated-media.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { scannedPdf, textImage, textPdf, textVideo } from '../testing/text-fixtures.js';
import { DetectionService } from './detection.service.js';
import { OcrPool } from './ocr-pool.js';
import { readVideoText } from './read-video-text.js';

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

  describe('video', () => {
    let video: Buffer;
    beforeAll(async () => {
      video = await textVideo(
        [
          { lines: ['Detectia réduit de 21 % les hospitalisations', 'pour insuffisance cardiaque.'], from: 0, to: 8 },
          { lines: ['Réduction de 37 % des crises en 12 semaines.'], from: 10, to: 20 },
        ],
        20,
      );
    }, 60_000);
    const frameDirs = async () => (await readdir(os.tmpdir())).filter((n) => n.startsWith('vetted-frames-')).length;

    it('reads the text in its frames: each caption once, at the time code it first appears', async () => {
      const dirsBefore = await frameDirs();
      const item = await itemWithFile({ name: 'spot.mp4', type: 'video/mp4', data: video }, { format: 'video' });
      expect(await detection().processPending()).toBe(1);
      const check = await textCheck(item.id);
      expect(check).toMatchObject({ status: 'done', reason: null });
      expect(check.links).toEqual([expect.objectContaining({ claimId: hf1.id, code: 'DT-001', kind: 'auto', anchor: expect.objectContaining({ page: null, seconds: 0 }) })]);
      expect(check.unsupported).toEqual([{ id: expect.any(String), text: 'Réduction de 37 % des crises en 12 semaines.', anchor: expect.objectContaining({ page: null }) }]);
      // Sampled every 2 s: the caption drawn from 10 s is first seen in the frame at 10 s (12 s at worst).
      expect(check.unsupported[0].anchor.seconds).toBeGreaterThanOrEqual(10);
      expect(check.unsupported[0].anchor.seconds).toBeLessThanOrEqual(12);
      expect(await frameDirs()).toBeLessThanOrEqual(dirsBefore);
    }, 120_000);

    it('reads at most the frame cap, and says what was left unread', async () => {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'vetted-test-video-'));
      const pool = new OcrPool(1);
      try {
        const file = path.join(dir, 'spot.mp4');
        await writeFile(file, video);
        const read = await readVideoText(file, 'video/mp4', { ocr: pool, languages: ['fra'], ffmpegBinary: () => ffmpegBinary(), maxFrames: 2, timeoutMs: 60_000 });
        expect(read.capped).toBe('only the first 2 frames (0:04) of the video were read (TEXT_CHECK_VIDEO_MAX_FRAMES)');
        expect(new Set(read.lines.map((l) => l.seconds))).toEqual(new Set([0]));
      } finally {
        await pool.close();
        await rm(dir, { recursive: true, force: true });
      }
    }, 60_000);

    it('shows a video read only up to the frame cap as done with what was left unread, and the fast track sees it as unread', async () => {
      const capped = await createTestApp({ TEXT_CHECK_VIDEO_MAX_FRAMES: '2' });
      try {
        const editor = (await newReviewTeam(capped)).editor;
        const created = await capped.http(editor.token).post('/api/content-items', { title: 'Spot long', format: 'video', plannedAt: '2026-12-10', product: PRODUCT, language: 'fr' });
        expect((await capped.http(editor.token).upload(`/api/content-items/${created.body.id}/versions`, { name: 'spot.mp4', type: 'video/mp4', data: video })).status).toBe(201);
        const service = capped.app.get(DetectionService);
        await service.processPending();
        const check = (await capped.http(editor.token).get(`/api/content-items/${created.body.id}/versions/1/text-check`)).body as TextCheck;
        expect(check).toMatchObject({ status: 'done', reason: 'only the first 2 frames (0:04) of the video were read (TEXT_CHECK_VIDEO_MAX_FRAMES)' });
        const [row] = (await capped.dataSource.query(`select version_id as "versionId" from version_text where item_id = $1`, [created.body.id])) as { versionId: string }[];
        expect(await service.checkIn(capped.dataSource.manager, row.versionId)).toEqual({ status: 'failed', reason: check.reason });
      } finally {
        await capped.close();
      }
    }, 120_000);

    it('records why a video that ffmpeg cannot decode was not read, at the first attempt', async () => {
      const item = await itemWithFile({ name: 'clip.mp4', type: 'video/mp4', data: await generatedMp4(1, '320x180') }, { format: 'video' });
      const [row] = (await t.dataSource.query(`select storage_key as "storageKey" from version_text where item_id = $1`, [item.id])) as { storageKey: string }[];
      // The stored object goes bad after its upload checks (the upload refuses a file ffmpeg cannot read).
      const garbage = Buffer.concat([Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex'), Buffer.alloc(4096, 7)]);
      await t.app.get(StorageService).put(row.storageKey, garbage, garbage.length, 'video/mp4');
      await detection().processPending();
      const check = await textCheck(item.id);
      expect(check.status).toBe('failed');
      expect(check.reason).toMatch(/^The video's frames could not be read: /);
    }, 60_000);
  });

  it('OCRs the pages of a scanned PDF, which have no text layer, and anchors what it finds to their page', async () => {
    const pdf = await scannedPdf([['Detectia est bien toléré chez les patients âgés.'], ['Parlez-en à votre médecin.', 'Réduction de 37 % des crises en 12 semaines.']]);
    const item = await itemWithFile({ name: 'scan.pdf', type: 'application/pdf', data: pdf });
    await detection().processPending();
    const check = await textCheck(item.id);
    expect(check.status).toBe('done');
    expect(check.links.map((l) => [l.code, l.kind, l.anchor.page, l.anchor.seconds])).toEqual([['DT-002', 'auto', 1, null]]);
    expect(check.unsupported.map((s) => [s.text, s.anchor.page])).toEqual([['Réduction de 37 % des crises en 12 semaines.', 2]]);
    expect(check.unsupported[0].anchor.box).toEqual(expect.objectContaining({ x: expect.any(Number), y: expect.any(Number) }));
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
