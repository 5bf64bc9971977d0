import 'reflect-metadata';
import { startEmbeddedPostgres, startEmbeddedS3, ensureDatabase, embeddedPostgresUrl } from '@vetted/dev-infra';
import { verify, hash } from '@node-rs/argon2';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { loadConfig } from '../config/config.js';
import { createApp } from '../create-app.js';
import { seedDemo } from '../demo/seed-demo.js';
import type { ResolvedConfig } from '../infra/resolved-config.js';
import { createLogger } from '../logger.js';
import { ContentService } from '../content/content.service.js';
import { UsersService } from '../identity/users.service.js';
import { CLAIMS, measureClaimSearch, seedClaims } from './claims-search.bench.js';
import { measureOcr, measureUploadToTextCheck } from './text-check.bench.js';

/**
 * `npm run bench`: the product's speed targets, each as a ratio to a raw baseline measured in the
 * same run on the same machine (shared machines are noisy; ratios travel, milliseconds do not).
 */
const ITEMS = 1000;
const RUNS = 15;

async function main(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'vetted-bench-'));
  const port = 55_000 + Math.floor(Math.random() * 1000);
  const server = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port });
  const s3 = await startEmbeddedS3({ dataDir: path.join(dir, 's3'), port: 0, buckets: [] });
  await ensureDatabase(server.url, 'bench');
  const databaseUrl = embeddedPostgresUrl(port, 'bench');
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    S3_ENDPOINT: s3.endpoint,
    S3_ACCESS_KEY: s3.accessKey,
    S3_SECRET_KEY: s3.secretKey,
    JOBS_ENABLED: 'false',
    LOG_LEVEL: 'silent',
    WEB_DIST_DIR: '/nonexistent',
  }) as ResolvedConfig;
  const app = await createApp(config, createLogger('silent'));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  try {
    await seedDemo(app, { ...config, demoPassword: 'bench-password' });
    const editor = (await app.get(UsersService).list()).find((u) => u.email === 'editor@vetted.local')!;
    const content = app.get(ContentService);
    const month = { from: '2031-03-01T00:00:00Z', to: '2031-04-01T00:00:00Z' };
    for (let i = 0; i < ITEMS; i++) {
      const plannedAt = new Date(Date.UTC(2031, 2, 1 + (i % 31), 8 + (i % 10))).toISOString();
      await content.create({ title: `Bench item ${i}`, format: 'video', plannedAt, channels: ['email'], segments: ['science-driven'], claimIds: [] }, { ...editor, roles: editor.roles });
    }
    const token = await login(base, 'editor@vetted.local');

    const apiList = await timeRuns(async () => {
      const res = await fetch(`${base}/api/content-items?from=${month.from}&to=${month.to}&limit=2000`, { headers: { authorization: `Bearer ${token}` } });
      const body = (await res.json()) as { total: number };
      if (body.total !== ITEMS) throw new Error(`expected ${ITEMS} items, got ${body.total}`);
    });
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const rawList = await timeRuns(async () => {
      const rows = await client.query(
        'select * from content_item i join item_review r on r.item_id = i.id where i.planned_at >= $1 and i.planned_at < $2 order by i.planned_at',
        [month.from, month.to],
      );
      await client.query('select * from content_version where item_id = any($1)', [rows.rows.map((r) => r.id)]);
      JSON.stringify(rows.rows);
    });
    await client.end();

    const passwordHash = await hash('bench-password');
    const rawSignature = await timeRuns(() => verify(passwordHash, 'bench-password').then(() => undefined));
    const apiLogin = await timeRuns(() => login(base, 'medical@vetted.local').then(() => undefined));

    await seedClaims(databaseUrl, editor.id);
    const search = await measureClaimSearch(base, token, databaseUrl);

    report([
      { what: `list a month of ${ITEMS} items (GET /api/content-items)`, api: apiList, baseline: rawList, baselineWhat: 'the same rows by raw SQL + JSON' },
      { what: 'sign in (POST /api/auth/login)', api: apiLogin, baseline: rawSignature, baselineWhat: 'one argon2id verification' },
    ]);
    console.log(
      `claims search on ${CLAIMS} claims (GET /api/claims?q=, 20 queries in French and English, with and without accents)
  p95 ${search.p95.toFixed(1)} ms (target < 30 ms) · median ${search.median.toFixed(1)} ms · GIN index used: ${search.indexUsed ? 'yes' : 'NO'}
`,
    );
    if (!search.indexUsed) console.log(search.plan);
    const ocr = await measureOcr();
    const uploadToCheck = await measureUploadToTextCheck(app, base, token);
    console.log(
      `claim detection (tesseract.js, French, one OCR at a time)
  OCR of a 1200 × 800 infographic: ${ocr.imagesPerSecondPerCore.toFixed(2)} images/s/core (${ocr.msPerImage.toFixed(0)} ms each)
  upload → finished text check of a 1200 × 800 infographic: ${uploadToCheck.toFixed(0)} ms
`,
    );
  } finally {
    await app.close();
    await s3.stop();
    await server.stop();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

async function login(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'bench-password' }) });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

async function timeRuns(run: () => Promise<void>): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

function report(rows: Array<{ what: string; api: number; baseline: number; baselineWhat: string }>): void {
  console.log(`\nVetted benchmarks (median of ${RUNS} runs; ratio = API / baseline in this run)\n`);
  for (const r of rows) {
    console.log(`${r.what}\n  API ${r.api.toFixed(1)} ms · baseline (${r.baselineWhat}) ${r.baseline.toFixed(1)} ms · ratio ${(r.api / r.baseline).toFixed(2)}×\n`);
  }
}

main().catch((error: Error) => {
  console.error(`bench failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
