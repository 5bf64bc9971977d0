// What differs between two versions of an item, for the compare view: the file's facts side by side,
// and the discussion threads settled on the way from the older one to the newer one.
import type { CommentThread, ContentVersion } from '@vetted/contracts';

export type VersionField = 'filename' | 'mimeType' | 'size' | 'sha256' | 'duration' | 'dimensions' | 'note' | 'createdAt';

export interface VersionFieldChange {
  field: VersionField;
  before: string | number | null;
  after: string | number | null;
  changed: boolean;
}

function facts(v: ContentVersion): Record<VersionField, string | number | null> {
  return {
    filename: v.asset.filename,
    mimeType: v.asset.mimeType,
    size: v.asset.size,
    sha256: v.asset.sha256,
    duration: v.media.durationSeconds,
    dimensions: v.media.width && v.media.height ? `${v.media.width} × ${v.media.height}` : null,
    note: v.note,
    createdAt: v.createdAt,
  };
}

/** Every fact of the two versions, older first, each marked changed or not. */
export function versionChanges(older: ContentVersion, newer: ContentVersion): VersionFieldChange[] {
  const a = facts(older);
  const b = facts(newer);
  return (Object.keys(a) as VersionField[]).map((field) => ({ field, before: a[field], after: b[field], changed: a[field] !== b[field] }));
}

/** Threads opened on the older version or any before the newer one that are resolved now: what the newer version settled. */
export function threadsResolvedBetween(threads: readonly CommentThread[], older: number, newer: number): CommentThread[] {
  const [from, to] = older <= newer ? [older, newer] : [newer, older];
  return threads.filter((t) => t.versionNumber >= from && t.versionNumber < to && t.resolvedAt !== null);
}

/** Threads from those versions still open: what the newer version has yet to answer. */
export function threadsStillOpen(threads: readonly CommentThread[], older: number, newer: number): CommentThread[] {
  const [from, to] = older <= newer ? [older, newer] : [newer, older];
  return threads.filter((t) => t.versionNumber >= from && t.versionNumber < to && t.resolvedAt === null);
}

/**
 * Per-pixel difference of two images of equal size (RGBA bytes): changed pixels light up in
 * magenta over a dimmed grey copy of the newer image, so what moved stands out. Returns the output
 * pixels and the share of pixels that differ by more than `threshold` on any channel.
 */
export function pixelDifference(a: Uint8ClampedArray, b: Uint8ClampedArray, threshold = 24): { pixels: Uint8ClampedArray; changedShare: number } {
  const out = new Uint8ClampedArray(Math.min(a.length, b.length));
  let changed = 0;
  for (let i = 0; i + 3 < out.length; i += 4) {
    const delta = Math.max(Math.abs(a[i] - b[i]), Math.abs(a[i + 1] - b[i + 1]), Math.abs(a[i + 2] - b[i + 2]), Math.abs(a[i + 3] - b[i + 3]));
    if (delta > threshold) {
      changed++;
      out[i] = 255;
      out[i + 1] = 0;
      out[i + 2] = 200;
    } else {
      const grey = 180 + Math.round((0.299 * b[i] + 0.587 * b[i + 1] + 0.114 * b[i + 2]) * 0.25);
      out[i] = grey;
      out[i + 1] = grey;
      out[i + 2] = grey;
    }
    out[i + 3] = 255;
  }
  return { pixels: out, changedShare: out.length ? changed / (out.length / 4) : 0 };
}
