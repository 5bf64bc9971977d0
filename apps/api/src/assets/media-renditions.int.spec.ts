import sharp from 'sharp';
import { writePdf } from '../demo/pdf-writer.js';
import { objectsUnder } from '../testing/bucket.js';
import { decide, newItem } from '../testing/content-factory.js';
import { frameOf, generatedMp3, generatedMp4 } from '../testing/generated-media.js';
import { mp4File } from '../testing/media-files.js';
import { BAND, distance, pixelAt } from '../testing/pixels.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';
import { RenditionsService } from './renditions.service.js';

const BLUE_PAGE = '0 0 1 rg 0 0 595 842 re f';
const GREEN_PAGE = '0 0.6 0 rg 0 0 595 842 re f';

describe('video, audio and PDF renditions', () => {
  let t: TestApp;
  let editor: TestUser;
  let reviewers: Record<'marketing' | 'medical' | 'regulatory', TestUser>;

  beforeAll(async () => {
    t = await createTestApp();
    editor = await t.newUser(['editor']);
    reviewers = {
      marketing: await t.newUser(['marketing_reviewer']),
      medical: await t.newUser(['medical_reviewer']),
      regulatory: await t.newUser(['regulatory_reviewer']),
    };
  });
  afterAll(() => t?.close());

  const render = () => t.app.get(RenditionsService).processPending();
  const get = async (path: string) => {
    const res = await fetch(`${t.baseUrl}${path}`, { headers: { authorization: `Bearer ${editor.token}` } });
    return { status: res.status, type: res.headers.get('content-type'), body: Buffer.from(await res.arrayBuffer()) };
  };
  const getJson = (path: string) => t.http(editor.token).get(path);
  const renditionsOf = async (itemId: string) => (await getJson(`/api/content-items/${itemId}`)).body.versions[0].renditions;
  const upload = (itemId: string, name: string, type: string, data: Buffer) => t.http(editor.token).upload(`/api/content-items/${itemId}/versions`, { name, type, data });

  it('gives a generated MP4 a poster, a thumbnail and an MP4 preview with the draft band burnt in; clean once approved, marked again once withdrawn', async () => {
    const mp4 = await generatedMp4(3);
    const item = await newItem(t, editor, { format: 'video' });
    const uploaded = await upload(item.id, 'episode-1.mp4', 'video/mp4', mp4);
    expect(uploaded.status).toBe(201);
    expect(uploaded.body.renditions).toMatchObject({ status: 'pending', preview: false, poster: false });
    expect(await render()).toBe(1);
    expect(await renditionsOf(item.id)).toEqual({ status: 'ready', error: null, thumbnail: true, preview: true, previewWatermarked: true, previewMimeType: 'video/mp4', poster: true, pages: 0, pageCount: null });

    const base = `/api/content-items/${item.id}/versions/1`;
    const thumbnail = await get(`${base}/thumbnail`);
    expect(thumbnail.type).toBe('image/webp');
    expect(await sharp(thumbnail.body).metadata()).toMatchObject({ format: 'webp', width: 320, height: 180 });

    const original = await pixelAt(await frameOf(mp4, 1), ...BAND);
    const poster = await get(`${base}/preview?as=image`);
    expect(poster.type).toBe('image/webp');
    const posterBand = await pixelAt(poster.body, ...BAND);
    expect(posterBand).toMatchObject({ width: 640, height: 360 });
    expect(posterBand.r - posterBand.g).toBeGreaterThan(40);

    const preview = await get(`${base}/preview`);
    expect(preview.type).toBe('video/mp4');
    expect(preview.body.subarray(4, 8).toString('latin1')).toBe('ftyp');
    // Every frame carries the band: one second in, the pixel under it has turned towards red, the corner has not.
    const marked = await frameOf(preview.body, 1);
    const markedBand = await pixelAt(marked, ...BAND);
    expect(markedBand).toMatchObject({ width: 640, height: 360 });
    expect(markedBand.r - markedBand.g).toBeGreaterThan(0.45 * (original.r - original.g) + 50);
    expect(distance(await pixelAt(marked, 0.03, 0.05), await pixelAt(await frameOf(mp4, 1), 0.03, 0.05))).toBeLessThan(40);

    expect((await t.http(editor.token).post(`/api/content-items/${item.id}/submit`)).status).toBe(200);
    for (const [lane, reviewer] of Object.entries(reviewers)) expect((await decide(t, reviewer, item.id, lane)).status).toBe(200);
    expect(await render()).toBe(1);
    expect(await renditionsOf(item.id)).toMatchObject({ status: 'ready', previewWatermarked: false, previewMimeType: 'video/mp4', poster: true });
    const clean = await pixelAt(await frameOf((await get(`${base}/preview`)).body, 1), ...BAND);
    expect(distance(clean, original)).toBeLessThan(40);
    expect(await objectsUnder(t, `renditions/${uploaded.body.id}/`)).toEqual(['poster.webp', 'preview.mp4', 'thumbnail.webp'].map((k) => `renditions/${uploaded.body.id}/${k}`));

    const withdrawn = await t.http(reviewers.regulatory.token).post(`/api/content-items/${item.id}/withdraw`, { reason: 'Safety update', versionId: uploaded.body.id, password: reviewers.regulatory.password });
    expect(withdrawn.body.status).toBe('withdrawn');
    expect(await render()).toBe(1);
    const relabelled = await pixelAt(await frameOf((await get(`${base}/preview`)).body, 1), ...BAND);
    expect(relabelled.r - relabelled.g).toBeGreaterThan(0.45 * (original.r - original.g) + 50);
    expect(await objectsUnder(t, `renditions/${uploaded.body.id}/`)).toEqual(['poster-withdrawn.webp', 'preview-withdrawn.mp4', 'thumbnail.webp'].map((k) => `renditions/${uploaded.body.id}/${k}`));
  });

  it('draws an MP3 as a waveform: a thumbnail and a watermarked preview image', async () => {
    const item = await newItem(t, editor, { format: 'podcast' });
    expect((await upload(item.id, 'episode.mp3', 'audio/mpeg', await generatedMp3(3))).status).toBe(201);
    expect(await render()).toBe(1);
    expect(await renditionsOf(item.id)).toEqual({ status: 'ready', error: null, thumbnail: true, preview: true, previewWatermarked: true, previewMimeType: 'image/webp', poster: false, pages: 0, pageCount: null });

    const base = `/api/content-items/${item.id}/versions/1`;
    expect(await sharp((await get(`${base}/thumbnail`)).body).metadata()).toMatchObject({ format: 'webp', width: 320, height: 80 });
    const preview = await get(`${base}/preview`);
    expect(preview.type).toBe('image/webp');
    // The waveform is drawn (blue) along the middle line, off the band; the ground above it is light.
    const loud = await pixelAt(preview.body, 0.3, 0.5);
    expect(loud).toMatchObject({ width: 1600, height: 400 });
    expect(loud.b - loud.r).toBeGreaterThan(80);
    const above = await pixelAt(preview.body, 0.5, 0.05);
    expect(Math.min(above.r, above.g, above.b)).toBeGreaterThan(200);
    const band = await pixelAt(preview.body, ...BAND);
    expect(band.r - band.g).toBeGreaterThan(40);
    // The still of a non-video is its preview.
    expect((await get(`${base}/preview?as=image`)).body.equals(preview.body)).toBe(true);
  });

  it('renders each page of a two-page PDF as a watermarked image, and page 1 as the thumbnail and preview', async () => {
    const item = await newItem(t, editor);
    const pdf = writePdf([
      { width: 595, height: 842, content: BLUE_PAGE },
      { width: 595, height: 842, content: GREEN_PAGE },
    ]);
    expect((await upload(item.id, 'fiche.pdf', 'application/pdf', pdf)).status).toBe(201);
    expect(await render()).toBe(1);
    expect(await renditionsOf(item.id)).toEqual({ status: 'ready', error: null, thumbnail: true, preview: true, previewWatermarked: true, previewMimeType: 'image/webp', poster: false, pages: 2, pageCount: 2 });

    const base = `/api/content-items/${item.id}/versions/1`;
    const [one, two] = [(await get(`${base}/preview?page=1`)).body, (await get(`${base}/preview?page=2`)).body];
    const corner = [await pixelAt(one, 0.1, 0.1), await pixelAt(two, 0.1, 0.1)];
    expect(corner[0]).toMatchObject({ width: 1130, height: 1600 });
    expect(corner[0].b).toBeGreaterThan(200);
    expect(corner[0].g).toBeLessThan(40);
    expect(corner[1].g).toBeGreaterThan(120);
    expect(corner[1].b).toBeLessThan(40);
    // Under the band each page's colour turns towards red (the band is 55 % opaque red).
    for (const [index, page] of [one, two].entries()) {
      const band = await pixelAt(page, ...BAND);
      expect(band.r - band.g).toBeGreaterThan(0.45 * (corner[index].r - corner[index].g) + 50);
    }
    expect((await get(`${base}/preview`)).body.equals(one)).toBe(true);
    const thumbnail = (await get(`${base}/thumbnail`)).body;
    expect(await sharp(thumbnail).metadata()).toMatchObject({ width: 320, height: 453 });
    expect((await pixelAt(thumbnail, 0.5, 0.1)).b).toBeGreaterThan(200);

    const past = await getJson(`${base}/preview?page=3`);
    expect(past.status).toBe(404);
    expect(past.body).toMatchObject({ code: 'page_out_of_range', details: { pages: 2, pageCount: 2 } });
    for (const page of ['0', '-1', 'x', '1.5']) expect((await getJson(`${base}/preview?page=${page}`)).body).toMatchObject({ statusCode: 400, code: 'invalid_input' });
    expect((await getJson(`${base}/preview?as=video`)).status).toBe(400);
  });

  it('fails a video ffmpeg cannot decode at once, with the reason, and goes on with the next one', async () => {
    const broken = await newItem(t, editor, { format: 'video' });
    // Headers that declare 3 s of video, and no frame behind them: the upload checks pass, decoding cannot.
    expect((await upload(broken.id, 'hollow.mp4', 'video/mp4', mp4File(3))).status).toBe(201);
    const good = await newItem(t, editor, { format: 'podcast' });
    expect((await upload(good.id, 'episode.mp3', 'audio/mpeg', await generatedMp3(1))).status).toBe(201);
    expect(await render()).toBe(1);
    const failed = await renditionsOf(broken.id);
    expect(failed).toMatchObject({ status: 'failed', thumbnail: false, preview: false, poster: false });
    expect(failed.error).toMatch(/frame|video|ffmpeg/i);
    expect(failed.error).not.toMatch(/vetted-object-/);
    expect((await renditionsOf(good.id)).status).toBe('ready');
    const missing = await getJson(`/api/content-items/${broken.id}/versions/1/preview`);
    expect(missing.status).toBe(409);
    expect(missing.body).toMatchObject({ code: 'rendition_not_ready', details: { status: 'failed' } });
    expect(await render()).toBe(0);
  });
});
