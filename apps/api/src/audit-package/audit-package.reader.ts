import { createHash } from 'node:crypto';
import yauzl from 'yauzl';
import { PACKAGE_PATHS } from './audit-package.format.js';
import type { ReadPackage } from './audit-package.check.js';

const JSON_FILES = new Set<string>(Object.values(PACKAGE_PATHS));

/** Reads a package file entry by entry (streamed, so a large video is never held in memory), hashing each. */
export async function readAuditPackage(zipPath: string): Promise<ReadPackage> {
  const zip = await yauzl.openPromise(zipPath, { lazyEntries: true, autoClose: false });
  const pkg: ReadPackage = { files: new Map(), json: new Map(), unreadable: new Map() };
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName.endsWith('/')) continue;
      try {
        const hash = createHash('sha256');
        const chunks: Buffer[] = [];
        let size = 0;
        for await (const chunk of await zip.openReadStreamPromise(entry)) {
          const bytes = chunk as Buffer;
          hash.update(bytes);
          size += bytes.length;
          if (JSON_FILES.has(entry.fileName)) chunks.push(bytes);
        }
        pkg.files.set(entry.fileName, { sha256: hash.digest('hex'), size });
        if (JSON_FILES.has(entry.fileName)) pkg.json.set(entry.fileName, parseJson(Buffer.concat(chunks)));
      } catch (error) {
        pkg.unreadable.set(entry.fileName, (error as Error).message);
      }
    }
  } finally {
    zip.close();
  }
  return pkg;
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
}
