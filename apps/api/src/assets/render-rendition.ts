import sharp from 'sharp';
import type { RenderedVersion } from './rendered-version.js';

export const THUMBNAIL_WIDTH = 320;
export const PREVIEW_MAX = 1600;
export const WATERMARK_TEXT = 'DRAFT – NOT APPROVED';

const input = (maxPixels: number) => ({ limitInputPixels: maxPixels, failOn: 'error' as const, sequentialRead: true });

/** `source`: a file path or the bytes of an image (a video frame, a PDF page, a waveform). */
export async function renderThumbnail(source: string | Buffer, maxPixels: number): Promise<Buffer> {
  return sharp(source, input(maxPixels)).rotate().resize({ width: THUMBNAIL_WIDTH, withoutEnlargement: true }).webp({ quality: 80 }).toBuffer();
}

/**
 * The reviewer's preview. Until approval, and again once the material leaves use, it carries a
 * diagonal band with `watermark` (null: none) so a screenshot can never pass for approved material.
 */
export async function renderPreview(source: string | Buffer, maxPixels: number, watermark: string | null): Promise<Buffer> {
  const resized = await sharp(source, input(maxPixels))
    .rotate()
    .resize({ width: PREVIEW_MAX, height: PREVIEW_MAX, fit: 'inside', withoutEnlargement: true })
    .png()
    .toBuffer({ resolveWithObject: true });
  const image = sharp(resized.data);
  if (watermark !== null) image.composite([{ input: Buffer.from(watermarkSvg(resized.info.width, resized.info.height, watermark)), top: 0, left: 0 }]);
  return image.webp({ quality: 85 }).toBuffer();
}

/** A key-safe name for a preview watermarked with `label`. */
export function previewSlug(label: string): string {
  return label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'marked';
}

/** The band alone, transparent elsewhere: ffmpeg lays it over every frame of a video preview. */
export async function watermarkBandPng(width: number, height: number, label: string): Promise<Buffer> {
  return sharp(Buffer.from(watermarkSvg(width, height, label))).png().toBuffer();
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

/** An image's thumbnail and preview. */
export async function renderImage(source: string, watermark: string | null, limits: { maxPixels: number }): Promise<RenderedVersion> {
  const [thumbnail, preview] = await Promise.all([renderThumbnail(source, limits.maxPixels), renderPreview(source, limits.maxPixels, watermark)]);
  return { thumbnail, poster: null, preview: { contentType: 'image/webp', ext: 'webp', data: preview }, pages: [], pageCount: null };
}
