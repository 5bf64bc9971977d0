import { embeddedPostgresUrl } from '@vetted/dev-infra';
import { hash, verify } from '@node-rs/argon2';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { measureCalendarRender } from './calendar-render.bench.js';
import { CLAIMS, measureClaimSearch, seedClaims } from './claims-search.bench.js';
import { LANES, measureDecisions, submittedItems } from './decisions.bench.js';
import { CALENDAR_FILTER, CALENDAR_MONTH, LIST_PAGE_SIZE, measureList, seedItems } from './list.bench.js';
import { freePort, startProduct } from './product-process.js';
import { machine, printLines, resilienceSection, RESILIENCE_COUNTS_FILE, writeReport, type BenchLine } from './report.js';
import { measureOcr, measureUploadToTextCheck, measureVideoOcr } from './text-check.bench.js';
import { initialJsGzipBytes } from './web-size.js';

/**
 * `npm run bench [-- --scale 10] [-- --seconds 8]`: the product's speed targets, each as a ratio to a
 * raw baseline measured in the same run on the same machine (shared machines are noisy; ratios travel,
 * milliseconds do not). Writes docs/benchmarks.md and docs/benchmarks.json.
 */
const PASSWORD = 'bench-password';
const REPO = fileURLToPath(new URL('../../../../', import.meta.url));

async function main(): Promise<void> {
  const scale = numberArg('--scale', 1);
  const seconds = numberArg('--seconds', 6);
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
  const details: Record<string, unknown> = {};
  try {
    console.log('start-up on an empty data folder (PostgreSQL initialised, migrations, demo seed)…');
    const first = await startProduct(env);
    await first.stop();
    let product = await startProduct(env);
    lines.push(
      { what: 'start-up to a healthy /api/health, existing data folder', api: ms(product.startupMs), baseline: '—', ratio: null, target: '< 10 s', met: product.startupMs < 10_000 },
      { what: 'start-up, empty data folder (initdb, migrations, demo seed)', api: ms(first.startupMs), baseline: '—', ratio: null, target: 'reported', met: null },
    );
    const token = await login(product.base, 'editor@vetted.local');
    const editor = (await (await fetch(`${product.base}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } })).json()) as { id: string };
    const template = await fetch(`${product.base}/api/content-items`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Bench template', format: 'video', plannedAt: '2030-06-01T08:00:00Z', channels: ['email'], segments: ['science-driven'] }),
    });
    const templateId = ((await template.json()) as { id: string }).id;
    console.log(`seeding ${items.toLocaleString('en')} content items…`);
    await seedItems(databaseUrl, templateId, items);
    // A fresh process, as after a deploy: no warm caches in the product.
    await product.stop();
    product = await startProduct(env);

    console.log('list/calendar at 1 and 50 connections…');
    const list = await measureList({ base: product.base, token: await login(product.base, 'editor@vetted.local'), databaseUrl, items, seconds });
    details.list = list;
    for (const run of list.runs) {
      const ratio = run.api.p95 / run.raw.p95;
      lines.push({
        what: `list a month (${list.matching.toLocaleString('en')} of ${items.toLocaleString('en')} items match, page of ${LIST_PAGE_SIZE}), ${run.connections} connection${run.connections > 1 ? 's' : ''}, p95`,
        api: `${ms(run.api.p95)} (p50 ${ms(run.api.p50)}, ${run.api.perSecond.toFixed(0)}/s)`,
        baseline: `${ms(run.raw.p95)} (p50 ${ms(run.raw.p50)}, ${run.raw.perSecond.toFixed(0)}/s) raw pg + JSON.stringify`,
        ratio,
        target: '≤ 1.5×',
        met: ratio <= 1.5 && run.api.failures === 0,
        ...(run.api.failures ? { note: `${run.api.failures} failed answers` } : {}),
      });
    }

    const passwordHash = await hash(PASSWORD);
    const rawSignature = await medianOf(() => verify(passwordHash, PASSWORD).then(() => undefined));
    const apiLogin = await medianOf(() => login(product.base, 'medical@vetted.local').then(() => undefined));
    lines.push({ what: 'sign in (POST /api/auth/login), median', api: ms(apiLogin), baseline: `${ms(rawSignature)} one argon2id verification`, ratio: apiLogin / rawSignature, target: 'reported', met: null });

    console.log(`claims search on ${CLAIMS.toLocaleString('en')} claims…`);
    await seedClaims(databaseUrl, editor.id);
    const search = await measureClaimSearch(product.base, token, databaseUrl);
    details.claimSearchPlan = search.plan;
    lines.push({
      what: `claims search, ${CLAIMS.toLocaleString('en')} claims, 20 queries (fr/en, with and without accents), p95`,
      api: `${ms(search.p95)} (median ${ms(search.median)})`,
      baseline: '—',
      ratio: null,
      target: '< 30 ms, GIN index used',
      met: search.p95 < 30 && search.indexUsed,
      note: `EXPLAIN: GIN index ${search.indexUsed ? 'used' : 'NOT used'}`,
    });

    const decisionItems = 1000 * scale;
    console.log(`review decisions: ${decisionItems.toLocaleString('en')} submitted items × 3 lanes at 50 connections…`);
    const reviewItems = await submittedItems(product.base, token, decisionItems);
    const tokens = Object.fromEntries(await Promise.all(LANES.map(async (lane) => [lane, await login(product.base, `${lane}@vetted.local`)] as const))) as Record<(typeof LANES)[number], string>;
    const decisions = await measureDecisions({ base: product.base, databaseUrl, items: reviewItems, tokens, password: PASSWORD });
    details.decisions = decisions;
    const decisionRatio = decisions.apiPerSecond / decisions.rawPerSecond;
    const exact = decisions.recorded === decisions.decisions && decisions.distinct === decisions.decisions && (decisions.statuses['200'] ?? 0) + (decisions.statuses['201'] ?? 0) === decisions.decisions;
    lines.push({
      what: `review decisions, ${decisionItems.toLocaleString('en')} items × 3 lanes, 50 connections, decisions/s`,
      api: `${decisions.apiPerSecond.toFixed(1)}/s`,
      baseline: `${decisions.rawPerSecond.toFixed(1)}/s raw pg: lock, argon2id, insert, update`,
      ratio: decisionRatio,
      target: '≥ 0.5×, none lost or duplicated',
      met: decisionRatio >= 0.5 && exact,
      note: `answers ${JSON.stringify(decisions.statuses)}; ${decisions.recorded} decisions recorded, ${decisions.distinct} distinct (item, lane) of ${decisions.decisions} sent`,
    });
    console.log('claim detection: OCR throughput and upload to a finished text check…');
    const ocr = await measureOcr();
    lines.push({ what: 'OCR of a 1200 × 800 infographic (tesseract.js, French, one at a time)', api: `${ocr.imagesPerSecondPerCore.toFixed(2)} images/s/core`, baseline: `${ms(ocr.msPerImage)} each`, ratio: null, target: 'reported', met: null });
    const textCheck = await measureUploadToTextCheck(product.base, token);
    lines.push({ what: 'upload → finished text check, 1200 × 800 infographic', api: ms(textCheck), baseline: '—', ratio: null, target: 'reported', met: null });
    const video = await measureVideoOcr();
    lines.push({ what: `OCR of a 20 s video, one frame every ${video.intervalSeconds} s`, api: ms(video.ms), baseline: `${ms(video.msPerFrame)} per frame (${video.frames} frames)`, ratio: null, target: 'reported', met: null });
    console.log('calendar month in headless Chromium…');
    const calendar = await measureCalendarRender({ base: product.base, email: 'editor@vetted.local', password: PASSWORD, month: CALENDAR_MONTH, filter: CALENDAR_FILTER });
    if (calendar) lines.push({ what: `calendar month of ${calendar.items.toLocaleString('en')} items rendered in headless Chromium, median`, api: `${ms(calendar.renderMs)} after the data arrived`, baseline: `${ms(calendar.totalMs)} from navigation, fetching included`, ratio: null, target: '< 500 ms', met: calendar.renderMs < 500 });
    await product.stop();

    const web = await initialJsGzipBytes(path.join(REPO, 'apps/web/dist'));
    if (web) lines.push({ what: `web initial JavaScript, gzip (${web.files.length} files)`, api: `${(web.bytes / 1024).toFixed(1)} kB`, baseline: '—', ratio: null, target: '< 200 kB', met: web.bytes < 200 * 1024 });

    console.log('');
    printLines(lines);
    const resilience = await fs.readFile(RESILIENCE_COUNTS_FILE, 'utf8').then(resilienceSection, () => null);
    await writeReport(path.join(REPO, 'docs'), { date: new Date().toISOString(), ...machine(), scale, dataset: `${items.toLocaleString('en')} content items over one year, ${CLAIMS.toLocaleString('en')} claims, ${(1000 * scale).toLocaleString('en')} items under review`, lines, details }, resilience);
    console.log('written: docs/benchmarks.md, docs/benchmarks.json');
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
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
