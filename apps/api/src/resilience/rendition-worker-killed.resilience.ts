import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ffmpegBinary, runFfmpeg } from '../assets/ffmpeg-command.js';
import { startProduct } from '../bench/product-process.js';
import { alive, call, login, objectKeys, PRODUCT_MAIN, record, startWorld, until, type World } from './harness.js';

/** Short enough that a dead worker's claim (twice this) goes stale within the test, long enough for a 20 s video. */
const RENDITION_TIMEOUT_SECONDS = 20;

interface RenditionRow {
  status: string;
  attempts: number;
  original_key: string;
  thumbnail_key: string | null;
  preview_key: string | null;
  poster_key: string | null;
  page_keys: string[] | null;
}

describe('a rendition worker killed mid-job', () => {
  let world: World;
  afterAll(() => world?.close());

  it('renders the version again in the next process, once: one row, one set of objects, the preview served', async () => {
    world = await startWorld('rendition-kill', { RENDITION_TIMEOUT_SECONDS: String(RENDITION_TIMEOUT_SECONDS) });
    const editor = await login(world.product.base, 'editor');
    const created = await call(world.product.base, 'POST', '/api/content-items', {
      token: editor,
      body: { title: 'Épisode interrompu', format: 'video', plannedAt: '2031-06-02T09:00:00Z', channels: ['email'] },
    });
    expect(created.status).toBe(201);
    const itemId = (created.body as { id: string }).id;
    const form = new FormData();
    form.append('file', new Blob([await testVideo()], { type: 'video/mp4' }), 'episode.mp4');
    const upload = await call(world.product.base, 'POST', `/api/content-items/${itemId}/versions`, { token: editor, form });
    expect(upload.status).toBe(201);
    const versionId = (upload.body as { id: string }).id;

    // The watermarked preview is an ffmpeg encode of several seconds: the process dies in the middle of it.
    const first = await until(async () => (await rendition(world, versionId))?.status === 'processing', 60_000, 'the rendition starts');
    const killed = await rendition(world, versionId);
    await world.product.kill();
    const killedAlive = alive(world.product.pid);
    const began = Date.now();
    world.product = await startProduct(world.env, PRODUCT_MAIN);
    await until(async () => (await rendition(world, versionId))?.status === 'ready', 4 * RENDITION_TIMEOUT_SECONDS * 1000 + 90_000, 'the rendition is made again');
    const retriedInMs = Date.now() - began;
    const done = (await rendition(world, versionId))!;
    const referenced = [done.original_key, done.thumbnail_key, done.preview_key, done.poster_key, ...(done.page_keys ?? [])].filter((k): k is string => k !== null).sort();
    const stored = (await objectKeys(world)).filter((key) => key.includes(versionId) || key === done.original_key).sort();
    const rows = await renditionRows(world, versionId);
    const preview = await fetch(`${world.product.base}/api/content-items/${itemId}/versions/1/preview`, { headers: { authorization: `Bearer ${editor}` } });
    await preview.arrayBuffer();

    await record('rendition worker killed mid-job', {
      msUntilProcessing: first,
      statusWhenKilled: killed?.status,
      attemptsWhenKilled: killed?.attempts,
      msFromRestartToReady: retriedInMs,
      attempts: done.attempts,
      renditionRows: rows,
      objectsForVersion: stored.length,
      referencedKeys: referenced.length,
      previewStatus: preview.status,
      previewType: preview.headers.get('content-type'),
    });

    expect(killed).toMatchObject({ status: 'processing', attempts: 1 });
    expect(killedAlive).toBe(false);
    expect(rows).toBe(1);
    expect(done.attempts).toBe(2);
    expect(done.preview_key).not.toBeNull();
    expect(done.poster_key).not.toBeNull();
    // Exactly once: every object stored for the version is one the row points at, and each of them exists.
    expect(stored).toEqual(referenced);
    expect(preview.status).toBe(200);
    expect(preview.headers.get('content-type')).toMatch(/^video\/mp4/);
  });
});

/** A 20-second 720p episode with sound, made here so its encode takes a while. */
async function testVideo(): Promise<Buffer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'vetted-kill-video-'));
  try {
    const out = path.join(dir, 'episode.mp4');
    await runFfmpeg(
      ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=25:duration=20', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=20', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', out],
      { binary: ffmpegBinary(), timeoutMs: 120_000 },
    );
    return await readFile(out);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function withClient<T>(world: World, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: world.databaseUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

function rendition(world: World, versionId: string): Promise<RenditionRow | undefined> {
  return withClient(world, async (c) => (await c.query<RenditionRow>('select status, attempts, original_key, thumbnail_key, preview_key, poster_key, page_keys from asset_rendition where version_id = $1', [versionId])).rows[0]);
}

function renditionRows(world: World, versionId: string): Promise<number> {
  return withClient(world, async (c) => Number((await c.query('select count(*) as n from asset_rendition where version_id = $1', [versionId])).rows[0].n));
}
