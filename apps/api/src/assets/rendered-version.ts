import { MediaToolError, type FfmpegLimits } from './ffmpeg-command.js';

/** A preview as stored: an image in memory, or a video written to a temporary file (it can be megabytes). */
export type RenderedPreview = { contentType: 'image/webp'; ext: 'webp'; data: Buffer } | { contentType: 'video/mp4'; ext: 'mp4'; path: string; size: number };

/** Everything rendered for one version, ready to store under its fixed keys. */
export interface RenderedVersion {
  thumbnail: Buffer;
  /** null for a PDF: its preview is its first page. */
  preview: RenderedPreview | null;
  /** A video's still (WebP, watermarked like the preview). */
  poster: Buffer | null;
  /** A PDF's page images (WebP, watermarked like the preview), page 1 first. */
  pages: Buffer[];
  /** Pages in the PDF, also those past the page cap; null for anything else. */
  pageCount: number | null;
}

export interface RenderLimits {
  maxPixels: number;
  /** Resolved on first use: images and PDFs render where no ffmpeg is available. */
  ffmpegBinary: () => string;
  /** The whole rendering of one version must end by `deadline` (epoch ms); `timeoutMs` is that budget, for messages. */
  deadline: number;
  timeoutMs: number;
  pdfMaxPages: number;
}

/** Throws once the version's budget is spent; otherwise what is left of it, in ms. */
export function timeLeft(limits: RenderLimits): number {
  const left = limits.deadline - Date.now();
  if (left <= 0) throw new MediaToolError(timeoutMessage(limits));
  return left;
}

export function ffmpegLimits(limits: RenderLimits): FfmpegLimits {
  return { binary: limits.ffmpegBinary(), timeoutMs: timeLeft(limits), timeoutMessage: timeoutMessage(limits) };
}

export function timeoutMessage(limits: RenderLimits): string {
  return `Rendering took longer than the ${Math.round(limits.timeoutMs / 1000)} s allowed (RENDITION_TIMEOUT_SECONDS) and was stopped`;
}
