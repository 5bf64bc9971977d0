import { ensureDatabase, startEmbeddedPostgres, startEmbeddedS3, type EmbeddedPostgresHandle, type EmbeddedS3Handle } from '@vetted/dev-infra';
import { promises as fs } from 'node:fs';
import * as Minio from 'minio';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, startProduct, type ProductProcess } from '../bench/product-process.js';
import { RESILIENCE_COUNTS_FILE } from '../bench/report.js';

/**
 * The resilience suite's world: a PostgreSQL and an S3 server of its own (so it may stop, freeze and
 * cut them), and the built product (`apps/api/dist/main.js`, as `npm start` runs it) in its own process.
 */
export const PASSWORD = 'resilience-password';
const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
export const PRODUCT_MAIN = path.join(REPO, 'apps/api/dist/main.js');
const COUNTS_FILE = RESILIENCE_COUNTS_FILE;

export interface World {
  dir: string;
  databaseUrl: string;
  pg: EmbeddedPostgresHandle;
  pgDir: string;
  s3: EmbeddedS3Handle;
  /** Storage is reached through this proxy, so a test can cut it and bring it back with the same keys. */
  storage: StorageSwitch;
  product: ProductProcess;
  /** The environment the product was started with, so a test can start a second process on the same database and storage. */
  env: Record<string, string>;
  /** Restarts PostgreSQL on the same data and port (after `pg.stop()`). */
  restartPostgres(): Promise<void>;
  close(): Promise<void>;
}

export async function startWorld(name: string, env: Record<string, string> = {}): Promise<World> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), `vetted-resilience-${name}-`));
  const pgDir = path.join(dir, 'postgres');
  const pgPort = await freePort();
  const world = { dir, pgDir } as World;
  world.pg = await startEmbeddedPostgres({ dataDir: pgDir, port: pgPort });
  await ensureDatabase(world.pg.url, 'resilience');
  const url = new URL(world.pg.url);
  url.pathname = '/resilience';
  world.databaseUrl = url.toString();
  world.s3 = await startEmbeddedS3({ dataDir: path.join(dir, 's3'), port: 0, buckets: [] });
  world.storage = await storageSwitch(Number(new URL(world.s3.endpoint).port));
  world.restartPostgres = async () => {
    world.pg = await startEmbeddedPostgres({ dataDir: pgDir, port: pgPort });
  };
  world.env = {
    DATABASE_URL: world.databaseUrl,
    S3_ENDPOINT: world.storage.endpoint,
    S3_ACCESS_KEY: world.s3.accessKey,
    S3_SECRET_KEY: world.s3.secretKey,
    S3_BUCKET: 'resilience',
    SEED_DEMO: 'true',
    DEMO_PASSWORD: PASSWORD,
    WEB_DIST_DIR: '/nonexistent',
    LOG_LEVEL: 'warn',
    KEEP_OUTPUT: '1',
    ...env,
  };
  world.product = await startProduct(world.env, PRODUCT_MAIN);
  world.close = async () => {
    await world.product?.stop();
    await world.storage?.close();
    await world.s3?.stop();
    await world.pg?.stop();
    await fs.rm(dir, { recursive: true, force: true });
  };
  return world;
}

export interface StorageSwitch {
  endpoint: string;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

/** A TCP proxy to S3: `cut()` refuses new connections and resets open ones, as a storage outage does. */
async function storageSwitch(targetPort: number): Promise<StorageSwitch> {
  const port = await freePort();
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = net.createServer((client) => {
        const upstream = net.connect(targetPort, '127.0.0.1');
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => undefined);
        }
        client.pipe(upstream).pipe(client);
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
  const cut = async () => {
    const closing = new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    for (const s of sockets) s.resetAndDestroy();
    await closing;
    server = null;
  };
  await listen();
  return { endpoint: `http://127.0.0.1:${port}`, cut, restore: listen, close: cut };
}

export interface Answer {
  status: number;
  code?: string;
  ms: number;
}

/** One request; a refused or reset connection is status 0 (the product process is gone or not answering). */
export async function call(base: string, method: string, pathname: string, options: { token?: string; body?: unknown; form?: FormData; timeoutMs?: number } = {}): Promise<Answer & { body: unknown }> {
  const began = Date.now();
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  try {
    const res = await fetch(`${base}${pathname}`, {
      method,
      headers,
      body: options.form ?? (options.body !== undefined ? JSON.stringify(options.body) : undefined),
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
    const text = await res.text();
    const body = text ? (JSON.parse(text) as unknown) : undefined;
    return { status: res.status, code: (body as { code?: string } | undefined)?.code, ms: Date.now() - began, body };
  } catch {
    return { status: 0, ms: Date.now() - began, body: undefined };
  }
}

export async function login(base: string, who: string): Promise<string> {
  const res = await call(base, 'POST', '/api/auth/login', { body: { email: `${who}@vetted.local`, password: PASSWORD } });
  if (res.status !== 200) throw new Error(`login ${who}: ${res.status}`);
  return (res.body as { accessToken: string }).accessToken;
}

/** Statuses and codes, counted: `{ "200": 41, "503 database_unavailable": 12 }`. */
export function tally(answers: readonly Answer[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const a of answers) {
    const key = a.status >= 400 && a.code ? `${a.status} ${a.code}` : String(a.status);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/** Polls until `check` is true; returns the milliseconds it took. */
export async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<number> {
  const began = Date.now();
  while (!(await check())) {
    if (Date.now() - began > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return Date.now() - began;
}

/** Prints what a test tried and found, and keeps it for docs/benchmarks.md (written by `npm run bench`). */
export async function record(test: string, counts: Record<string, unknown>): Promise<void> {
  console.info(`resilience · ${test}: ${JSON.stringify(counts)}`);
  await fs.mkdir(path.dirname(COUNTS_FILE), { recursive: true });
  const all = JSON.parse(await fs.readFile(COUNTS_FILE, 'utf8').catch(() => '{}')) as Record<string, unknown>;
  all[test] = { ...counts, at: new Date().toISOString() };
  await fs.writeFile(COUNTS_FILE, JSON.stringify(all, null, 2));
}

/** Whether the process is still alive. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The postmaster (from postmaster.pid) and every process it started (backends, checkpointer, walwriter…). */
export async function postgresProcesses(dataDir: string): Promise<number[]> {
  const postmaster = Number((await fs.readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
  const children: number[] = [];
  for (const entry of await fs.readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await fs.readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (ppid === postmaster) children.push(Number(entry));
  }
  return [postmaster, ...children];
}

/** Every object key under `prefix`, read straight from the S3 server (not through the switch a test may have cut). */
export async function objectKeys(world: World, prefix = ''): Promise<string[]> {
  const url = new URL(world.s3.endpoint);
  const client = new Minio.Client({ endPoint: url.hostname, port: Number(url.port), useSSL: false, accessKey: world.s3.accessKey, secretKey: world.s3.secretKey, region: 'us-east-1' });
  const keys: string[] = [];
  for await (const item of client.listObjectsV2('resilience', prefix, true) as AsyncIterable<{ name?: string }>) if (item.name) keys.push(item.name);
  return keys;
}
