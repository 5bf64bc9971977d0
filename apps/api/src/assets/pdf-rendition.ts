import { createCanvas } from '@napi-rs/canvas';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { MediaToolError } from './ffmpeg-command.js';
import { PREVIEW_MAX, renderPreview, renderThumbnail } from './render-rendition.js';
import { timeLeft, timeoutMessage, type RenderedVersion, type RenderLimits } from './rendered-version.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type RenderParameters = Parameters<Awaited<ReturnType<Awaited<ReturnType<PdfJs['getDocument']>['promise']>['getPage']>>['render']>[0];
let pdfjs: Promise<{ lib: PdfJs; assets: string }> | undefined;

/** PDF.js's legacy build (the one for Node), with its worker run in this thread and its font data read from the package. */
export function loadPdfJs(): Promise<{ lib: PdfJs; assets: string }> {
  pdfjs ??= (async () => {
    const assets = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    const lib = (await import('pdfjs-dist/legacy/build/pdf.mjs')) as PdfJs;
    // Without a worker of its own PDF.js looks for this global before trying to spawn one.
    const worker: unknown = await import(pathToFileURL(path.join(assets, 'legacy/build/pdf.worker.mjs')).href);
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return { lib, assets: assets + path.sep };
  })();
  return pdfjs;
}

type PdfPage = Awaited<ReturnType<Awaited<ReturnType<PdfJs['getDocument']>['promise']>['getPage']>>;
type PdfRenderTask = ReturnType<PdfPage['render']>;

/**
 * Opens a PDF the way every reader of stored files must: scripts and XFA never run, fonts are drawn
 * as paths, embedded images above the pixel limit are skipped rather than decoded.
 */
export function openPdf(lib: PdfJs, assets: string, data: Uint8Array, maxPixels: number): ReturnType<PdfJs['getDocument']> {
  return lib.getDocument({
    data,
    isEvalSupported: false,
    enableXfa: false,
    disableFontFace: true,
    useSystemFonts: false,
    maxImageSize: maxPixels,
    standardFontDataUrl: `${assets}standard_fonts${path.sep}`,
    cMapUrl: `${assets}cmaps${path.sep}`,
    cMapPacked: true,
    wasmUrl: `${assets}wasm${path.sep}`,
    verbosity: 0,
  });
}

/** One page drawn at `scale` (1 = one pixel per point) as PNG; `wait` may bound the drawing in time. */
export async function drawPdfPage(page: PdfPage, scale: number, wait: (render: PdfRenderTask) => Promise<unknown> = (render) => render.promise): Promise<Buffer> {
  const viewport = page.getViewport({ scale });
  const canvas = createCanvas(Math.max(1, Math.floor(viewport.width)), Math.max(1, Math.floor(viewport.height)));
  // PDF.js is typed against the DOM canvas; @napi-rs/canvas implements the part it draws with.
  const render = page.render({ canvas: canvas as unknown as RenderParameters['canvas'], canvasContext: canvas.getContext('2d') as unknown as RenderParameters['canvasContext'], viewport });
  await wait(render);
  return canvas.encode('png');
}

/**
 * Page images of a PDF: each page fitted into the preview size and watermarked like image previews,
 * at most `pdfMaxPages` of them; the thumbnail is page 1. Scripts are never run (PDFs with scripts
 * are refused at upload anyway), fonts are drawn as paths, and embedded images above the pixel
 * limit are skipped rather than decoded.
 */
export async function renderPdfPages(source: string, watermark: string | null, limits: RenderLimits): Promise<RenderedVersion> {
  const { lib, assets } = await loadPdfJs();
  timeLeft(limits);
  const task = openPdf(lib, assets, new Uint8Array(await readFile(source)), limits.maxPixels);
  try {
    const doc = await withinTime(task.promise, limits, () => task.destroy());
    const pageCount = doc.numPages;
    const pages: Buffer[] = [];
    let thumbnail: Buffer | null = null;
    for (let number = 1; number <= Math.min(pageCount, limits.pdfMaxPages); number++) {
      const page = await withinTime(doc.getPage(number), limits, () => task.destroy());
      const base = page.getViewport({ scale: 1 });
      if (!(base.width >= 1 && base.height >= 1)) throw new MediaToolError(`Page ${number} of the PDF has no size`);
      const scale = Math.min(PREVIEW_MAX / base.width, PREVIEW_MAX / base.height, Math.sqrt(limits.maxPixels / (base.width * base.height)));
      const png = await drawPdfPage(page, scale, (render) => withinTime(render.promise, limits, () => render.cancel()));
      page.cleanup();
      if (number === 1) thumbnail = await renderThumbnail(png, limits.maxPixels);
      pages.push(await renderPreview(png, limits.maxPixels, watermark));
    }
    if (!thumbnail) throw new MediaToolError('The PDF has no pages');
    return { thumbnail, poster: null, preview: null, pages, pageCount };
  } catch (error) {
    if (error instanceof MediaToolError) throw error;
    // PDF.js names the problem (InvalidPDFException: Invalid PDF structure…); that is what the editor needs.
    throw new MediaToolError(`The PDF could not be rendered: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

/** PDF.js runs in this process, so a slow document is abandoned (its task cancelled) when the version's time is up. */
async function withinTime<T>(work: Promise<T>, limits: RenderLimits, cancel: () => unknown): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  // Abandoned work still settles (rejected by its cancellation): it must not surface as an unhandled rejection.
  work.catch(() => undefined);
  const budget = timeLeft(limits);
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      cancel();
      reject(new MediaToolError(timeoutMessage(limits)));
    }, budget);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
