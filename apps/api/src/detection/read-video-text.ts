import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { MediaToolError, runFfmpeg } from '../assets/ffmpeg-command.js';
import { inputArgs } from '../assets/media-probe.js';
import type { OcrPool } from './ocr-pool.js';
import type { ExtractedLine } from './text-matching.js';
import { screenLines, type FrameText } from './video-screens.js';

/** One frame every this many seconds: on-screen text (supers, end cards) stays up longer than that. */
export const VIDEO_FRAME_INTERVAL_SECONDS = 2;
/** Wide enough for tesseract to read a lower third; small video is enlarged, 4K reduced. */
const OCR_FRAME_WIDTH = 1280;

export interface VideoReadLimits {
  ocr: OcrPool;
  languages: readonly string[];
  ffmpegBinary: () => string;
  maxFrames: number;
  timeoutMs: number;
}

export interface VideoText {
  lines: ExtractedLine[];
  /** Set when the frame cap stopped the reading before the end of the video. */
  capped: string | null;
}

/** Why a video's text could not be read (undecodable, or over its time): trying again will not help. */
export class VideoReadError extends Error {}

/**
 * The text shown in a video: a frame every VIDEO_FRAME_INTERVAL_SECONDS, at most `maxFrames`, each
 * OCRed, consecutive identical screens read once. Frames go to a temporary folder that is always
 * removed; the whole reading (ffmpeg and OCR) stops at `timeoutMs`.
 */
export async function readVideoText(file: string, mimeType: string, limits: VideoReadLimits): Promise<VideoText> {
  const deadline = Date.now() + limits.timeoutMs;
  const overTime = `Reading the video's frames took longer than the ${Math.round(limits.timeoutMs / 1000)} s allowed (TEXT_CHECK_VIDEO_TIMEOUT_SECONDS) and was stopped`;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'vetted-frames-'));
  try {
    // One frame more than the cap shows whether the cap cut the video short.
    const vf = `fps=1/${VIDEO_FRAME_INTERVAL_SECONDS},scale=trunc(iw*sar/2)*2:ih,setsar=1,scale=${OCR_FRAME_WIDTH}:-2,format=gray`;
    try {
      await runFfmpeg(['-v', 'error', ...inputArgs(mimeType, file), '-map', '0:v:0', '-an', '-sn', '-dn', '-vf', vf, '-frames:v', String(limits.maxFrames + 1), '-f', 'image2', path.join(dir, 'frame-%05d.png')], {
        binary: limits.ffmpegBinary(),
        timeoutMs: deadline - Date.now(),
        timeoutMessage: overTime,
        inputName: file,
      });
    } catch (error) {
      if (error instanceof MediaToolError) throw new VideoReadError(error.message.startsWith('ffmpeg failed') ? `The video's frames could not be read: ${error.message}` : error.message);
      throw error;
    }
    const names = (await readdir(dir)).filter((n) => n.endsWith('.png')).sort();
    if (names.length === 0) throw new VideoReadError("The video's frames could not be read: the file has no decodable video frame");
    const capped = names.length > limits.maxFrames ? `only the first ${limits.maxFrames} frames (${timeCode(limits.maxFrames * VIDEO_FRAME_INTERVAL_SECONDS)}) of the video were read (TEXT_CHECK_VIDEO_MAX_FRAMES)` : null;
    const frames: FrameText[] = [];
    for (const [index, name] of names.slice(0, limits.maxFrames).entries()) {
      if (Date.now() >= deadline) throw new VideoReadError(overTime);
      const png = await readFile(path.join(dir, name));
      const { width = 0, height = 0 } = await sharp(png).metadata();
      frames.push({ seconds: index * VIDEO_FRAME_INTERVAL_SECONDS, lines: await limits.ocr.read(png, width, height, limits.languages) });
    }
    return { lines: screenLines(frames), capped };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function timeCode(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, '0')}`;
}
