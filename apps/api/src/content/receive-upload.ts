import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { sha256Meter } from '../infra/storage/local-copy.js';
import { BadInputError, DomainError, PayloadTooLargeError } from '../common/domain-errors.js';

export interface ReceivedUpload {
  tempPath: string;
  filename: string;
  declaredMimeType: string;
  size: number;
  sha256: string;
  fields: Record<string, string>;
  discard(): Promise<void>;
}

/**
 * Streams the multipart `file` field to a temporary file while hashing it, so an upload of any size
 * costs constant memory and its size and SHA-256 are known before it goes to storage.
 */
export async function receiveUpload(request: FastifyRequest, maxBytes: number, tempDir: string): Promise<ReceivedUpload> {
  if (!request.isMultipart()) throw new BadInputError('Send the file as multipart/form-data with a field named "file"');
  const fields: Record<string, string> = {};
  let received: Omit<ReceivedUpload, 'fields' | 'discard'> | undefined;
  const tempPath = path.join(tempDir, `vetted-upload-${randomUUID()}`);
  const discard = () => fs.rm(tempPath, { force: true });
  try {
    for await (const part of request.parts({ limits: { fileSize: maxBytes, files: 1 } })) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value);
      } else if (part.fieldname !== 'file') {
        part.file.resume();
        throw new BadInputError(`Unexpected file field "${part.fieldname}"; send the file in a field named "file"`);
      } else {
        received = await writeAndHash(part, tempPath, maxBytes);
      }
    }
  } catch (error) {
    await discard();
    if (isCutShort(error)) {
      throw new BadInputError('The upload ended before the file was complete (the connection dropped or the body was cut short); send it again', undefined, 'upload_incomplete');
    }
    throw error;
  }
  if (!received) throw new BadInputError('No file received: send it in a multipart field named "file"');
  if (received.size === 0) {
    await discard();
    throw new BadInputError('The file is empty');
  }
  return { ...received, fields, discard };
}

async function writeAndHash(part: MultipartFile, tempPath: string, maxBytes: number) {
  const meter = sha256Meter();
  await pipeline(part.file, meter.stream, createWriteStream(tempPath));
  if (part.file.truncated) throw new PayloadTooLargeError(`The file is larger than the ${formatBytes(maxBytes)} limit`, { limit: maxBytes });
  return { tempPath, filename: sanitizeFilename(part.filename), declaredMimeType: part.mimetype, ...meter.result() };
}

/**
 * busboy reports a body that stops mid-part with a plain Error (no code, no status); a client that
 * drops the connection gives a premature-close. Both are the client's doing: a 400, not a logged 500.
 */
function isCutShort(error: unknown): boolean {
  if (error instanceof DomainError) return false;
  const { message = '', code } = (error ?? {}) as { message?: string; code?: string };
  return /^Unexpected end of (multipart data|form|file)$|^Malformed part header$|^Part terminated early|^Multipart: Boundary not found$/.test(message) || code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'ECONNRESET';
}

/** ALM, LRM, RLM, the embeddings and overrides (LRE…RLO) and the isolates (LRI…PDI). */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Keeps a readable name for display and downloads; never used as a storage key. */
export function sanitizeFilename(name: string | undefined): string {
  // Bidirectional controls go first: a right-to-left override makes "invoice\u202Efdp.exe" read as
  // "invoiceexe.pdf" in the UI and in the download dialog. They carry no meaning in a name, so they are dropped.
  const base = path.basename((name ?? '').replace(BIDI_CONTROLS, '')).normalize('NFC');
  // Control characters in a filename break headers and logs; replacing them is the point.
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f-\u009f/\\:*?"<>|]/g, '_').trim().slice(0, 200);
  return cleaned.length > 0 && cleaned !== '.' && cleaned !== '..' ? cleaned : 'upload';
}

export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(0)} MB`;
  return `${Math.ceil(n / 1024)} KB`;
}
