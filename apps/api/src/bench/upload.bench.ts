import { randomFillSync } from 'node:crypto';
import { createReadStream, createWriteStream, promises as fs } from 'node:fs';
import { request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { Client } from 'minio';

/**
 * A 1 GB upload through the API (POST /api/content-items/:id/versions, multipart, as the browser's
 * version form sends it) versus the minio client's putObject of the same file, streamed from disk,
 * to the same S3 server. The product's RSS is sampled from /proc every 100 ms during its upload.
 *
 * The file is a podcast WAV: a 44-byte header (96 kHz, stereo, 24-bit PCM) then random samples.
 * Of the accepted types it is the one whose checks a large generated file passes honestly: the
 * type comes from the RIFF/WAVE bytes and the duration from the header (1 GB at 576,000 bytes/s is
 * 31 minutes, under PODCAST_MAX_SECONDS), and random PCM is valid audio (noise). A PDF of random
 * bytes would contain `/JS` a few times per GB and be refused as scripted; images are decoded in
 * full and videos must fit the 90-second episode limit.
 */
export const UPLOAD_BYTES = 1024 ** 3;
const SAMPLE_RATE = 96_000;
const CHANNELS = 2;
const BYTES_PER_SAMPLE = 3;

export interface UploadBench {
  bytes: number;
  apiSeconds: number;
  rawSeconds: number;
  apiMBps: number;
  rawMBps: number;
  rssBeforeMb: number;
  rssPeakMb: number;
  /** How many /proc samples were read during the API's upload, and the highest of them alone. */
  rssSamples: number;
  rssMaxSampleMb: number;
  status: number;
}

/** Writes a WAV of about `bytes` to `file`, 4 MB of random samples at a time (never the whole file in memory). */
export async function writeWav(file: string, bytes: number): Promise<number> {
  const blockAlign = CHANNELS * BYTES_PER_SAMPLE;
  const dataBytes = Math.floor((bytes - 44) / blockAlign) * blockAlign;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write('WAVEfmt ', 8, 'latin1');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(CHANNELS, 22);
  header.writeUInt32LE(SAMPLE_RATE, 24);
  header.writeUInt32LE(SAMPLE_RATE * blockAlign, 28);
  header.writeUInt16LE(blockAlign, 32);
  header.writeUInt16LE(BYTES_PER_SAMPLE * 8, 34);
  header.write('data', 36, 'latin1');
  header.writeUInt32LE(dataBytes, 40);
  async function* chunks() {
    yield header;
    const chunk = Buffer.alloc(4 * 1024 * 1024);
    for (let left = dataBytes; left > 0; left -= chunk.length) yield Buffer.from(randomFillSync(chunk).subarray(0, Math.min(chunk.length, left)));
  }
  await pipeline(chunks, createWriteStream(file));
  return 44 + dataBytes;
}

/** VmRSS of `pid` in MB, from /proc (Linux). */
async function rssMb(pid: number): Promise<number> {
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]);
  return kb / 1024;
}

/** Streams `file` as the multipart `file` field, honouring backpressure; resolves with the answer. */
function postMultipart(url: string, token: string, file: string, size: number): Promise<{ status: number; body: string }> {
  const boundary = 'vetted-bench-upload';
  const head = Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="podcast-master.wav"\r\ncontent-type: audio/wav\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': head.length + size + tail.length } });
    req.on('error', reject);
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.write(head);
    const stream = createReadStream(file, { highWaterMark: 1024 * 1024 });
    stream.on('error', reject);
    stream.on('end', () => req.end(tail));
    stream.pipe(req, { end: false });
  });
}

async function podcastItem(base: string, token: string, title: string): Promise<string> {
  const res = await fetch(`${base}/api/content-items`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ title, format: 'podcast', plannedAt: '2032-03-01T08:00:00Z', channels: ['email'], segments: ['science-driven'] }),
  });
  if (res.status !== 201) throw new Error(`creating the podcast item answered ${res.status}`);
  return ((await res.json()) as { id: string }).id;
}

export async function measureUpload(options: {
  base: string;
  pid: number;
  token: string;
  dir: string;
  s3: { endpoint: string; accessKey: string; secretKey: string; bucket: string };
}): Promise<UploadBench> {
  const file = `${options.dir}/bench-podcast.wav`;
  const warmFile = `${options.dir}/bench-warm.wav`;
  const size = await writeWav(file, UPLOAD_BYTES);
  const warmSize = await writeWav(warmFile, 4 * 1024 * 1024);
  try {
    // A small upload first, so code loaded on the first upload (multipart, music-metadata) is not counted as growth.
    const warm = await postMultipart(`${options.base}/api/content-items/${await podcastItem(options.base, options.token, 'Bench warm-up')}/versions`, options.token, warmFile, warmSize);
    if (warm.status !== 201) throw new Error(`the warm-up upload answered ${warm.status}: ${warm.body}`);

    const url = new URL(options.s3.endpoint);
    // A part size above the file makes putObject one PUT: with the default 64 MiB parts it starts a multipart
    // upload, which s3rver does not implement (the product's StorageService streams one PUT for the same reason).
    // For one PUT the client reads the file into memory and hashes it first: that is its cost, in the bench's process.
    const minio = new Client({ endPoint: url.hostname, port: Number(url.port), useSSL: false, accessKey: options.s3.accessKey, secretKey: options.s3.secretKey, pathStyle: true, partSize: 2 * UPLOAD_BYTES });
    const rawBegan = performance.now();
    await minio.putObject(options.s3.bucket, `bench/raw-${Date.now()}.wav`, createReadStream(file), size, { 'Content-Type': 'audio/wav' });
    const rawSeconds = (performance.now() - rawBegan) / 1000;

    const itemId = await podcastItem(options.base, options.token, 'Bench 1 GB podcast');
    const rssBefore = await rssMb(options.pid);
    let maxSample = 0;
    let samples = 0;
    const sampler = setInterval(
      () =>
        void rssMb(options.pid).then(
          (mb) => {
            samples++;
            maxSample = Math.max(maxSample, mb);
          },
          () => undefined,
        ),
      100,
    );
    const apiBegan = performance.now();
    const answer = await postMultipart(`${options.base}/api/content-items/${itemId}/versions`, options.token, file, size);
    const apiSeconds = (performance.now() - apiBegan) / 1000;
    clearInterval(sampler);
    if (samples < apiSeconds * 5) throw new Error(`only ${samples} RSS samples in ${apiSeconds.toFixed(0)} s`);
    if (answer.status !== 201) throw new Error(`the 1 GB upload answered ${answer.status}: ${answer.body.slice(0, 500)}`);
    const stored = (JSON.parse(answer.body) as { asset: { size: number } }).asset.size;
    if (stored !== size) throw new Error(`the API recorded ${stored} bytes of ${size}`);
    const mb = size / 1024 / 1024;
    return { bytes: size, apiSeconds, rawSeconds, apiMBps: mb / apiSeconds, rawMBps: mb / rawSeconds, rssBeforeMb: rssBefore, rssPeakMb: Math.max(rssBefore, maxSample), rssSamples: samples, rssMaxSampleMb: maxSample, status: answer.status };
  } finally {
    await fs.rm(file, { force: true });
    await fs.rm(warmFile, { force: true });
  }
}
