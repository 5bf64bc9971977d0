import { createHash } from 'node:crypto';
import { mkdir, readlink, symlink, unlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { createWorker, OEM, type Worker } from 'tesseract.js';
import type { ExtractedLine } from './text-matching.js';

/** Tesseract's language codes for the item's ISO 639-1 ones; an item without one is read as both. */
const TESSERACT_LANGUAGE: Record<string, string> = { fr: 'fra', en: 'eng' };

export function ocrLanguagesFor(language: string | null): string[] {
  const known = language ? TESSERACT_LANGUAGE[language] : undefined;
  return known ? [known] : ['fra', 'eng'];
}

let dataDir: Promise<string> | undefined;

/**
 * The trained data comes from the @tesseract.js-data packages, never from the network. tesseract.js
 * reads every language from one folder, and each package has its own, so a folder of links joins them
 * (passing the data in memory is broken in 7.0.0: it joins the bytes, not the codes, into the language name).
 */
function trainedDataDir(): Promise<string> {
  dataDir ??= (async () => {
    const require = createRequire(import.meta.url);
    const sources = Object.values(TESSERACT_LANGUAGE).map((code) => [code, require.resolve(`@tesseract.js-data/${code}/4.0.0_best_int/${code}.traineddata.gz`)] as const);
    // One folder per installation: two checkouts (or a moved one) must never share links to each other's files.
    const installation = createHash('sha256').update(sources.map(([, source]) => source).join('\n')).digest('hex').slice(0, 12);
    const dir = path.join(os.tmpdir(), `vetted-tessdata-${process.getuid?.() ?? 'user'}-${installation}`);
    await mkdir(dir, { recursive: true });
    for (const [code, source] of sources) await linkTo(path.join(dir, `${code}.traineddata.gz`), source);
    return dir;
  })();
  return dataDir;
}

/** `target` → `source`, replacing a link that points elsewhere (or nowhere); another process making the same link at once is fine. */
async function linkTo(target: string, source: string): Promise<void> {
  if ((await readlink(target).catch(() => null)) === source) return;
  await unlink(target).catch(() => undefined);
  await symlink(source, target).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST' || (await readlink(target).catch(() => null)) !== source) throw error;
  });
}

/**
 * OCR with tesseract.js, at most `concurrency` images at a time in this process (each run takes a
 * core). Workers are kept per language set and ended with the application.
 */
export class OcrPool {
  private readonly idle = new Map<string, Worker[]>();
  private readonly all: Worker[] = [];
  private running = 0;
  private readonly queue: (() => void)[] = [];

  constructor(private readonly concurrency: number) {}

  /** Lines of text in a PNG of `width`×`height` pixels, with their boxes as fractions of the image. */
  async read(png: Buffer, width: number, height: number, languages: readonly string[]): Promise<ExtractedLine[]> {
    await this.slot();
    const key = languages.join('+');
    let worker: Worker | undefined;
    try {
      worker = this.idle.get(key)?.pop() ?? (await this.start(languages));
      const { data } = await worker.recognize(png, {}, { blocks: true, text: false });
      const lines: ExtractedLine[] = [];
      for (const block of data.blocks ?? []) {
        for (const paragraph of block.paragraphs) {
          for (const line of paragraph.lines) {
            const text = line.words.filter((w) => w.confidence >= 30).map((w) => w.text).join(' ');
            if (!text.trim()) continue;
            const { x0, y0, x1, y1 } = line.bbox;
            lines.push({ text, page: null, seconds: null, box: { x: x0 / width, y: y0 / height, width: (x1 - x0) / width, height: (y1 - y0) / height } });
          }
        }
      }
      return lines;
    } finally {
      if (worker) this.idle.set(key, [...(this.idle.get(key) ?? []), worker]);
      this.running--;
      this.queue.shift()?.();
    }
  }

  async close(): Promise<void> {
    const workers = this.all.splice(0);
    this.idle.clear();
    await Promise.all(workers.map((w) => w.terminate().catch(() => undefined)));
  }

  private async start(languages: readonly string[]): Promise<Worker> {
    const worker = await createWorker([...languages], OEM.LSTM_ONLY, { langPath: await trainedDataDir(), gzip: true, cacheMethod: 'none' });
    this.all.push(worker);
    return worker;
  }

  private slot(): Promise<void> {
    if (this.running < this.concurrency) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.queue.push(() => (this.running++, resolve())));
  }
}
