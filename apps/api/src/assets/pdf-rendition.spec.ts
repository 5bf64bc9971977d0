import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { pdfText, writePdf } from '../demo/pdf-writer.js';
import { MediaToolError } from './ffmpeg-command.js';
import { renderPdfPages } from './pdf-rendition.js';
import type { RenderLimits } from './rendered-version.js';

const limits = (over: Partial<RenderLimits> = {}): RenderLimits => ({
  maxPixels: 100_000_000,
  ffmpegBinary: () => 'unused',
  deadline: Date.now() + 60_000,
  timeoutMs: 60_000,
  pdfMaxPages: 50,
  ...over,
});

describe('PDF page images', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'vetted-pdf-spec-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const file = async (name: string, data: Buffer) => {
    const at = path.join(dir, name);
    await writeFile(at, data);
    return at;
  };
  const page = (text: string) => ({ width: 300, height: 300, content: `0.9 0.9 0.9 rg 0 0 300 300 re f 0 0 0 rg BT /F1 24 Tf 20 150 Td ${pdfText(text)} Tj ET` });

  it('renders no more pages than the cap, and says how many the document has', async () => {
    const rendered = await renderPdfPages(await file('three.pdf', writePdf([page('un'), page('deux'), page('trois')])), null, limits({ pdfMaxPages: 2 }));
    expect(rendered.pageCount).toBe(3);
    expect(rendered.pages).toHaveLength(2);
    // A 300-point square page is drawn at the preview size, not at its own.
    expect(await sharp(rendered.pages[0]).metadata()).toMatchObject({ format: 'webp', width: 1600, height: 1600 });
  });

  it('draws the text with the standard fonts shipped in pdfjs-dist', async () => {
    const rendered = await renderPdfPages(await file('text.pdf', writePdf([page('Insuffisance cardiaque')])), null, limits());
    const { data } = await sharp(rendered.pages[0]).greyscale().raw().toBuffer({ resolveWithObject: true });
    expect(data.reduce((darkest, v) => Math.min(darkest, v), 255)).toBeLessThan(60);
  });

  it('keeps pages within the pixel limit', async () => {
    const rendered = await renderPdfPages(await file('small.pdf', writePdf([page('a')])), null, limits({ maxPixels: 250_000 }));
    const { width, height } = await sharp(rendered.pages[0]).metadata();
    expect(width! * height!).toBeLessThanOrEqual(250_000);
  });

  it('refuses what is not a PDF with PDF.js’s reason, and a spent budget before starting', async () => {
    await expect(renderPdfPages(await file('junk.pdf', Buffer.from('%PDF-1.7\nnothing else')), null, limits())).rejects.toThrow(/^The PDF (could not be rendered|has no pages)/);
    await expect(renderPdfPages(await file('late.pdf', writePdf([page('a')])), null, limits({ deadline: Date.now() - 1 }))).rejects.toBeInstanceOf(MediaToolError);
  });
});
