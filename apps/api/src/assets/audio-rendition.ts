import sharp from 'sharp';
import { MediaToolError, runFfmpeg } from './ffmpeg-command.js';
import { inputArgs, probeMedia } from './media-probe.js';
import { PREVIEW_MAX, renderPreview, renderThumbnail } from './render-rendition.js';
import { ffmpegLimits, type RenderedVersion, type RenderLimits } from './rendered-version.js';

const WAVEFORM_HEIGHT = 400;
const WAVEFORM_COLOUR = '0x1d4ed8';
const BACKGROUND = '#f8fafc';

/** An audio file's waveform over its whole length: the thumbnail, and the preview (watermarked like image previews). */
export async function renderWaveform(source: string, mimeType: string, watermark: string | null, limits: RenderLimits): Promise<RenderedVersion> {
  const probe = await probeMedia(mimeType, source, ffmpegLimits(limits));
  if (!probe.hasAudio) throw new MediaToolError('The file has no audio stream');
  const { stdout } = await runFfmpeg(
    [
      '-v', 'error', ...inputArgs(mimeType, source),
      '-filter_complex', `[0:a:0]aformat=channel_layouts=mono,showwavespic=s=${PREVIEW_MAX}x${WAVEFORM_HEIGHT}:colors=${WAVEFORM_COLOUR}[w]`,
      '-map', '[w]', '-frames:v', '1', '-f', 'image2pipe', '-c:v', 'png', 'pipe:1',
    ],
    { ...ffmpegLimits(limits), inputName: source },
  );
  if (!stdout.length) throw new MediaToolError('No sound could be read from the file');
  // showwavespic draws on transparency; a plain ground keeps the picture readable on dark pages too.
  const picture = await sharp(stdout).flatten({ background: BACKGROUND }).png().toBuffer();
  const [thumbnail, preview] = await Promise.all([renderThumbnail(picture, limits.maxPixels), renderPreview(picture, limits.maxPixels, watermark)]);
  return { thumbnail, poster: null, preview: { contentType: 'image/webp', ext: 'webp', data: preview }, pages: [], pageCount: null };
}
