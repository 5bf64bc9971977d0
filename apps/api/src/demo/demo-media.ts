import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { ffmpegBinary, runFfmpeg } from '../assets/ffmpeg-command.js';
import { infographicSvg, leafletPageSvg, videoSlideSvgs, type Artwork } from './demo-artwork.js';
import { writePdf } from './pdf-writer.js';

/** A file the demo uploads as a version, made in code so the repository holds no binary media. */
export interface DemoFile {
  data: Buffer;
  filename: string;
  mimeType: string;
}

export const VIDEO_SECONDS = 10;
const PODCAST_SPEECH_SECONDS = 7;

export async function demoInfographic(art: Artwork, filename: string): Promise<DemoFile> {
  const data = await sharp(Buffer.from(infographicSvg(art))).png({ compressionLevel: 6 }).toBuffer();
  return { data, filename, mimeType: 'image/png' };
}

/** A two-page A4 leaflet: each page drawn as SVG, then placed in the PDF as a JPEG filling the page. */
export async function demoLeafletPdf(art: Artwork, filename: string): Promise<DemoFile> {
  const pages = await Promise.all(
    ([1, 2] as const).map(async (n) => {
      const jpeg = await sharp(Buffer.from(leafletPageSvg(art, n))).flatten({ background: '#ffffff' }).jpeg({ quality: 75 }).toBuffer({ resolveWithObject: true });
      return { width: 595, height: 842, content: 'q 595 0 0 842 0 0 cm /Im0 Do Q', jpegs: [{ data: jpeg.data, width: jpeg.info.width, height: jpeg.info.height }] };
    }),
  );
  return { data: writePdf(pages), filename, mimeType: 'application/pdf' };
}

/**
 * A 10-second explainer: ffmpeg's moving test pattern, blurred and tinted, under three text slides
 * drawn by sharp (title, key figure, claim). Text is drawn by sharp rather than ffmpeg's drawtext,
 * which needs a font file path that a bare system may not have.
 */
export async function demoVideo(art: Artwork & { kicker: string }, filename: string, tone: number): Promise<DemoFile> {
  return inWorkDir(async (dir) => {
    const slides = videoSlideSvgs(art);
    const inputs: string[] = [];
    for (const [i, svg] of slides.entries()) {
      const file = path.join(dir, `slide-${i}.png`);
      await writeFile(file, await sharp(Buffer.from(svg)).png().toBuffer());
      inputs.push('-i', file);
    }
    const third = VIDEO_SECONDS / 3;
    const overlays = slides.map((_, i) => `[${i === 0 ? 'bg' : `s${i}`}][${i + 2}:v]overlay=0:0:enable='between(t,${i * third},${(i + 1) * third})'[${i === slides.length - 1 ? 'v' : `s${i + 1}`}]`).join(';');
    const out = path.join(dir, filename);
    await runFfmpeg(
      [
        '-v', 'error', '-y',
        '-f', 'lavfi', '-i', `testsrc2=size=160x90:rate=12:duration=${VIDEO_SECONDS}`,
        '-f', 'lavfi', '-i', `sine=frequency=${tone}:duration=${VIDEO_SECONDS}:sample_rate=22050`,
        ...inputs,
        '-filter_complex', `[0:v]boxblur=3:1,eq=saturation=0.4:brightness=-0.05,scale=640:360[bg];${overlays};[v]format=yuv420p,fade=t=in:d=0.5,fade=t=out:st=${VIDEO_SECONDS - 0.5}:d=0.5[out];[1:a]volume=0.15,afade=t=out:st=${VIDEO_SECONDS - 1}:d=1[a]`,
        '-map', '[out]', '-map', '[a]',
        '-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '30', '-threads', '1', '-c:a', 'aac', '-b:a', '48k', '-ac', '1', '-movflags', '+faststart', out,
      ],
      { binary: ffmpegBinary(), timeoutMs: 60_000 },
    );
    return { data: await readFile(out), filename, mimeType: 'video/mp4' };
  });
}

/** A few seconds of podcast: a three-note jingle, then band-limited noise shaped into syllables and pauses, like a voice from afar. */
export async function demoPodcast(filename: string, pitch: number): Promise<DemoFile> {
  return inWorkDir(async (dir) => {
    const out = path.join(dir, filename);
    const [a, b, c] = [pitch, pitch * 1.26, pitch * 1.5].map(Math.round);
    await runFfmpeg(
      [
        '-v', 'error', '-y',
        '-f', 'lavfi', '-i', `aevalsrc='0.2*sin(2*PI*(${a}*lt(t,0.35)+${b}*between(t,0.35,0.7)+${c}*gt(t,0.7))*t)*(1-t/1.4)':d=1.4:s=22050`,
        '-f', 'lavfi', '-i', `anoisesrc=color=pink:amplitude=0.9:duration=${PODCAST_SPEECH_SECONDS}:sample_rate=22050:seed=${pitch}`,
        '-filter_complex', `[1:a]highpass=f=250,lowpass=f=3000,volume='(0.2+0.8*abs(sin(2*PI*3.1*t)*sin(2*PI*1.3*t+0.5)))*gt(sin(2*PI*0.35*t+1),-0.6)':eval=frame,volume=2.5[s];[0:a][s]concat=n=2:v=0:a=1[a]`,
        '-map', '[a]', '-c:a', 'libmp3lame', '-b:a', '48k', '-ac', '1', out,
      ],
      { binary: ffmpegBinary(), timeoutMs: 30_000 },
    );
    return { data: await readFile(out), filename, mimeType: 'audio/mpeg' };
  });
}

async function inWorkDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'vetted-demo-media-'));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
