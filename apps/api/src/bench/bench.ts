import { embeddedPostgresUrl, startEmbeddedS3 } from '@vetted/dev-infra';
import { hash, verify } from '@node-rs/argon2';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { measureCalendarRender } from './calendar-render.bench.js';
import { CLAIMS, measureClaimSearch, seedClaims } from './claims-search.bench.js';
import { LANES, measureDecisions, submittedItems } from './decisions.bench.js';
import { APPROVED_ITEMS, measureInbox, OPEN_ITEMS, seedReviews } from './inbox.bench.js';
import { CALENDAR_FILTER, CALENDAR_MONTH, LIST_PAGE_SIZE, measureList, seedItems } from './list.bench.js';
import { freePort, startProduct } from './product-process.js';
import { PHOTOS, measureRenditions } from './renditions.bench.js';
import { machine, MEASURES, mergeWithPrevious, printLines, resilienceSection, RESILIENCE_COUNTS_FILE, writeReport, type BenchLine, type BenchRun, type Measure } from './report.js';
import { measureOcr, measureUploadToTextCheck, measureVideoOcr } from './text-check.bench.js';
import { measureUpload } from './upload.bench.js';
import { initialJsGzipBytes } from './web-size.js';

/**
 * `npm run bench [-- --scale 10] [-- --seconds 8] [-- --only upload,renditions]`: the product's speed targets, each as a ratio to a
 * raw baseline measured in the same run on the same machine (shared machines are noisy; ratios travel,
 * milliseconds do not). Writes docs/benchmarks.md and docs/benchmarks.json; with `--only`, lines of
 * the measures not run are kept from the previous docs/benchmarks.json, marked with their date.
 */
const PASSWORD = 'bench-password';
const REPO = fileURLToPath(new URL('../../../../', import.meta.url));

async function main(): Promise<void> {
  const scale = numberArg('--scale', 1);
  const seconds = numberArg('--seconds', 6);
  const only = onlyArg();
  const runs = (m: Measure) => !only || only.has(m);
  const items = 100_000 * scale;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'vetted-bench-'));
  const env = {
    DATA_DIR: dir,
    EMBEDDED_PG_PORT: String(await freePort()),
    EMBEDDED_S3_PORT: String(await freePort()),
    DEMO_PASSWORD: PASSWORD,
    JOBS_ENABLED: 'false',
    WEB_DIST_DIR: path.join(REPO, 'apps/web/dist'),
  };
  const databaseUrl = embeddedPostgresUrl(Number(env.EMBEDDED_PG_PORT), 'vetted');
  const lines: BenchLine[] = [];
  const push = (measure: Measure, ...measured: Array<Omit<BenchLine, 'measure' | 'loadAverage'>>) => {
    const done = measured.map((l) => ({ measure, ...l, loadAverage: Math.round(os.loadavg()[0] * 10) / 10 }));
    printLines(done);
    lines.push(...done);
  };
  const details: Record<string, unknown> = {};
  const dataset: string[] = [];
  try {
    console.log('start-up on an empty data folder (PostgreSQL initialised, migrations, demo seed)…');
    const first = await startProduct(env);
    await first.stop();
    let product = await startProduct(env);
    if (runs('startup'))
      push(
        'startup',
        { what: 'start-up to a healthy /api/health, existing data folder', api: ms(product.startupMs), baseline: '—', ratio: null, target: '< 10 s', met: product.startupMs < 10_000 },
        { what: 'start-up, empty data folder (initdb, migrations, demo seed)', api: ms(first.startupMs), baseline: '—', ratio: null, target: 'reported', met: null },
      );
    const token = await login(product.base, 'editor@vetted.local');
    const editor = (await (await fetch(`${product.base}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } })).json()) as { id: string };

    if (runs('list') || runs('calendar') || runs('inbox')) {
      const template = await fetch(`${product.base}/api/content-items`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Bench template', format: 'video', plannedAt: '2030-06-01T08:00:00Z', channels: ['email'], segments: ['science-driven'] }),
      });
      const templateId = ((await template.json()) as { id: string }).id;
      console.log(`seeding ${items.toLocaleString('en')} content items…`);
      await seedItems(databaseUrl, templateId, items);
      dataset.push(`${items.toLocaleString('en')} content items over one year`);
      if (runs('inbox')) {
        console.log(`seeding review rounds: ${OPEN_ITEMS.toLocaleString('en')} open, ${APPROVED_ITEMS.toLocaleString('en')} approved…`);
        const [open, approved] = await submittedItems(product.base, token, 2);
        for (const lane of LANES) await decide(product.base, await login(product.base, `${lane}@vetted.local`), approved, lane);
        await seedReviews(databaseUrl, open.id, approved.id);
        dataset.push(`${OPEN_ITEMS.toLocaleString('en')} of them in review and ${APPROVED_ITEMS.toLocaleString('en')} approved in the last 85 days`);
      }
      // A fresh process, as after a deploy: no warm caches in the product.
      await product.stop();
      product = await startProduct(env);
    }

    if (runs('list')) {
      console.log('list/calendar at 1 and 50 connections…');
      const list = await measureList({ base: product.base, token: await login(product.base, 'editor@vetted.local'), databaseUrl, items, seconds });
      details.list = list;
      for (const run of list.runs) {
        const ratio = run.api.p95 / run.raw.p95;
        push('list', {
          what: `list a month (${list.matching.toLocaleString('en')} of ${items.toLocaleString('en')} items match, page of ${LIST_PAGE_SIZE}), ${run.connections} connection${run.connections > 1 ? 's' : ''}, p95`,
          api: `${ms(run.api.p95)} (p50 ${ms(run.api.p50)}, ${run.api.perSecond.toFixed(0)}/s)`,
          baseline: `${ms(run.raw.p95)} (p50 ${ms(run.raw.p50)}, ${run.raw.perSecond.toFixed(0)}/s) raw pg + JSON.stringify`,
          ratio,
          target: '≤ 1.5×',
          met: ratio <= 1.5 && run.api.failures === 0,
          ...(run.api.failures ? { note: `${run.api.failures} failed answers` } : {}),
        });
      }
    }

    if (runs('inbox')) {
      console.log('inbox and dashboard at 1 connection…');
      const inbox = await measureInbox({ base: product.base, reviewerToken: await login(product.base, 'medical@vetted.local'), editorToken: await login(product.base, 'editor@vetted.local'), databaseUrl, seconds });
      details.inbox = inbox;
      for (const run of inbox.runs) {
        const { result } = run;
        push('inbox', {
          what: `${run.what}${run.what.startsWith('inbox') ? ` (medical reviewer, ${run.total?.toLocaleString('en')} tasks, first page)` : ''}, ${items.toLocaleString('en')} items, 1 connection, p95`,
          api: `${ms(result.p95)} (p50 ${ms(result.p50)}, ${result.perSecond.toFixed(0)}/s)`,
          baseline: '—',
          ratio: null,
          target: '< 100 ms',
          met: result.p95 < 100 && result.failures === 0,
          ...(result.failures ? { note: `${result.failures} failed answers` } : {}),
        });
      }
    }

    if (runs('login')) {
      const passwordHash = await hash(PASSWORD);
      const rawSignature = await medianOf(() => verify(passwordHash, PASSWORD).then(() => undefined));
      const apiLogin = await medianOf(() => login(product.base, 'medical@vetted.local').then(() => undefined));
      push('login', { what: 'sign in (POST /api/auth/login), median', api: ms(apiLogin), baseline: `${ms(rawSignature)} one argon2id verification`, ratio: apiLogin / rawSignature, target: 'reported', met: null });
    }

    if (runs('claims')) {
      console.log(`claims search on ${CLAIMS.toLocaleString('en')} claims…`);
      await seedClaims(databaseUrl, editor.id);
      dataset.push(`${CLAIMS.toLocaleString('en')} claims`);
      const search = await measureClaimSearch(product.base, token, databaseUrl);
      details.claimSearchPlan = search.plan;
      push('claims', {
        what: `claims search, ${CLAIMS.toLocaleString('en')} claims, 20 queries (fr/en, with and without accents), p95`,
        api: `${ms(search.p95)} (median ${ms(search.median)})`,
        baseline: '—',
        ratio: null,
        target: '< 30 ms, GIN index used',
        met: search.p95 < 30 && search.indexUsed,
        note: `EXPLAIN: GIN index ${search.indexUsed ? 'used' : 'NOT used'}`,
      });
    }

    if (runs('decisions')) {
      const decisionItems = 1000 * scale;
      console.log(`review decisions: ${decisionItems.toLocaleString('en')} submitted items × 3 lanes at 50 connections…`);
      const reviewItems = await submittedItems(product.base, token, decisionItems);
      dataset.push(`${decisionItems.toLocaleString('en')} items under review`);
      const tokens = Object.fromEntries(await Promise.all(LANES.map(async (lane) => [lane, await login(product.base, `${lane}@vetted.local`)] as const))) as Record<(typeof LANES)[number], string>;
      const decisions = await measureDecisions({ base: product.base, databaseUrl, items: reviewItems, tokens, password: PASSWORD });
      details.decisions = decisions;
      const decisionRatio = decisions.apiPerSecond / decisions.rawPerSecond;
      const exact = decisions.recorded === decisions.decisions && decisions.distinct === decisions.decisions && (decisions.statuses['200'] ?? 0) + (decisions.statuses['201'] ?? 0) === decisions.decisions;
      push('decisions', {
        what: `review decisions, ${decisionItems.toLocaleString('en')} items × 3 lanes, 50 connections, decisions/s`,
        api: `${decisions.apiPerSecond.toFixed(1)}/s`,
        baseline: `${decisions.rawPerSecond.toFixed(1)}/s raw pg: lock, argon2id, insert, update`,
        ratio: decisionRatio,
        target: '≥ 0.5×, none lost or duplicated',
        met: decisionRatio >= 0.5 && exact,
        note: `answers ${JSON.stringify(decisions.statuses)}; ${decisions.recorded} decisions recorded, ${decisions.distinct} distinct (item, lane) of ${decisions.decisions} sent`,
      });
    }
    if (runs('text-check')) {
      console.log('claim detection: OCR throughput and upload to a finished text check…');
      const ocr = await measureOcr();
      push('text-check', { what: 'OCR of a 1200 × 800 infographic (tesseract.js, French, one at a time)', api: `${ocr.imagesPerSecondPerCore.toFixed(2)} images/s/core`, baseline: `${ms(ocr.msPerImage)} each`, ratio: null, target: 'reported', met: null });
      const textCheck = await measureUploadToTextCheck(product.base, token);
      push('text-check', { what: 'upload → finished text check, 1200 × 800 infographic', api: ms(textCheck), baseline: '—', ratio: null, target: 'reported', met: null });
      const video = await measureVideoOcr();
      push('text-check', { what: `OCR of a 20 s video, one frame every ${video.intervalSeconds} s`, api: ms(video.ms), baseline: `${ms(video.msPerFrame)} per frame (${video.frames} frames)`, ratio: null, target: 'reported', met: null });
    }
    if (runs('calendar')) {
      console.log('calendar month in headless Chromium…');
      const calendar = await measureCalendarRender({ base: product.base, email: 'editor@vetted.local', password: PASSWORD, month: CALENDAR_MONTH, filter: CALENDAR_FILTER });
      if (calendar) push('calendar', { what: `calendar month of ${calendar.items.toLocaleString('en')} items rendered in headless Chromium, median`, api: `${ms(calendar.renderMs)} after the data arrived`, baseline: `${ms(calendar.totalMs)} from navigation, fetching included`, ratio: null, target: '< 500 ms', met: calendar.renderMs < 500 });
    }
    await product.stop();

    if (runs('upload')) {
      console.log('a 1 GB upload through the API and with putObject…');
      // The S3 server runs in the bench's process (same folder, same bucket), so the product's RSS is the API's alone and the baseline can sign its own putObject.
      const s3 = await startEmbeddedS3({ dataDir: path.join(dir, 's3'), port: await freePort(), buckets: ['vetted'] });
      const uploader = await startProduct({ ...env, S3_ENDPOINT: s3.endpoint, S3_ACCESS_KEY: s3.accessKey, S3_SECRET_KEY: s3.secretKey, UPLOAD_MAX_MB_PODCAST: '1100' });
      try {
        const upload = await measureUpload({ base: uploader.base, pid: uploader.pid, token: await login(uploader.base, 'editor@vetted.local'), dir, s3: { ...s3, bucket: 'vetted' } });
        details.upload = upload;
        const ratio = upload.apiMBps / upload.rawMBps;
        const growth = upload.rssPeakMb - upload.rssBeforeMb;
        push('upload', {
          what: `upload of a 1 GB podcast WAV (POST /api/content-items/:id/versions, multipart), throughput and API RSS growth`,
          api: `${upload.apiMBps.toFixed(1)} MB/s (${upload.apiSeconds.toFixed(1)} s), RSS +${growth.toFixed(0)} MB (${upload.rssBeforeMb.toFixed(0)} MB before, highest of ${upload.rssSamples} samples ${upload.rssMaxSampleMb.toFixed(0)} MB)`,
          baseline: `${upload.rawMBps.toFixed(1)} MB/s (${upload.rawSeconds.toFixed(1)} s) minio putObject of the file from disk, one PUT`,
          ratio,
          target: '≥ 0.8×, RSS growth < 100 MB',
          met: ratio >= 0.8 && growth < 100,
          note: 'the API writes the file to a temporary file while hashing it, checks it, then streams it to storage: each byte crosses the disk twice more than putObject; background jobs off (JOBS_ENABLED=false)',
        });
      } finally {
        await uploader.stop();
        await s3.stop();
      }
    }

    if (runs('renditions')) {
      const concurrency = os.availableParallelism();
      console.log(`renditions of ${PHOTOS} 24-megapixel photos through the job queue (${concurrency} at once)…`);
      const worker = await startProduct({ ...env, JOBS_ENABLED: 'true' });
      try {
        const renditions = await measureRenditions({ base: worker.base, token: await login(worker.base, 'editor@vetted.local'), databaseUrl, concurrency, stopProduct: () => worker.stop() });
        details.renditions = renditions;
        const ratio = renditions.rawSeconds / renditions.apiSeconds;
        push('renditions', {
          what: `thumbnail + watermarked preview of ${PHOTOS} photos of 6000 × 4000 (JPEG, ${(renditions.photoBytes / PHOTOS / 1024 / 1024).toFixed(1)} MB each), upload to every rendition ready`,
          api: `${renditions.apiSeconds.toFixed(1)} s (${(PHOTOS / renditions.apiSeconds).toFixed(2)} photos/s; the uploads ${renditions.uploadSeconds.toFixed(1)} s of it)`,
          baseline: `${renditions.rawSeconds.toFixed(1)} s (${(PHOTOS / renditions.rawSeconds).toFixed(2)} photos/s) renderVersion called directly, ${concurrency} at once`,
          ratio,
          target: '≥ 0.9×',
          met: ratio >= 0.9,
          note: `through the product: uploads one after another, pg-boss (a run is queued with each upload; the worker polls every 2 s), RENDITION_CONCURRENCY=${concurrency}, storage read and write; the text check (OCR, one at a time) of each photo runs in the same process and competes for the cores (${renditions.textChecksUnfinished} of ${PHOTOS} still unread when the last rendition was ready)`,
        });
      } finally {
        await worker.stop();
      }
    }

    if (runs('web')) {
      const web = await initialJsGzipBytes(path.join(REPO, 'apps/web/dist'));
      if (web) push('web', { what: `web initial JavaScript, gzip (${web.files.length} files)`, api: `${(web.bytes / 1024).toFixed(1)} kB`, baseline: '—', ratio: null, target: '< 200 kB', met: web.bytes < 200 * 1024 });
    }

    const resilience = await fs.readFile(RESILIENCE_COUNTS_FILE, 'utf8').then(resilienceSection, () => null);
    const docs = path.join(REPO, 'docs');
    const run: BenchRun = { date: new Date().toISOString(), ...machine(), scale, ...(only ? { only: [...only] } : {}), dataset: dataset.join(', ') || 'the demo seed only', lines, details };
    // With --only the other measures keep their last figures (marked with their date) instead of vanishing from the report.
    const previous = only ? await fs.readFile(path.join(docs, 'benchmarks.json'), 'utf8').then((json) => JSON.parse(json) as BenchRun, () => null) : null;
    await writeReport(docs, only ? mergeWithPrevious(run, previous, only) : run, resilience);
    console.log('written: docs/benchmarks.md, docs/benchmarks.json');
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** `--only upload,renditions`: the measures to run (all by default). */
function onlyArg(): Set<Measure> | null {
  const i = process.argv.indexOf('--only');
  if (i < 0) return null;
  const names = (process.argv[i + 1] ?? '').split(',').map((n) => n.trim()).filter(Boolean);
  const unknown = names.filter((n) => !(MEASURES as readonly string[]).includes(n));
  if (!names.length || unknown.length) throw new Error(`--only takes a comma-separated list of ${MEASURES.join(', ')}${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}`);
  return new Set(names as Measure[]);
}

async function decide(base: string, reviewer: string, item: { id: string; versionId: string }, lane: string): Promise<void> {
  const res = await fetch(`${base}/api/content-items/${item.id}/reviews`, {
    method: 'POST',
    headers: { authorization: `Bearer ${reviewer}`, 'content-type': 'application/json' },
    body: JSON.stringify({ lane, decision: 'approve', versionId: item.versionId, password: PASSWORD, comment: 'ok' }),
  });
  if (res.status !== 200 && res.status !== 201) throw new Error(`the ${lane} decision answered ${res.status}: ${await res.text()}`);
}

function numberArg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
}

const ms = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(1)} ms`);

async function login(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

async function medianOf(run: () => Promise<void>, runs = 15): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

main().catch((error: Error) => {
  console.error(`bench failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
