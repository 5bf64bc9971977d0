import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface LocalCopy {
  tempPath: string;
  size: number;
  sha256: string;
  discard(): Promise<void>;
}

/** Copies a stored object to a temporary file while hashing it: constant memory, and the bytes checked are the bytes kept. */
export async function copyToTemp(source: Readable): Promise<LocalCopy> {
  const tempPath = path.join(os.tmpdir(), `vetted-object-${randomUUID()}`);
  const discard = () => fs.rm(tempPath, { force: true });
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  try {
    await pipeline(source, meter, createWriteStream(tempPath));
  } catch (error) {
    await discard();
    throw error;
  }
  return { tempPath, size, sha256: hash.digest('hex'), discard };
}
