import sharp from 'sharp';
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
