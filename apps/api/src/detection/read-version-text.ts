import sharp from 'sharp';
import type { OcrPool } from './ocr-pool.js';
import { ocrLanguagesFor } from './ocr-pool.js';
import { readPdfText } from './read-pdf-text.js';
import { readVideoText, VideoReadError } from './read-video-text.js';
import type { ExtractedLine } from './text-matching.js';

/** A file whose text cannot be read (a broken PDF, an undecodable image): trying again will not help. */
export class UnreadableFileError extends Error {}

/** `partial` says what was left unread (a video past its frame cap): the findings hold for the rest only. */
export type ReadText = { kind: 'text'; lines: ExtractedLine[]; partial?: string } | { kind: 'nothing_to_read'; reason: string };

export interface ReadLimits {
  ocr: OcrPool;
  maxPixels: number;
  pdfMaxPages: number;
  /** Resolved on first use: images and PDFs are read where no ffmpeg is available. */
  ffmpegBinary: () => string;
  videoMaxFrames: number;
  videoTimeoutMs: number;
}

/** Small text reads better when enlarged: images narrower than this are scaled up before OCR. */
const OCR_MIN_WIDTH = 1000;
const MIN_LEGIBLE = 16;

/** What a file says, by its (checked) type: a PDF's text layer (OCR for scanned pages), an image's OCR, a video's frames OCRed; audio has no text. */
export async function readVersionText(file: string, mimeType: string, language: string | null, limits: ReadLimits): Promise<ReadText> {
  if (mimeType === 'application/pdf') {
    try {
      return { kind: 'text', lines: await readPdfText(file, limits.pdfMaxPages, { pool: limits.ocr, languages: ocrLanguagesFor(language), maxPixels: limits.maxPixels }) };
    } catch (error) {
      throw new UnreadableFileError(`The PDF's text could not be read: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (mimeType.startsWith('image/')) {
    let png: { data: Buffer; info: { width: number; height: number } };
    try {
      const image = sharp(file, { limitInputPixels: limits.maxPixels }).rotate();
      const { width = 0, height = 0 } = await image.metadata();
      // Nothing legible fits in a few pixels (icons, the tests' one-pixel files): no OCR run for them.
      if (width < MIN_LEGIBLE || height < MIN_LEGIBLE) return { kind: 'text', lines: [] };
      png = await image
        .resize(width > 0 && width < OCR_MIN_WIDTH ? { width: OCR_MIN_WIDTH } : undefined)
        .flatten({ background: '#ffffff' })
        .greyscale()
        .png()
        .toBuffer({ resolveWithObject: true });
    } catch (error) {
      throw new UnreadableFileError(`The image could not be decoded: ${error instanceof Error ? error.message : String(error)}`);
    }
    return { kind: 'text', lines: await limits.ocr.read(png.data, png.info.width, png.info.height, ocrLanguagesFor(language)) };
  }
  if (mimeType.startsWith('audio/')) return { kind: 'nothing_to_read', reason: 'audio: there is no text to read' };
  try {
    const video = await readVideoText(file, mimeType, { ocr: limits.ocr, languages: ocrLanguagesFor(language), ffmpegBinary: limits.ffmpegBinary, maxFrames: limits.videoMaxFrames, timeoutMs: limits.videoTimeoutMs });
    return { kind: 'text', lines: video.lines, ...(video.capped ? { partial: video.capped } : {}) };
  } catch (error) {
    if (error instanceof VideoReadError) throw new UnreadableFileError(error.message);
    throw error;
  }
}
