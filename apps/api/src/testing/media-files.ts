import { crc32, deflateSync } from 'node:zlib';

// Minimal but valid media files built in code, so the tests need no binary fixtures and no ffmpeg.

const box = (type: string, ...parts: Buffer[]) => {
  const body = Buffer.concat(parts);
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + body.length);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, body]);
};
const fullBox = (type: string, ...parts: Buffer[]) => box(type, Buffer.alloc(4), ...parts);
const UNITY_MATRIX = [0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000];

/** An MP4 (or QuickTime, brand 'qt  ') with one video track: moov/mvhd carries the duration parsers read. */
export function mp4File(seconds: number, opts: { brand?: string; width?: number; height?: number } = {}): Buffer {
  const { brand = 'isom', width = 1280, height = 720 } = opts;
  const timescale = 1000;
  const duration = Math.round(seconds * timescale);
  const mvhd = Buffer.alloc(96);
  mvhd.writeUInt32BE(timescale, 8);
  mvhd.writeUInt32BE(duration, 12);
  mvhd.writeUInt32BE(0x00010000, 16);
  mvhd.writeUInt16BE(0x0100, 20);
  UNITY_MATRIX.forEach((v, i) => mvhd.writeUInt32BE(v, 32 + i * 4));
  mvhd.writeUInt32BE(2, 92);
  const tkhd = Buffer.alloc(80);
  tkhd.writeUInt32BE(1, 8);
  tkhd.writeUInt32BE(duration, 16);
  UNITY_MATRIX.forEach((v, i) => tkhd.writeUInt32BE(v, 36 + i * 4));
  tkhd.writeUInt32BE(width << 16, 72);
  tkhd.writeUInt32BE(height << 16, 76);
  const tkhdBox = box('tkhd', Buffer.from([0, 0, 0, 3]), tkhd);
  const mdhd = Buffer.alloc(20);
  mdhd.writeUInt32BE(timescale, 8);
  mdhd.writeUInt32BE(duration, 12);
  mdhd.writeUInt16BE(0x55c4, 16);
  const hdlr = Buffer.concat([Buffer.alloc(4), Buffer.from('vide'), Buffer.alloc(12), Buffer.from('VideoHandler\0')]);
  const sampleEntry = Buffer.alloc(78);
  sampleEntry.writeUInt16BE(1, 6);
  sampleEntry.writeUInt16BE(width, 24);
  sampleEntry.writeUInt16BE(height, 26);
  sampleEntry.writeUInt32BE(0x00480000, 28);
  sampleEntry.writeUInt32BE(0x00480000, 32);
  sampleEntry.writeUInt16BE(1, 40);
  sampleEntry.writeUInt16BE(0x18, 74);
  sampleEntry.writeInt16BE(-1, 76);
  const stsd = fullBox('stsd', uint32(1), box('avc1', sampleEntry));
  const stbl = box('stbl', stsd, fullBox('stts', uint32(0)), fullBox('stsc', uint32(0)), fullBox('stsz', uint32(0), uint32(0)), fullBox('stco', uint32(0)));
  const trak = box('trak', tkhdBox, box('mdia', fullBox('mdhd', mdhd), fullBox('hdlr', hdlr), box('minf', stbl)));
  const ftyp = box('ftyp', Buffer.from(brand, 'latin1'), Buffer.alloc(4), Buffer.from(brand, 'latin1'), Buffer.from('mp41'));
  return Buffer.concat([ftyp, box('moov', fullBox('mvhd', mvhd), trak), box('mdat', Buffer.alloc(64))]);
}

/** A PCM WAV of silence: 8 kHz, mono, 8-bit, so a minute and a half stays under a megabyte. */
export function wavFile(seconds: number): Buffer {
  const rate = 8000;
  const data = Buffer.alloc(Math.round(seconds * rate), 0x80);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8, 'latin1');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate, 28);
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write('data', 36, 'latin1');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/** A PNG whose header declares huge dimensions over a few bytes of data: the classic decompression bomb. */
export function pngDeclaring(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(Buffer.alloc(1024))), pngChunk('IEND', Buffer.alloc(0))]);
}

/** The first bytes of a PDF; file-type recognises a PDF by them alone. */
export const PDF_HEADER = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n', 'latin1');

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  return Buffer.concat([uint32(data.length), body, uint32(crc32(body))]);
}

function uint32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
}
