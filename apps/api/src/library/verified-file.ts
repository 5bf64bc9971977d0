import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, promises as fs, type ReadStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface SpooledFile {
  sha256: string;
  size: number;
  /** Reads the spooled bytes once; the temporary file is removed when the stream closes. */
  open(): ReadStream;
  discard(): Promise<void>;
}

/**
 * Copies an object to a temporary file while hashing it, so what is checked is exactly what is then
 * sent (reading S3 twice could send other bytes than were hashed), in constant memory.
 */
export async function spoolAndHash(source: Readable): Promise<SpooledFile> {
  const tempPath = path.join(os.tmpdir(), `vetted-download-${randomUUID()}`);
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
  return {
    sha256: hash.digest('hex'),
    size,
    discard,
    open() {
      const stream = createReadStream(tempPath);
      stream.once('close', () => void discard());
      return stream;
    },
  };
}

/** RFC 6266: an ASCII fallback for old clients, and the exact UTF-8 name in filename*. */
export function attachmentDisposition(filename: string): string {
  const ascii = filename
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
