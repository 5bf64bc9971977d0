import { readFile } from 'node:fs/promises';
import { loadPdfJs } from '../assets/pdf-rendition.js';
import type { ExtractedLine } from './text-matching.js';

/** PDF.js text items that the checks below read (its types name them TextItem | TextMarkedContent). */
interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

/**
 * The text layer of a PDF, one entry per line, with its page and box (fractions of the page, from the
 * top left). Scripts never run; at most `maxPages` pages are read. A scanned PDF has no text layer.
 */
export async function readPdfText(source: string, maxPages: number): Promise<ExtractedLine[]> {
  const { lib, assets } = await loadPdfJs();
  const task = lib.getDocument({ data: new Uint8Array(await readFile(source)), isEvalSupported: false, enableXfa: false, standardFontDataUrl: `${assets}standard_fonts/`, cMapUrl: `${assets}cmaps/`, cMapPacked: true, verbosity: 0 });
  try {
    const doc = await task.promise;
    const lines: ExtractedLine[] = [];
    for (let number = 1; number <= Math.min(doc.numPages, maxPages); number++) {
      const page = await doc.getPage(number);
      const { width: pageWidth, height: pageHeight } = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      let current: { text: string; x0: number; x1: number; top: number; bottom: number; baseline: number } | null = null;
      const flush = () => {
        if (current && current.text.trim()) {
          lines.push({ text: current.text, page: number, seconds: null, box: { x: current.x0 / pageWidth, y: current.top / pageHeight, width: (current.x1 - current.x0) / pageWidth, height: (current.bottom - current.top) / pageHeight } });
        }
        current = null;
      };
      for (const raw of content.items) {
        if (!('str' in raw)) continue;
        const item = raw as PdfTextItem;
        const [, , , scaleY, x, y] = item.transform;
        const size = Math.abs(item.height || scaleY) || 1;
        const top = pageHeight - y - size * 0.8;
        const bottom = pageHeight - y + size * 0.2;
        if (current && Math.abs(current.baseline - y) > size / 2) flush();
        if (!current) current = { text: '', x0: x, x1: x, top, bottom, baseline: y };
        if (item.str) {
          const gap = x - current.x1 > size * 0.15 && !current.text.endsWith(' ') && !item.str.startsWith(' ');
          current.text += (current.text && gap ? ' ' : '') + item.str;
          current.x1 = Math.max(current.x1, x + item.width);
          current.top = Math.min(current.top, top);
          current.bottom = Math.max(current.bottom, bottom);
        }
        if (item.hasEOL) flush();
      }
      flush();
      page.cleanup();
    }
    return lines;
  } finally {
    await task.destroy().catch(() => undefined);
  }
}
