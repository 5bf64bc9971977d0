import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ffmpegBinary, runFfmpeg } from '../assets/ffmpeg-command.js';

/** Real media made by the same ffmpeg the renditions use: its test pattern and a tone, encoded as a phone or an editor would. */
async function generate(ext: string, args: string[]): Promise<Buffer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'vetted-media-'));
  try {
    const out = path.join(dir, `generated.${ext}`);
    await runFfmpeg(['-v', 'error', ...args, out], { binary: ffmpegBinary(), timeoutMs: 60_000 });
    return await readFile(out);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** H.264 + AAC in MP4: ffmpeg's moving test pattern (colour bars, a counter) and a 440 Hz sine. */
export function generatedMp4(seconds = 3, size = '640x360'): Promise<Buffer> {
  return generate('mp4', [
    '-f', 'lavfi', '-i', `testsrc=size=${size}:rate=25:duration=${seconds}`,
    '-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`,
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', '-movflags', '+faststart',
  ]);
}

/** An MP3 of a tone that swells and fades, so its waveform has a shape. */
export function generatedMp3(seconds = 3): Promise<Buffer> {
  return generate('mp3', ['-f', 'lavfi', '-i', `sine=frequency=220:duration=${seconds}`, '-af', `volume='0.2+0.8*sin(PI*t/${seconds})':eval=frame`, '-c:a', 'libmp3lame', '-b:a', '64k']);
}

/** The frame shown at `seconds` in a video file, as PNG (decoded by ffmpeg, as a player would). */
export async function frameOf(video: Buffer, seconds: number): Promise<Buffer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'vetted-frame-'));
  try {
    const input = path.join(dir, 'video.mp4');
    await writeFile(input, video);
    const { stdout } = await runFfmpeg(['-v', 'error', '-ss', String(seconds), '-i', input, '-frames:v', '1', '-f', 'image2pipe', '-c:v', 'png', 'pipe:1'], { binary: ffmpegBinary(), timeoutMs: 30_000 });
    return stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
