import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { inflateSync } from 'node:zlib';
import { UnprocessableError } from '../common/domain-errors.js';

/**
 * PDF names that make a reader run something: a JavaScript action or name tree (`/JavaScript`, `/JS`,
 * which is also what an `/OpenAction` script is made of) and `/Launch` (start a program). An
 * infographic needs none of them, and a reviewer's or doctor's PDF reader should never run them.
 */
const SCRIPT_NAMES = new Set(['JavaScript', 'JS', 'Launch']);

/** Names are at most 127 bytes (ISO 32000-1, C.2); a name starting this close to a chunk's end is read with the next. */
const OVERLAP = 512;
/** Object streams hold dictionaries compressed; one larger than this is not something an infographic has. */
const MAX_OBJECT_STREAM_BYTES = 16 * 1024 * 1024;
const MAX_INFLATED_BYTES = 64 * 1024 * 1024;
const MAX_OBJECT_STREAMS = 10_000;

const SLASH = 0x2f;
/** Whitespace and delimiters end a name (ISO 32000-1, 7.2.2). */
const ENDS_NAME = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20, 0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);

/** The name starting after the `/` at `slash`: `#xx` spells any byte, so `/J#61vaScript` is `/JavaScript`. */
function nameAt(buf: Buffer, slash: number): string {
  let end = slash + 1;
  while (end < buf.length && end - slash <= OVERLAP / 2 && !ENDS_NAME.has(buf[end])) end++;
  return buf.toString('latin1', slash + 1, end).replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Calls `visit` with each name in `buf` starting before `until`, and its index. Works on bytes: no big strings. */
function eachName(buf: Buffer, until: number, visit: (name: string, index: number) => void): void {
  for (let i = buf.indexOf(SLASH); i !== -1 && i < until; i = buf.indexOf(SLASH, i + 1)) visit(nameAt(buf, i), i);
}

/**
 * Refuses (422) a PDF that carries scripts, reading it as a stream so a large file costs flat memory.
 * Dictionaries can also hide in compressed object streams (PDF 1.5+): those are inflated and read too,
 * and one that cannot be read is refused rather than trusted.
 */
export async function assertPdfHasNoScripts(path: string): Promise<void> {
  const found = new Set<string>();
  const objectStreams: number[] = [];
  let carry = Buffer.alloc(0);
  let offset = 0;
  const visitAt = (start: number) => (name: string, index: number) => {
    if (SCRIPT_NAMES.has(name)) found.add(name);
    if (name === 'ObjStm' && objectStreams.length <= MAX_OBJECT_STREAMS) objectStreams.push(start + index);
  };
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    const buf = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    const start = offset - carry.length;
    const until = buf.length - OVERLAP;
    eachName(buf, until, visitAt(start));
    carry = Buffer.from(buf.subarray(Math.max(0, until)));
    offset += chunk.length;
  }
  eachName(carry, carry.length, visitAt(offset - carry.length));
  if (objectStreams.length > MAX_OBJECT_STREAMS) refuse('it has more object streams than can be checked');
  for (const at of found.size ? [] : objectStreams) {
    for (const name of await namesInObjectStream(path, at)) if (SCRIPT_NAMES.has(name)) found.add(name);
  }
  if (found.size) {
    throw new UnprocessableError(
      `The PDF contains scripts or launch actions (${[...found].map((n) => `/${n}`).join(', ')}); an infographic must not run code. Export it again without interactive features.`,
      { found: [...found] },
      'pdf_script_refused',
    );
  }
}

function namesIn(buf: Buffer): string[] {
  const names: string[] = [];
  eachName(buf, buf.length, (name) => names.push(name));
  return names;
}

/** The names inside the object stream whose dictionary mentions /ObjStm at `at`. */
async function namesInObjectStream(path: string, at: number): Promise<string[]> {
  const file = await open(path, 'r');
  try {
    const headStart = Math.max(0, at - 2048);
    const head = Buffer.alloc(4096 + (at - headStart));
    const { bytesRead } = await file.read(head, 0, head.length, headStart);
    const text = head.subarray(0, bytesRead).toString('latin1');
    const dictStart = text.lastIndexOf('obj', at - headStart);
    const streamMatch = /stream\r?\n/.exec(text.slice(at - headStart));
    if (dictStart < 0 || !streamMatch) refuse('an object stream could not be read');
    const dataStart = headStart + (at - headStart) + streamMatch!.index + streamMatch![0].length;
    const names = namesIn(Buffer.from(text.slice(dictStart, at - headStart + streamMatch!.index), 'latin1'));
    if (!names.includes('Filter')) return []; // uncompressed: its bytes were read with the rest of the file
    if (!names.includes('FlateDecode') || names.filter((n) => n.endsWith('Decode')).length > 1) refuse('an object stream uses a compression that cannot be checked');
    const { size } = await file.stat();
    const data = Buffer.alloc(Math.max(0, Math.min(MAX_OBJECT_STREAM_BYTES, size - dataStart)));
    const { bytesRead: dataRead } = await file.read(data, 0, data.length, dataStart);
    const end = data.subarray(0, dataRead).indexOf('endstream', 0, 'latin1');
    if (end < 0) refuse('an object stream is too large or incomplete');
    let inflated: Buffer;
    try {
      inflated = inflateSync(data.subarray(0, end), { maxOutputLength: MAX_INFLATED_BYTES, finishFlush: 2 /* Z_SYNC_FLUSH: tolerate a stream cut short */ });
    } catch {
      refuse('an object stream could not be decompressed');
    }
    return namesIn(inflated!);
  } finally {
    await file.close();
  }
}

function refuse(why: string): never {
  throw new UnprocessableError(`The PDF could not be checked for scripts: ${why}. Export it again as a plain PDF.`, undefined, 'pdf_script_refused');
}
