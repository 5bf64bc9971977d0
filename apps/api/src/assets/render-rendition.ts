import sharp from 'sharp';

export const THUMBNAIL_WIDTH = 320;
export const PREVIEW_MAX = 1600;
export const WATERMARK_TEXT = 'DRAFT – NOT APPROVED';

const input = (maxPixels: number) => ({ limitInputPixels: maxPixels, failOn: 'error' as const, sequentialRead: true });

export async function renderThumbnail(path: string, maxPixels: number): Promise<Buffer> {
  return sharp(path, input(maxPixels)).rotate().resize({ width: THUMBNAIL_WIDTH, withoutEnlargement: true }).webp({ quality: 80 }).toBuffer();
}

/**
 * The reviewer's preview. Until approval, and again once the material leaves use, it carries a
 * diagonal band with `watermark` (null: none) so a screenshot can never pass for approved material.
 */
export async function renderPreview(path: string, maxPixels: number, watermark: string | null): Promise<Buffer> {
  const resized = await sharp(path, input(maxPixels))
    .rotate()
    .resize({ width: PREVIEW_MAX, height: PREVIEW_MAX, fit: 'inside', withoutEnlargement: true })
    .png()
    .toBuffer({ resolveWithObject: true });
  const image = sharp(resized.data);
  if (watermark !== null) image.composite([{ input: Buffer.from(watermarkSvg(resized.info.width, resized.info.height, watermark)), top: 0, left: 0 }]);
  return image.webp({ quality: 85 }).toBuffer();
}

/** PDFs are not rasterised (no PDF renderer in the image library): a document icon stands in. */
export async function renderPdfIcon(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${THUMBNAIL_WIDTH}" height="${THUMBNAIL_WIDTH}">
    <rect width="100%" height="100%" fill="#f3f4f6"/>
    <path d="M100 40 h90 l50 50 v190 h-140 z" fill="#ffffff" stroke="#9ca3af" stroke-width="6"/>
    <path d="M190 40 v50 h50" fill="none" stroke="#9ca3af" stroke-width="6"/>
    <rect x="80" y="170" width="120" height="56" rx="8" fill="#b91c1c"/>
    <text x="140" y="209" font-family="DejaVu Sans, sans-serif" font-size="34" font-weight="bold" fill="#fff" text-anchor="middle">PDF</text>
  </svg>`;
  return sharp(Buffer.from(svg)).webp({ quality: 80 }).toBuffer();
}

/** A key-safe name for a preview watermarked with `label`. */
export function previewSlug(label: string): string {
  return label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'marked';
}

function watermarkSvg(width: number, height: number, label: string): string {
  const diagonal = Math.hypot(width, height);
  const angle = (Math.atan2(height, width) * 180) / Math.PI;
  const band = Math.max(12, Math.round(Math.min(width, height) / 6));
  const fontSize = Math.max(8, Math.min(band * 0.6, diagonal / (label.length * 0.65)));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <g transform="translate(${width / 2} ${height / 2}) rotate(${-angle})">
      <rect x="${-diagonal / 2}" y="${-band / 2}" width="${diagonal}" height="${band}" fill="#b91c1c" fill-opacity="0.55"/>
      <text x="0" y="${fontSize * 0.35}" font-family="DejaVu Sans, sans-serif" font-size="${fontSize}" font-weight="bold" fill="#ffffff" text-anchor="middle">${label}</text>
    </g>
  </svg>`;
}
