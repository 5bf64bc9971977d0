import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { MediaToolError, runFfmpeg } from './ffmpeg-command.js';
import { inputArgs, probeMedia } from './media-probe.js';
import { PREVIEW_MAX, renderPreview, renderThumbnail, watermarkBandPng } from './render-rendition.js';
import { ffmpegLimits, type RenderedVersion, type RenderLimits } from './rendered-version.js';

/** The preview is for reviewing, not for use: small enough to stream anywhere, sharp enough to read on-screen text. */
const PREVIEW_LONG_SIDE = 854;
const PREVIEW_SHORT_SIDE = 480;
/** Square pixels first (anamorphic video would otherwise look squeezed), then no larger than the poster needs. */
const SQUARE_PIXELS = 'scale=trunc(iw*sar/2)*2:ih,setsar=1';

/**
 * A video's poster (a still from early on, watermarked like image previews), its thumbnail, and a
 * low-bitrate H.264 preview with the same band burnt into every frame while `watermark` is set.
 */
export async function renderVideo(source: string, mimeType: string, workDir: string, watermark: string | null, limits: RenderLimits): Promise<RenderedVersion> {
  const probe = await probeMedia(mimeType, source, ffmpegLimits(limits));
  if (!probe.hasVideo) throw new MediaToolError('The file has no video stream');
  const frame = await posterFrame(source, mimeType, probe.durationSeconds, limits);
  const { width, height } = await sharp(frame).metadata();
  if (!width || !height) throw new MediaToolError('No frame could be read from the video');
  const [thumbnail, poster] = await Promise.all([renderThumbnail(frame, limits.maxPixels), renderPreview(frame, limits.maxPixels, watermark)]);

  const size = previewSize(width, height);
  const output = path.join(workDir, 'preview.mp4');
  const args = ['-v', 'error', '-y', ...inputArgs(mimeType, source)];
  let graph = `[0:v]${SQUARE_PIXELS},scale=${size.width}:${size.height},setsar=1`;
  if (watermark !== null) {
    const band = path.join(workDir, 'band.png');
    await writeFile(band, await watermarkBandPng(size.width, size.height, watermark));
    args.push('-i', band);
    graph += '[v];[v][1:v]overlay=0:0';
  }
  args.push(
    '-filter_complex', `${graph},format=yuv420p[out]`,
    '-map', '[out]', '-map', '0:a:0?', '-sn', '-dn',
    // Location and device tags of phone recordings do not belong in a review copy.
    '-map_metadata', '-1',
    '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '30', '-maxrate', '700k', '-bufsize', '1400k',
    '-c:a', 'aac', '-b:a', '64k', '-ac', '2',
    '-movflags', '+faststart', '-f', 'mp4', output,
  );
  await runFfmpeg(args, { ...ffmpegLimits(limits), inputName: source });
  const { size: bytes } = await stat(output);
  return { thumbnail, poster, preview: { contentType: 'video/mp4', ext: 'mp4', path: output, size: bytes }, pages: [], pageCount: null };
}

/** One frame as PNG, a tenth of the way in (at most 3 s: first frames are often black), fitted into the preview size. */
async function posterFrame(source: string, mimeType: string, durationSeconds: number | null, limits: RenderLimits): Promise<Buffer> {
  const at = durationSeconds ? Math.min(durationSeconds * 0.1, 3) : 0;
  const fit = `scale='min(${PREVIEW_MAX},iw)':'min(${PREVIEW_MAX},ih)':force_original_aspect_ratio=decrease`;
  const grab = (seconds: number) =>
    runFfmpeg(['-v', 'error', '-ss', seconds.toFixed(3), ...inputArgs(mimeType, source), '-frames:v', '1', '-vf', `${SQUARE_PIXELS},${fit}`, '-f', 'image2pipe', '-c:v', 'png', 'pipe:1'], {
      ...ffmpegLimits(limits),
      inputName: source,
    });
  let { stdout } = await grab(at);
  // A container whose declared duration is longer than its frames has nothing at `at`: take the first frame.
  if (!stdout.length && at > 0) ({ stdout } = await grab(0));
  if (!stdout.length) throw new MediaToolError('No frame could be read from the video');
  return stdout;
}

export function previewSize(width: number, height: number): { width: number; height: number } {
  const scale = Math.min(1, PREVIEW_LONG_SIDE / Math.max(width, height), PREVIEW_SHORT_SIDE / Math.min(width, height));
  const even = (n: number) => Math.max(2, Math.round((n * scale) / 2) * 2);
  return { width: even(width), height: even(height) };
}
