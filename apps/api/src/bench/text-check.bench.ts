import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { ffmpegBinary, runFfmpeg } from '../assets/ffmpeg-command.js';
import { OcrPool } from '../detection/ocr-pool.js';
import { readVideoText, VIDEO_FRAME_INTERVAL_SECONDS } from '../detection/read-video-text.js';

/**
 * Claim detection: OCR throughput on one core (1200 × 800 infographics read one after the other, the
 * default `TEXT_CHECK_OCR_CONCURRENCY`), and the time from an upload to a finished text check.
 */
const IMAGES = 5;

const SENTENCES = [
  'Réduit de 20 % le risque de décès cardiovasculaire ou',
  'd’hospitalisation pour insuffisance cardiaque',
  'Une prise par jour, avec ou sans repas.',
  'Réduction de 37 % des crises en 12 semaines.',
  'Document fictif de démonstration — Vetted',
];

export async function infographicPng(seed: number): Promise<Buffer> {
  const lines = SENTENCES.map((s, i) => `<text x="60" y="${140 + i * 110}" font-family="DejaVu Sans" font-size="${i === 0 ? 40 : 34}" fill="#0f172a">${s.replace(/&/g, '&amp;')}</text>`).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800"><rect width="1200" height="800" fill="#f8fafc"/><rect x="0" y="0" width="1200" height="40" fill="hsl(${seed * 47}, 60%, 40%)"/>${lines}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

export async function measureOcr(): Promise<{ imagesPerSecondPerCore: number; msPerImage: number }> {
  const pool = new OcrPool(1);
  try {
    const images = await Promise.all(Array.from({ length: IMAGES + 1 }, (_, i) => infographicPng(i)));
    await pool.read(images[0], 1200, 800, ['fra']); // worker start-up is not throughput
    const start = performance.now();
    for (const image of images.slice(1)) await pool.read(image, 1200, 800, ['fra']);
    const seconds = (performance.now() - start) / 1000;
    return { imagesPerSecondPerCore: IMAGES / seconds, msPerImage: (seconds * 1000) / IMAGES };
  } finally {
    await pool.close();
  }
}

const VIDEO_SECONDS = 20;
const SLIDE_SECONDS = 5;

/**
 * The text check of a 20 s video: four infographic slides of 5 s each (H.264, 1200 × 800), every
 * sampled frame full of text as a real super or end card is, read as the product reads a video
 * (frame extraction, OCR of each frame one at a time, screens deduplicated). Worker start-up excluded.
 */
export async function measureVideoOcr(): Promise<{ ms: number; frames: number; intervalSeconds: number; msPerFrame: number }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'vetted-bench-video-'));
  const pool = new OcrPool(1);
  try {
    for (let i = 0; i < VIDEO_SECONDS / SLIDE_SECONDS; i++) await writeFile(path.join(dir, `slide-${i}.png`), await infographicPng(i));
    const video = path.join(dir, 'slides.mp4');
    await runFfmpeg(['-v', 'error', '-f', 'image2', '-framerate', `1/${SLIDE_SECONDS}`, '-i', path.join(dir, 'slide-%d.png'), '-vf', 'fps=25,format=yuv420p', '-t', String(VIDEO_SECONDS), '-c:v', 'libx264', '-preset', 'ultrafast', video], { binary: ffmpegBinary(), timeoutMs: 120_000 });
    await pool.read(await infographicPng(99), 1200, 800, ['fra']); // worker start-up is not the video's cost
    const frames = Math.ceil(VIDEO_SECONDS / VIDEO_FRAME_INTERVAL_SECONDS);
    const start = performance.now();
    const read = await readVideoText(video, 'video/mp4', { ocr: pool, languages: ['fra'], ffmpegBinary: () => ffmpegBinary(), maxFrames: 120, timeoutMs: 300_000 });
    const elapsed = performance.now() - start;
    if (read.lines.length === 0) throw new Error('bench video: no text read');
    return { ms: elapsed, frames, intervalSeconds: VIDEO_FRAME_INTERVAL_SECONDS, msPerFrame: elapsed / frames };
  } finally {
    await pool.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Upload of a 1200 × 800 infographic through the API, then the extraction job's run, until the text check answers `done`. */
/** The product runs its own jobs: the time until its text check of a fresh upload says done. */
export async function measureUploadToTextCheck(base: string, token: string): Promise<number> {
  const headers = { authorization: `Bearer ${token}` };
  const created = await fetch(`${base}/api/content-items`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Bench infographic', format: 'infographic', plannedAt: '2031-05-01T09:00:00Z', channels: ['email'], segments: ['science-driven'], language: 'fr', product: 'Cardiovex' }),
  });
  const item = (await created.json()) as { id: string };
  const png = await infographicPng(99);
  const start = performance.now();
  const form = new FormData();
  form.append('file', new Blob([png], { type: 'image/png' }), 'bench.png');
  const uploaded = await fetch(`${base}/api/content-items/${item.id}/versions`, { method: 'POST', headers, body: form });
  if (uploaded.status !== 201) throw new Error(`bench upload failed: ${uploaded.status}`);
  let check: { status: string; unsupported: unknown[] } = { status: 'pending', unsupported: [] };
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline && (check.status === 'pending' || check.status === 'processing')) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    check = (await (await fetch(`${base}/api/content-items/${item.id}/versions/1/text-check`, { headers })).json()) as typeof check;
  }
  if (check.status !== 'done' || check.unsupported.length === 0) throw new Error(`bench text check not as expected: ${JSON.stringify(check)}`);
  return performance.now() - start;
}
