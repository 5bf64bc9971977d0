import { renderWaveform } from './audio-rendition.js';
import { renderPdfPages } from './pdf-rendition.js';
import { renderImage } from './render-rendition.js';
import type { RenderedVersion, RenderLimits } from './rendered-version.js';
import { renderVideo } from './video-rendition.js';

const IMAGES = ['image/png', 'image/jpeg', 'image/webp'];

/** Whether anything is rendered for files of this type (every accepted type has a rendition). */
export function isRendered(mimeType: string): boolean {
  return IMAGES.includes(mimeType) || mimeType === 'application/pdf' || mimeType.startsWith('video/') || mimeType.startsWith('audio/');
}

/** Picks the renderer for the version's type; `workDir` is a private temporary folder the caller removes. */
export function renderVersion(source: string, mimeType: string, workDir: string, watermark: string | null, limits: RenderLimits): Promise<RenderedVersion> {
  if (mimeType === 'application/pdf') return renderPdfPages(source, watermark, limits);
  if (mimeType.startsWith('video/')) return renderVideo(source, mimeType, workDir, watermark, limits);
  if (mimeType.startsWith('audio/')) return renderWaveform(source, mimeType, watermark, limits);
  return renderImage(source, watermark, limits);
}
