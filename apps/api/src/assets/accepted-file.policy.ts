import { ACCEPTED_FILE_TYPES, type ContentFormat } from '@vetted/contracts';
import { PayloadTooLargeError, UnsupportedMediaTypeError } from '../common/domain-errors.js';
import { formatBytes } from '../content/receive-upload.js';

/** file-type names some containers more precisely than the allowlist does. */
const SAME_AS: Record<string, string> = { opus: 'ogg', oga: 'ogg', jpeg: 'jpg' };

export interface DetectedType {
  ext: string;
  mime: string;
}

/** Refuses a file whose recognised type (from its bytes, never its name) is not one the format accepts. */
export function assertAcceptedType(format: ContentFormat, detected: DetectedType | undefined): string {
  const allowed: readonly string[] = ACCEPTED_FILE_TYPES[format];
  const ext = detected ? (SAME_AS[detected.ext] ?? detected.ext) : undefined;
  if (!detected || !ext || !allowed.includes(ext)) {
    const what = detected ? `a ${detected.ext} file (${detected.mime})` : 'of a type that could not be recognised from its content';
    throw new UnsupportedMediaTypeError(`The file is ${what}; a ${format} accepts ${allowed.join(', ')}`, {
      detected: detected?.ext ?? null,
      detectedMimeType: detected?.mime ?? null,
      allowed,
    });
  }
  return ext;
}

export function assertWithinSize(format: ContentFormat, size: number, maxBytes: number): void {
  if (size > maxBytes) {
    throw new PayloadTooLargeError(`The file is larger than the ${formatBytes(maxBytes)} limit for a ${format}`, { limit: maxBytes, size });
  }
}
