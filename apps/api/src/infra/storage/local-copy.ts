import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, promises as fs, type ReadStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * A pass-through stream that counts and hashes (SHA-256) what flows through it: read the result once
 * the stream has ended, or be told when the last byte has passed (`onEnd`).
 */
export function sha256Meter(onEnd?: (measured: { size: number; sha256: string }) => void): { stream: Transform; result(): { size: number; sha256: string } } {
  const hash = createHash('sha256');
  let size = 0;
  let measured: { size: number; sha256: string } | null = null;
  const result = () => (measured ??= { size, sha256: hash.digest('hex') });
  const stream = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
    flush(done) {
      if (onEnd) onEnd(result());
      done();
    },
  });
  return { stream, result };
}

export interface LocalCopy {
  tempPath: string;
  size: number;
  sha256: string;
  /** Reads the copy once; the temporary file is removed when the stream closes. */
  open(): ReadStream;
  discard(): Promise<void>;
}

/**
 * Copies a stream (a stored object) to a temporary file while hashing it: constant memory, and the
 * bytes checked are exactly the bytes then used or sent (reading S3 twice could give other bytes).
 */
export async function copyToTemp(source: Readable): Promise<LocalCopy> {
  const tempPath = path.join(os.tmpdir(), `vetted-object-${randomUUID()}`);
  const discard = () => fs.rm(tempPath, { force: true });
  const meter = sha256Meter();
  try {
    await pipeline(source, meter.stream, createWriteStream(tempPath));
  } catch (error) {
    await discard();
    throw error;
  }
  return {
    tempPath,
    ...meter.result(),
    discard,
    open() {
      const stream = createReadStream(tempPath);
      stream.once('close', () => void discard());
      return stream;
    },
  };
}
