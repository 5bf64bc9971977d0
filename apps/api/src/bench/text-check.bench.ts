import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { OcrPool } from '../detection/ocr-pool.js';

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
