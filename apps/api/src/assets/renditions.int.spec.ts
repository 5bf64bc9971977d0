import { Readable } from 'node:stream';
import sharp from 'sharp';
import { decide, newItem } from '../testing/content-factory.js';
import { PDF_HEADER } from '../testing/media-files.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';
import { AssetsService } from './assets.service.js';
import { RenditionsService } from './renditions.service.js';
import { bucketClient, objectsUnder } from '../testing/bucket.js';

const GREY = { r: 128, g: 128, b: 128 };

describe('renditions, delivery and verification', () => {
  let t: TestApp;
  let editor: TestUser;
  let rep: TestUser;
  let reviewers: Record<string, TestUser>;
  let photo: Buffer;

  beforeAll(async () => {
    t = await createTestApp();
    editor = await t.newUser(['editor']);
    rep = await t.newUser(['rep']);
    reviewers = {
      marketing: await t.newUser(['marketing_reviewer']),
      medical: await t.newUser(['medical_reviewer']),
      regulatory: await t.newUser(['regulatory_reviewer']),
    };
    photo = await sharp({ create: { width: 2400, height: 1200, channels: 3, background: GREY } }).png().toBuffer();
  });
  afterAll(() => t?.close());

  const render = () => t.app.get(RenditionsService).processPending();
  const fetchImage = async (path: string, token = editor.token) => {
    const res = await fetch(`${t.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, type: res.headers.get('content-type'), body: Buffer.from(await res.arrayBuffer()) };
  };
  /** A point on the diagonal from bottom-left to top-right, near its start: on the watermark band, off its text. */
  const bandPixel = async (image: Buffer) => {
    const { data, info } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const at = (Math.floor(info.height * 0.92) * info.width + Math.floor(info.width * 0.08)) * 3;
    return { r: data[at], g: data[at + 1], b: data[at + 2], width: info.width, height: info.height };
  };

  it('makes a 320 px thumbnail and a watermarked preview, then a clean preview once the item is approved', async () => {
    const item = await newItem(t, editor);
    const upload = await t.http(editor.token).upload(`/api/content-items/${item.id}/versions`, { name: 'affiche.png', type: 'image/png', data: photo });
    expect(upload.body.renditions).toMatchObject({ status: 'pending', thumbnail: false, preview: false });
    expect(await render()).toBe(1);

    const afterRender = await t.http(editor.token).get(`/api/content-items/${item.id}`);
    expect(afterRender.body.versions[0].renditions).toEqual({ status: 'ready', error: null, thumbnail: true, preview: true, previewWatermarked: true, previewMimeType: 'image/webp', poster: false, pages: 0, pageCount: null });
    const thumbnail = await fetchImage(`/api/content-items/${item.id}/versions/1/thumbnail`);
    expect(thumbnail.type).toBe('image/webp');
    expect(await sharp(thumbnail.body).metadata()).toMatchObject({ format: 'webp', width: 320, height: 160 });

    const draft = await fetchImage(`/api/content-items/${item.id}/versions/1/preview`);
    const draftBand = await bandPixel(draft.body);
    expect(draftBand).toMatchObject({ width: 1600, height: 800 });
    // Under the band the grey turns red.
    expect(draftBand.r - draftBand.g).toBeGreaterThan(40);

    expect((await t.http(editor.token).post(`/api/content-items/${item.id}/submit`)).status).toBe(200);
    for (const [lane, reviewer] of Object.entries(reviewers)) expect((await decide(t, reviewer, item.id, lane)).status).toBe(200);
    const approved = await t.http(editor.token).get(`/api/content-items/${item.id}`);
    expect(approved.body.status).toBe('approved');
    expect(approved.body.versions[0].renditions.status).toBe('pending');
    expect(await render()).toBe(1);

    const clean = await bandPixel((await fetchImage(`/api/content-items/${item.id}/versions/1/preview`)).body);
    expect(Math.abs(clean.r - GREY.r) + Math.abs(clean.g - GREY.g) + Math.abs(clean.b - GREY.b)).toBeLessThan(6);
    expect((await t.http(editor.token).get(`/api/content-items/${item.id}`)).body.versions[0].renditions.previewWatermarked).toBe(false);
    expect(await objectsUnder(t, `renditions/${upload.body.id}/`)).toEqual([`renditions/${upload.body.id}/preview.webp`, `renditions/${upload.body.id}/thumbnail.webp`]);
    expect(await render()).toBe(0);

    // Withdrawn, it gets a band again, and the clean preview is gone from storage.
    const withdrawn = await t.http(reviewers.regulatory.token).post(`/api/content-items/${item.id}/withdraw`, {
      reason: 'Safety update',
      versionId: upload.body.id,
      password: reviewers.regulatory.password,
    });
    expect(withdrawn.body.status).toBe('withdrawn');
    expect(await render()).toBe(1);
    const marked = await bandPixel((await fetchImage(`/api/content-items/${item.id}/versions/1/preview`)).body);
    expect(marked.r - marked.g).toBeGreaterThan(40);
    expect((await t.http(editor.token).get(`/api/content-items/${item.id}`)).body.versions[0].renditions.previewWatermarked).toBe(true);
    expect(await objectsUnder(t, `renditions/${upload.body.id}/`)).toEqual([`renditions/${upload.body.id}/preview-withdrawn.webp`, `renditions/${upload.body.id}/thumbnail.webp`]);
  });

  it('refuses a rep the preview and the original of a draft (403)', async () => {
    const item = await newItem(t, editor);
    await t.http(editor.token).upload(`/api/content-items/${item.id}/versions`, { name: 'affiche.png', type: 'image/png', data: photo });
    await render();
    for (const kind of ['preview', 'thumbnail', 'original']) {
      expect((await fetchImage(`/api/content-items/${item.id}/versions/1/${kind}`, rep.token)).status).toBe(403);
    }
    const original = await fetchImage(`/api/content-items/${item.id}/versions/1/original`);
    expect(original.status).toBe(200);
    expect(original.type).toBe('image/png');
    expect(original.body.equals(photo)).toBe(true);
  });

  it('fails a PDF that PDF.js cannot read at once, saying why, and serves no preview (409)', async () => {
    const item = await newItem(t, editor);
    await t.http(editor.token).upload(`/api/content-items/${item.id}/versions`, { name: 'fiche.pdf', type: 'application/pdf', data: PDF_HEADER });
    expect(await render()).toBe(0);
    const version = (await t.http(editor.token).get(`/api/content-items/${item.id}`)).body.versions[0];
    expect(version.renditions).toMatchObject({ status: 'failed', thumbnail: false, preview: false, pages: 0 });
    expect(version.renditions.error).toMatch(/PDF/);
    expect((await fetchImage(`/api/content-items/${item.id}/versions/1/preview`)).status).toBe(409);
  });

  it('retries a failing rendition and shows the failure on the version after the last attempt', async () => {
    const item = await newItem(t, editor);
    const upload = await t.http(editor.token).upload(`/api/content-items/${item.id}/versions`, { name: 'affiche.png', type: 'image/png', data: photo });
    const [{ key }] = (await t.dataSource.query('select storage_key as key from content_version where id = $1', [upload.body.id])) as Array<{ key: string }>;
    const broken = Buffer.concat([photo.subarray(0, 64), Buffer.alloc(64)]);
    await bucketClient(t).putObject(t.config.s3.bucket, key, broken, broken.length);
    for (let attempt = 1; attempt <= 3; attempt++) expect(await render()).toBe(0);
    const version = (await t.http(editor.token).get(`/api/content-items/${item.id}`)).body.versions[0];
    expect(version.renditions.status).toBe('failed');
    expect(version.renditions.error).toBeTruthy();
  });

  it('sweeps objects no version records, and only those', async () => {
    const item = await newItem(t, editor);
    await t.http(editor.token).upload(`/api/content-items/${item.id}/versions`, { name: 'affiche.png', type: 'image/png', data: photo });
    const orphan = `items/${item.id}/left-by-a-crash`;
    await bucketClient(t).putObject(t.config.s3.bucket, orphan, Readable.from([Buffer.from('x')]), 1);
    const before = await objectsUnder(t, 'items/');
    expect(await t.app.get(AssetsService).sweepOrphans(new Date(Date.now() + 60_000))).toBe(1);
    expect(await objectsUnder(t, 'items/')).toEqual(before.filter((k) => k !== orphan));
  });
});
