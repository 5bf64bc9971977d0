import type { ContentFormat, MediaFacts } from '@vetted/contracts';
import { fileTypeFromFile } from 'file-type';
import mediaInfoFactory from 'mediainfo.js';
import { parseFile } from 'music-metadata';
import { open } from 'node:fs/promises';
import sharp from 'sharp';
import { UnprocessableError } from '../common/domain-errors.js';
import { assertAcceptedType } from './accepted-file.policy.js';
import { assertDurationAllowed, type DurationLimits } from './media-rules.policy.js';
import { assertPdfHasNoScripts } from './pdf-scripts.policy.js';

export interface InspectedFile {
  ext: string;
  mimeType: string;
  media: MediaFacts;
}

const IMAGES = ['png', 'jpg', 'webp'];
const AUDIO = ['mp3', 'm4a', 'ogg', 'wav'];
const VIDEO = ['mp4', 'webm', 'mov'];
const NO_MEDIA: MediaFacts = { durationSeconds: null, width: null, height: null };

/**
 * Decides what a received file is from its bytes and measures it: the type must be one the format
 * accepts (415), images must not declare more pixels than allowed (decompression bombs, 422), and
 * audio/video must fit the format's duration (422), PDFs must not carry scripts (422). Reads headers
 * (and streams PDFs), so memory stays flat.
 */
export async function inspectFile(path: string, format: ContentFormat, limits: DurationLimits & { imageMaxPixels: number }): Promise<InspectedFile> {
  const detected = await fileTypeFromFile(path);
  const ext = assertAcceptedType(format, detected);
  const mimeType = detected!.mime;
  let media = NO_MEDIA;
  if (IMAGES.includes(ext)) media = await measureImage(path, limits.imageMaxPixels);
  else if (AUDIO.includes(ext)) media = await measureAudio(path);
  else if (VIDEO.includes(ext)) media = await measureVideo(path);
  else if (ext === 'pdf') await assertPdfHasNoScripts(path);
  assertDurationAllowed(format, media.durationSeconds, limits);
  return { ext, mimeType, media };
}

async function measureImage(path: string, maxPixels: number): Promise<MediaFacts> {
  let width: number | undefined;
  let height: number | undefined;
  try {
    // Only the header is read here (nothing is decoded), so the declared size can be checked against the limit below.
    ({ width, height } = await sharp(path, { limitInputPixels: false }).metadata());
  } catch {
    throw new UnprocessableError('The image could not be read: it is damaged or incomplete');
  }
  if (!width || !height) throw new UnprocessableError('The image does not declare its dimensions');
  // The header alone declares the size: refusing here means a small file can never inflate to gigabytes of pixels.
  if (width * height > maxPixels) {
    throw new UnprocessableError(
      `The image declares ${width}×${height} pixels (${megapixels(width * height)} MP), more than the ${megapixels(maxPixels)} MP allowed`,
      { width, height, maxPixels },
    );
  }
  return { durationSeconds: null, width, height };
}

async function measureAudio(path: string): Promise<MediaFacts> {
  try {
    const { format } = await parseFile(path, { duration: true, skipCovers: true });
    return { durationSeconds: format.duration ?? null, width: null, height: null };
  } catch {
    throw new UnprocessableError('The audio file could not be read: it is damaged or incomplete');
  }
}

/** music-metadata reports no overall duration or picture size for video containers; MediaInfo (wasm) does. */
async function measureVideo(path: string): Promise<MediaFacts> {
  const file = await open(path, 'r');
  const mediainfo = await mediaInfoFactory({ format: 'object' });
  try {
    const { size } = await file.stat();
    const result = await mediainfo.analyzeData(size, async (chunkSize, offset) => {
      const buffer = Buffer.alloc(Math.min(chunkSize, Math.max(0, size - offset)));
      const { bytesRead } = await file.read(buffer, 0, buffer.length, offset);
      return buffer.subarray(0, bytesRead);
    });
    const tracks = result.media?.track ?? [];
    const general = tracks.find((t) => t['@type'] === 'General');
    const video = tracks.find((t) => t['@type'] === 'Video');
    return {
      durationSeconds: numberOrNull(general?.Duration ?? video?.Duration),
      width: numberOrNull(video && 'Width' in video ? video.Width : undefined),
      height: numberOrNull(video && 'Height' in video ? video.Height : undefined),
    };
  } catch {
    throw new UnprocessableError('The video file could not be read: it is damaged or incomplete');
  } finally {
    mediainfo.close();
    await file.close();
  }
}

const numberOrNull = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v !== '' && Number.isFinite(Number(v)) ? Number(v) : null);
const megapixels = (pixels: number) => Math.round(pixels / 100_000) / 10;
