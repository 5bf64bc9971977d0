// Stops the product the global setup started (SIGTERM: it closes the API, PostgreSQL and S3) and
// removes its data directory.
import type { ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import type { RunningProduct } from './global-setup';

const STOP_TIMEOUT_MS = 30_000;

export default async function globalTeardown(): Promise<void> {
  const running = (globalThis as Record<string, unknown>).__vettedE2e as RunningProduct | undefined;
  if (!running) return;
  if (running.child) await stop(running.child);
  if (running.dataDir) await fs.rm(running.dataDir, { recursive: true, force: true });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), STOP_TIMEOUT_MS)));
  if ((await Promise.race([exited, timedOut])) === 'timeout') {
    console.warn(`The product did not stop within ${STOP_TIMEOUT_MS / 1000} s of SIGTERM: killing it`);
    child.kill('SIGKILL');
    await exited;
  }
  clearTimeout(timer);
}
