import { spawn } from 'node:child_process';
import { accessSync, chmodSync, constants, statSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Why a rendition could not be made with ffmpeg; the message is stored on the rendition and shown to editors. */
export class MediaToolError extends Error {}

/** How ffmpeg may run for one rendering: which binary, and how long is left (with what to say when it runs out). */
export interface FfmpegLimits {
  binary: string;
  timeoutMs: number;
  timeoutMessage?: string;
}

export interface FfmpegRun {
  stdout: Buffer;
  stderr: string;
}

const STDERR_KEPT = 64 * 1024;
const DEFAULT_STDOUT_MAX = 64 * 1024 * 1024;
let resolved: string | undefined;

/**
 * The ffmpeg binary: FFMPEG_PATH if set, else the one shipped in @ffmpeg-installer's platform
 * package. That package sets the run bit in a postinstall script, which we do not run (the tarball
 * already carries the bit); a copy that lost it (some extractors drop modes) is made executable here.
 */
export function ffmpegBinary(configured?: string): string {
  if (configured) return configured;
  if (resolved) return resolved;
  let path: string;
  try {
    path = (createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path: string }).path;
  } catch (error) {
    // The package throws a plain string on platforms it has no binary for.
    throw new MediaToolError(`ffmpeg is not available here (${String(error instanceof Error ? error.message : error)}); set FFMPEG_PATH`);
  }
  try {
    accessSync(path, constants.X_OK);
  } catch {
    try {
      chmodSync(path, statSync(path).mode | 0o111);
    } catch {
      throw new MediaToolError(`ffmpeg at ${path} is not executable and could not be made so; set FFMPEG_PATH or run chmod +x on it`);
    }
  }
  resolved = path;
  return path;
}

/**
 * Runs ffmpeg as a child process and kills it when `timeoutMs` passes, so a hostile or huge file
 * costs at most that much time; stdout beyond `maxStdoutBytes` also stops it. Rejects with a
 * MediaToolError naming the cause (the last lines of ffmpeg's own message), never with a raw spawn error.
 */
export function runFfmpeg(args: string[], opts: FfmpegLimits & { maxStdoutBytes?: number; inputName?: string }): Promise<FfmpegRun> {
  const maxStdout = opts.maxStdoutBytes ?? DEFAULT_STDOUT_MAX;
  return new Promise((resolve, reject) => {
    const child = spawn(opts.binary, ['-hide_banner', '-nostdin', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let stdoutBytes = 0;
    let stderr = '';
    let failure: string | null = null;
    const stop = (why: string) => {
      failure ??= why;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => stop(opts.timeoutMessage ?? `ffmpeg took longer than ${Math.round(opts.timeoutMs / 1000)} s and was stopped`), opts.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      if (stdoutBytes > maxStdout) stop(`ffmpeg produced more than ${Math.round(maxStdout / 1024 / 1024)} MB and was stopped`);
      else chunks.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_KEPT);
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(new MediaToolError(error.code === 'ENOENT' ? `ffmpeg was not found at ${opts.binary}; set FFMPEG_PATH` : `ffmpeg could not be started: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (failure) return reject(new MediaToolError(failure));
      if (code === 0) return resolve({ stdout: Buffer.concat(chunks), stderr });
      reject(new MediaToolError(`ffmpeg failed (${signal ?? `exit ${code}`}): ${lastLines(stderr, opts.inputName)}`));
    });
  });
}

/** ffmpeg's last words, with the temporary file's path taken out (it means nothing to an editor). */
function lastLines(stderr: string, inputName: string | undefined): string {
  let text = stderr.trim().split('\n').slice(-3).join(' ').trim();
  if (inputName) text = text.split(inputName).join('the file');
  return (text || 'no message').slice(0, 400);
}
