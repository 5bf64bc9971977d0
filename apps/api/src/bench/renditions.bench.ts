import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import sharp from 'sharp';
import { WATERMARK_TEXT } from '../assets/render-rendition.js';
import { renderVersion } from '../assets/render-version.js';

/**
 * Thumbnails and watermarked previews of 24-megapixel photos (6000 × 4000 JPEG) through the product's
 * job queue (upload, pg-boss, RENDITION_CONCURRENCY lanes, storage read and write) until every
 * asset_rendition row is `ready`, versus the same renderVersion called directly in the bench process
 * on the same files, as many at once as the product renders (the core count).
 */
export const PHOTOS = 6;
const WIDTH = 6000;
const HEIGHT = 4000;
const MAX_PIXELS = 100_000_000;

export interface RenditionBench {
  photos: number;
  concurrency: number;
  apiSeconds: number;
  /** Of apiSeconds, the uploads themselves (spooled, checked, stored, recorded). */
  uploadSeconds: number;
  rawSeconds: number;
  photoBytes: number;
  /** Text checks (OCR) of the same photos still unfinished when the last rendition was ready. */
  textChecksUnfinished: number;
}

/** A photo-like 24 MP JPEG: a gradient with grain, so it neither compresses to nothing nor is pure noise. */
async function photo(seed: number): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}"><defs><linearGradient id="g" x2="1" y2="1">
    <stop offset="0" stop-color="hsl(${seed * 53}, 55%, 35%)"/><stop offset="1" stop-color="hsl(${seed * 53 + 120}, 50%, 70%)"/></linearGradient></defs>
    <rect width="${WIDTH}" height="${HEIGHT}" fill="url(#g)"/><circle cx="${2000 + seed * 300}" cy="2000" r="1200" fill="#f8fafc" fill-opacity="0.4"/></svg>`;
  const grain = await sharp({ create: { width: WIDTH, height: HEIGHT, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 30 } } }).raw().toBuffer();
  return sharp(Buffer.from(svg)).composite([{ input: grain, raw: { width: WIDTH, height: HEIGHT, channels: 3 }, blend: 'overlay' }]).jpeg({ quality: 88 }).toBuffer();
}

async function pool<T>(items: T[], lanes: number, run: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(Array.from({ length: lanes }, async () => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) await run(next);
  }));
}

/** Waits until no rendition or text check is pending (the demo seed's, from a run with jobs off), so only the photos are measured. */
async function queuesEmpty(db: pg.Client, timeoutMs = 600_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await db.query(
      `select (select count(*) from asset_rendition where status in ('pending', 'processing'))::int
            + (select count(*) from version_text where status in ('pending', 'processing'))::int as n`,
    );
    if ((rows[0] as { n: number }).n === 0) return;
    if (Date.now() > deadline) throw new Error('the job queues did not empty before the renditions bench');
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** `base` is a product started with JOBS_ENABLED=true; it is stopped (`stopProduct`) before the baseline runs, so its text checks do not compete with it. */
export async function measureRenditions(options: { base: string; token: string; databaseUrl: string; concurrency: number; stopProduct: () => Promise<void> }): Promise<RenditionBench> {
  const photos = await Promise.all(Array.from({ length: PHOTOS }, (_, i) => photo(i)));
  const db = new pg.Client({ connectionString: options.databaseUrl });
  await db.connect();
  let dbOpen = true;
  // Stopping the product stops its embedded PostgreSQL: this connection is closed before that.
  db.on('error', () => undefined);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'vetted-bench-photos-'));
  try {
    await queuesEmpty(db);
    const headers = { authorization: `Bearer ${options.token}` };
    const items: string[] = [];
    for (let i = 0; i < PHOTOS; i++) {
      const res = await fetch(`${options.base}/api/content-items`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ title: `Bench photo ${i}`, format: 'infographic', plannedAt: '2032-04-01T08:00:00Z', channels: ['email'], segments: ['science-driven'] }),
      });
      items.push(((await res.json()) as { id: string }).id);
    }
    const began = performance.now();
    const versions: string[] = [];
    for (const [i, data] of photos.entries()) {
      const form = new FormData();
      form.append('file', new Blob([data], { type: 'image/jpeg' }), `photo-${i}.jpg`);
      const res = await fetch(`${options.base}/api/content-items/${items[i]}/versions`, { method: 'POST', headers, body: form });
      if (res.status !== 201) throw new Error(`photo upload answered ${res.status}: ${await res.text()}`);
      versions.push(((await res.json()) as { id: string }).id);
    }
    const uploadSeconds = (performance.now() - began) / 1000;
    const deadline = Date.now() + 600_000;
    for (;;) {
      const { rows } = await db.query(`select status, error from asset_rendition where version_id = any($1::uuid[])`, [versions]);
      const failed = (rows as Array<{ status: string; error: string | null }>).find((r) => r.status === 'failed');
      if (failed) throw new Error(`a photo's rendition failed: ${failed.error}`);
      if (rows.length === PHOTOS && rows.every((r: { status: string }) => r.status === 'ready')) break;
      if (Date.now() > deadline) throw new Error('the photos were not rendered within 10 minutes');
      await new Promise((r) => setTimeout(r, 100));
    }
    const apiSeconds = (performance.now() - began) / 1000;
    const { rows: unread } = await db.query(`select count(*)::int as n from version_text where version_id = any($1::uuid[]) and status in ('pending', 'processing')`, [versions]);
    await db.end();
    dbOpen = false;
    await options.stopProduct();

    const files = await Promise.all(photos.map(async (data, i) => {
      const file = path.join(dir, `photo-${i}.jpg`);
      await writeFile(file, data);
      return file;
    }));
    const rawBegan = performance.now();
    await pool(files, options.concurrency, async (file) => {
      const workDir = await mkdtemp(path.join(dir, 'render-'));
      try {
        await renderVersion(file, 'image/jpeg', workDir, WATERMARK_TEXT, { maxPixels: MAX_PIXELS, ffmpegBinary: () => 'ffmpeg', deadline: Date.now() + 300_000, timeoutMs: 300_000, pdfMaxPages: 50 });
      } finally {
        await rm(workDir, { recursive: true, force: true });
      }
    });
    const rawSeconds = (performance.now() - rawBegan) / 1000;
    return { photos: PHOTOS, concurrency: options.concurrency, apiSeconds, uploadSeconds, rawSeconds, photoBytes: photos.reduce((s, p) => s + p.length, 0), textChecksUnfinished: (unread[0] as { n: number }).n };
  } finally {
    if (dbOpen) await db.end();
    await rm(dir, { recursive: true, force: true });
  }
}
