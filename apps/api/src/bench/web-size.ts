import { promises as fs } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Gzip size of the JavaScript the browser loads before the first screen: the entry script and its modulepreloads. */
export async function initialJsGzipBytes(webDist: string): Promise<{ bytes: number; files: string[] } | null> {
  const html = await fs.readFile(path.join(webDist, 'index.html'), 'utf8').catch(() => null);
  if (html === null) return null;
  const files = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)].map((m) => m[1] ?? m[2]);
  let bytes = 0;
  for (const file of files) bytes += gzipSync(await fs.readFile(path.join(webDist, file.replace(/^\//, '')))).length;
  return { bytes, files };
}
