import { MediaToolError, runFfmpeg, type FfmpegLimits } from './ffmpeg-command.js';

export interface MediaProbe {
  durationSeconds: number | null;
  hasVideo: boolean;
  hasAudio: boolean;
}

/**
 * The demuxer for each accepted type (the type file-type read from the bytes). Naming it, instead
 * of letting ffmpeg guess, keeps a file that only starts like an MP4 from being read as a playlist
 * or another container that could point ffmpeg at other files.
 */
const DEMUXERS: Array<[RegExp, string]> = [
  [/^(video\/(mp4|quicktime|x-m4v)|audio\/(mp4|x-m4a))$/, 'mov'],
  [/^video\/webm$/, 'matroska'],
  [/^audio\/mpeg$/, 'mp3'],
  [/^audio\/(ogg|opus)/, 'ogg'],
  [/^audio\/(wav|x-wav|vnd\.wave)$/, 'wav'],
];

/** ffmpeg's input options for a stored file of this type: the container forced, local files only. */
export function inputArgs(mimeType: string, path: string): string[] {
  const demuxer = DEMUXERS.find(([pattern]) => pattern.test(mimeType))?.[1];
  if (!demuxer) throw new MediaToolError(`No preview is made for ${mimeType} files`);
  return ['-protocol_whitelist', 'file', '-f', demuxer, '-i', path];
}

/** What ffmpeg says about the input (its `Input #0` block), read without decoding anything. */
export async function probeMedia(mimeType: string, path: string, opts: FfmpegLimits): Promise<MediaProbe> {
  const { stderr } = await runFfmpeg(['-v', 'info', ...inputArgs(mimeType, path), '-t', '0', '-f', 'null', '-'], { ...opts, inputName: path });
  return parseProbe(stderr);
}

export function parseProbe(stderr: string): MediaProbe {
  const input = stderr.split(/\nStream mapping:|\nOutput #0/)[0];
  const duration = /Duration: (\d+):(\d\d):(\d\d(?:\.\d+)?)/.exec(input);
  return {
    durationSeconds: duration ? Number(duration[1]) * 3600 + Number(duration[2]) * 60 + Number(duration[3]) : null,
    // Cover art in audio files shows up as a video stream flagged (attached pic): that is not a video.
    hasVideo: input.split('\n').some((line) => /Stream #0:\d+.*: Video:/.test(line) && !line.includes('(attached pic)')),
    hasAudio: /Stream #0:\d+.*: Audio:/.test(input),
  };
}
