import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import { ffmpegBinary, runFfmpeg } from '../assets/ffmpeg-command.js';
import { writePdf } from '../demo/pdf-writer.js';

export interface DrawnLine {
  text: string;
  /** Where the line was drawn, as fractions of the image: the box a reader should find it in. */
  area: { x: number; y: number; width: number; height: number };
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Lines of black text on white rendered into a PNG (DejaVu Sans, through sharp's SVG renderer). */
export async function textImage(lines: readonly string[], size = { width: 1200, height: 800 }, fontSize = 34): Promise<{ png: Buffer; drawn: DrawnLine[] }> {
  const left = 60;
  const gap = fontSize * 1.6;
  const drawn = lines.map((text, i) => {
    const baseline = 120 + i * gap;
    return { text, baseline, area: { x: left / size.width, y: (baseline - fontSize) / size.height, width: (size.width - 2 * left) / size.width, height: (fontSize * 1.35) / size.height } };
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}"><rect width="100%" height="100%" fill="#ffffff"/>${drawn
    .map((l) => `<text x="${left}" y="${l.baseline}" font-family="DejaVu Sans" font-size="${fontSize}" fill="#111111">${escapeXml(l.text)}</text>`)
    .join('')}</svg>`;
  return { png: await sharp(Buffer.from(svg)).png().toBuffer(), drawn: drawn.map(({ text, area }) => ({ text, area })) };
}

const pdfString = (s: string) => `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`;

/** A PDF with a text layer: each page's lines in Helvetica, top down (A4 portrait, points). */
export function textPdf(pages: readonly (readonly string[])[]): Buffer {
  return writePdf(
    pages.map((lines) => ({
      width: 595,
      height: 842,
      content: lines.map((line, i) => `BT /F1 16 Tf 50 ${780 - i * 28} Td ${pdfString(line)} Tj ET`).join('\n'),
    })),
  );
}

/** Text shown in a video from `from` to `to` seconds, one or more lines. */
export interface VideoCaption {
  lines: readonly string[];
  from: number;
  to: number;
}

/**
 * A white H.264 video showing each caption from `from` to `to` seconds, at 5 frames a second (small
 * and quick to encode: the text check samples far fewer). Captions are drawn by sharp, as in the
 * demo videos, and overlaid by ffmpeg: drawtext would need a font file path a bare system may not have.
 */
export async function textVideo(captions: readonly VideoCaption[], seconds: number, size = { width: 1280, height: 720 }): Promise<Buffer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'vetted-textvideo-'));
  try {
    const inputs: string[] = [];
    const overlays: string[] = [];
    for (const [i, caption] of captions.entries()) {
      const file = path.join(dir, `caption-${i}.png`);
      await writeFile(file, (await textImage(caption.lines, size, 40)).png);
      inputs.push('-i', file);
      overlays.push(`[${i === 0 ? '0:v' : `v${i}`}][${i + 1}:v]overlay=0:0:enable='between(t,${caption.from},${caption.to})'[v${i + 1}]`);
    }
    const graph = overlays.length ? `${overlays.join(';')};[v${overlays.length}]format=yuv420p[out]` : '[0:v]format=yuv420p[out]';
    const out = path.join(dir, 'captions.mp4');
    await runFfmpeg(
      ['-v', 'error', '-f', 'lavfi', '-i', `color=c=white:s=${size.width}x${size.height}:r=5:d=${seconds}`, ...inputs, '-filter_complex', graph, '-map', '[out]', '-t', String(seconds), '-c:v', 'libx264', '-preset', 'ultrafast', '-movflags', '+faststart', out],
      { binary: ffmpegBinary(), timeoutMs: 60_000 },
    );
    return await readFile(out);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** An image-only PDF, as a scanner makes: each page an A4 PNG of its lines, and no text layer. */
export async function scannedPdf(pages: readonly (readonly string[])[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', autoFirstPage: false, margin: 0 });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  for (const lines of pages) {
    const { png } = await textImage(lines, { width: 1240, height: 1754 }, 36);
    doc.addPage({ size: 'A4', margin: 0 });
    doc.image(png, 0, 0, { width: 595.28, height: 841.89 });
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
