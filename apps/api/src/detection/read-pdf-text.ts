import { readFile } from 'node:fs/promises';
import { drawPdfPage, loadPdfJs, openPdf } from '../assets/pdf-rendition.js';
import type { OcrPool } from './ocr-pool.js';
import type { ExtractedLine } from './text-matching.js';

/** How a page with no text layer is read: OCR of the page drawn as an image. */
export interface PdfOcr {
  pool: OcrPool;
  languages: readonly string[];
  maxPixels: number;
}

/** A page whose text layer has fewer letters and digits than this is a scan (a page number or a stray mark is not its text). */
const SCANNED_PAGE_MAX_CHARS = 12;
/** Pages are drawn this wide for OCR: about 200 dpi for A4, where tesseract reads body text well. */
const OCR_PAGE_WIDTH = 1700;

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
 * top left). Scripts never run; at most `maxPages` pages are read. A page without a text layer (a
 * scan) is drawn as an image and OCRed when `ocr` is given; its lines carry the page number too.
 */
export async function readPdfText(source: string, maxPages: number, ocr?: PdfOcr): Promise<ExtractedLine[]> {
  const { lib, assets } = await loadPdfJs();
  const task = openPdf(lib, assets, new Uint8Array(await readFile(source)), ocr?.maxPixels ?? Number.MAX_SAFE_INTEGER);
  try {
    const doc = await task.promise;
    const lines: ExtractedLine[] = [];
    for (let number = 1; number <= Math.min(doc.numPages, maxPages); number++) {
      const page = await doc.getPage(number);
      const { width: pageWidth, height: pageHeight } = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const layerChars = content.items.reduce((n, item) => n + ('str' in item ? item.str.replace(/[^\p{L}\p{N}]/gu, '').length : 0), 0);
      if (ocr && layerChars < SCANNED_PAGE_MAX_CHARS) {
        const scale = Math.min(OCR_PAGE_WIDTH / pageWidth, Math.sqrt(ocr.maxPixels / (pageWidth * pageHeight)));
        const png = await drawPdfPage(page, scale);
        page.cleanup();
        const width = Math.max(1, Math.floor(pageWidth * scale));
        const height = Math.max(1, Math.floor(pageHeight * scale));
        for (const line of await ocr.pool.read(png, width, height, ocr.languages)) lines.push({ ...line, page: number });
        continue;
      }
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
