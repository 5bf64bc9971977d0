import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

/** The built product (`node apps/api/dist/main.js`, as `npm start` runs it) in a process of its own. */
export interface ProductProcess {
  base: string;
  /** Milliseconds from spawn to the first healthy `/api/health`. */
  startupMs: number;
  pid: number;
  /** The last few kB the process wrote (stdout and stderr), for a failing test to show. */
  output(): string;
  /** Lines logged at error or fatal level. */
  errors(): string[];
  stop(): Promise<void>;
  /** SIGKILL: the process dies mid-request, as in a crash or an OOM kill. */
  kill(): Promise<void>;
}

const MAIN = fileURLToPath(new URL('../main.js', import.meta.url));

export async function startProduct(env: Record<string, string>, script = MAIN): Promise<ProductProcess> {
  const port = Number(env.PORT ?? (await freePort()));
  const began = performance.now();
  // BENCH_CPU_PROFILE_DIR=/tmp/prof writes a V8 CPU profile of each product process on exit, to open in DevTools.
  const profile = process.env.BENCH_CPU_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, script], { env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', env.KEEP_OUTPUT ? 'pipe' : 'ignore', 'pipe'] });
  let stderr = '';
  // Error-level lines are kept apart: an outage floods the output with warnings that would push them out.
  const errorLines: string[] = [];
  let partial = '';
  const keep = (chunk: Buffer) => {
    const text = chunk.toString();
    stderr = (stderr + text).slice(-400_000);
    const lines = (partial + text).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) if ((line.includes('"level":50') || line.includes('"level":60')) && errorLines.length < 500) errorLines.push(line);
  };
  child.stderr!.on('data', keep);
  child.stdout?.on('data', keep);
  const base = `http://127.0.0.1:${port}`;
  await waitUntilHealthy(base, child, () => stderr);
  return { base, startupMs: performance.now() - began, pid: child.pid!, output: () => stderr.slice(-8000),
    errors: () => [...errorLines], stop: () => stopChild(child), kill: () => stopChild(child, 'SIGKILL') };
}

async function waitUntilHealthy(base: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the product exited (${child.exitCode}) before it was healthy: ${stderr()}`);
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`the product was not healthy within 180 s: ${stderr()}`);
}

export function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill(signal);
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
