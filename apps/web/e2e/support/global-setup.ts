// Starts the built product exactly as a user would (`node apps/api/dist/main.js` from the repository
// root: embedded PostgreSQL and S3, demo users seeded into the empty database) and waits until it is healthy.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, promises as fs } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ARTIFACTS_DIR, BASE_URL_ENV } from './paths';

const STARTUP_TIMEOUT_MS = 180_000;

export interface RunningProduct {
  child: ChildProcess | null;
  dataDir: string | null;
}

export default async function globalSetup(_globalConfig: unknown, projectConfig: { rootDir: string }): Promise<void> {
  await fs.rm(ARTIFACTS_DIR, { recursive: true, force: true });
  await fs.mkdir(ARTIFACTS_DIR, { recursive: true });
  const running: RunningProduct = { child: null, dataDir: null };
  (globalThis as Record<string, unknown>).__vettedE2e = running;

  // Pointing VETTED_E2E_BASE_URL at a product you already run skips the start (handy while writing journeys).
  if (process.env[BASE_URL_ENV]) return;

  const repoRoot = path.resolve(projectConfig.rootDir, '../../..');
  const main = path.join(repoRoot, 'apps/api/dist/main.js');
  if (!existsSync(main) || !existsSync(path.join(repoRoot, 'apps/web/dist/index.html'))) {
    throw new Error(`The product is not built (${main} or apps/web/dist missing): run \`npm run test:e2e\`, which builds it first.`);
  }

  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'vetted-e2e-'));
  running.dataDir = dataDir;
  const [port, pgPort, s3Port] = await freePorts(3);
  const child = spawn(process.execPath, [main], {
    cwd: repoRoot,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), EMBEDDED_PG_PORT: String(pgPort), EMBEDDED_S3_PORT: String(s3Port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.child = child;
  // Never leave the product running if jest dies before the teardown.
  process.once('exit', () => child.exitCode === null && child.kill('SIGKILL'));

  const output: string[] = [];
  const log = createWriteStream(path.join(ARTIFACTS_DIR, 'server.log'));
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on('data', (chunk: Buffer) => {
      output.push(chunk.toString());
      if (output.length > 400) output.shift();
      log.write(chunk);
    });
  }

  const baseUrl = `http://localhost:${port}`;
  try {
    await waitUntilHealthy(baseUrl, child);
  } catch (error) {
    // Jest runs no teardown after a failed setup: clean up here.
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    }
    await fs.rm(dataDir, { recursive: true, force: true });
    throw new Error(`${(error as Error).message}\n--- server output ---\n${output.join('')}`, { cause: error });
  }
  process.env[BASE_URL_ENV] = baseUrl;
}

async function waitUntilHealthy(baseUrl: string, child: ChildProcess): Promise<void> {
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code, signal) => reject(new Error(`The product exited during start-up (code ${code}, signal ${signal})`))),
  );
  exited.catch(() => undefined);
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const healthy = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) })
      .then((r) => r.status === 200)
      .catch(() => false);
    if (healthy) return;
    // Poll again shortly, unless the process ended first.
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 250))]);
  }
  throw new Error(`GET ${baseUrl}/api/health did not answer 200 within ${STARTUP_TIMEOUT_MS / 1000} s`);
}

async function freePorts(count: number): Promise<number[]> {
  // Hold every server open until all are bound, so the ports differ.
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<net.Server>((resolve, reject) => {
          const server = net.createServer();
          server.once('error', reject);
          server.listen(0, '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((s) => (s.address() as net.AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}
