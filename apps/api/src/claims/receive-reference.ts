import type { FastifyRequest } from 'fastify';
import { fileTypeFromFile } from 'file-type';
import { UnsupportedMediaTypeError } from '../common/domain-errors.js';
import { receiveUpload } from '../content/receive-upload.js';
import type { ReferenceDocument } from './claims.service.js';

/** Reference documents are the papers, labels and posters reviewers open: PDF or an image, up to 50 MB. */
const REFERENCE_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/webp'];
const REFERENCE_MAX_BYTES = 50 * 1024 * 1024;

export interface ReceivedReference {
  fields: Record<string, string>;
  document: ReferenceDocument | null;
  discard(): Promise<void>;
}

/** The multipart reference: its fields, and the document typed by its content (never by its name). */
export async function receiveReference(request: FastifyRequest, tempDir: string): Promise<ReceivedReference> {
  const upload = await receiveUpload(request, REFERENCE_MAX_BYTES, tempDir);
  const type = await fileTypeFromFile(upload.tempPath);
  if (!type || !REFERENCE_TYPES.includes(type.mime)) {
    await upload.discard();
    throw new UnsupportedMediaTypeError(`A reference document must be a PDF or a PNG, JPEG or WebP image; this file reads as ${type?.mime ?? 'an unknown type'}`);
  }
  return {
    fields: upload.fields,
    document: { tempPath: upload.tempPath, filename: upload.filename, mimeType: type.mime, size: upload.size, sha256: upload.sha256 },
    discard: upload.discard,
  };
}
