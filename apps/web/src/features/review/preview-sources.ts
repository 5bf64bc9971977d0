// What the viewer can show of a version, as files with a content type: the viewer picks its
// element from the type (image → <img>, video → <video>, audio → <audio>), never from the format.
// Today's contract says which renditions exist as flags (thumbnail, preview); renditions may gain
// kinds (a video poster, an MP4 preview, an audio waveform, PDF page images), listed as
// `renditions.files` [{kind, contentType, page?}] or as more flags. This is the one place that reads
// them: kinds it does not know are ignored, and the original file stands in when no preview fits.
import type { ContentVersion } from '@vetted/contracts';

export interface PreviewFile {
  kind: string;
  contentType: string;
  url: string;
  /** PDF pages: 1-based. */
  page?: number;
}

export type ViewerKind = 'image' | 'video' | 'audio' | 'pages' | 'none';

export interface VersionPreview {
  kind: ViewerKind;
  /** The file the viewer shows (the preview, or the original when there is none). */
  main: PreviewFile | null;
  /** A still shown before a video plays. */
  poster: PreviewFile | null;
  /** An image of the audio's waveform, drawn under the player. */
  waveform: PreviewFile | null;
  /** Page images of a document, in order. */
  pages: PreviewFile[];
}

interface ListedFile {
  kind: string;
  contentType: string;
  page?: number | null;
  url?: string;
}

export function versionBaseUrl(itemId: string, versionNumber: number): string {
  return `/api/content-items/${encodeURIComponent(itemId)}/versions/${versionNumber}`;
}

/** Every rendition file of the version the contract tells of, known kinds or not. */
export function renditionFiles(itemId: string, version: ContentVersion): PreviewFile[] {
  const base = versionBaseUrl(itemId, version.number);
  const renditions = version.renditions as ContentVersion['renditions'] & { files?: unknown; poster?: unknown; waveform?: unknown };
  // The clean preview replaces the watermarked one at approval: a different address, so no cache serves the old one.
  const stamp = renditions.previewWatermarked ? 'draft' : 'approved';
  if (Array.isArray(renditions.files)) {
    return renditions.files.filter(isListedFile).map((f) => ({
      kind: f.kind,
      contentType: f.contentType,
      url: f.url ?? `${base}/${f.kind === 'page' && f.page ? `pages/${f.page}` : f.kind}?${stamp}`,
      ...(typeof f.page === 'number' ? { page: f.page } : {}),
    }));
  }
  const files: PreviewFile[] = [];
  const mime = version.asset.mimeType;
  if (renditions.preview) {
    // An image preview of an image (or a document's first page); for video, the MP4 preview.
    files.push({ kind: 'preview', contentType: mime.startsWith('video/') ? 'video/mp4' : 'image/webp', url: `${base}/preview?${stamp}` });
  }
  if (renditions.poster === true) files.push({ kind: 'poster', contentType: 'image/webp', url: `${base}/poster?${stamp}` });
  if (renditions.waveform === true) files.push({ kind: 'waveform', contentType: 'image/webp', url: `${base}/waveform?${stamp}` });
  if (renditions.thumbnail) files.push({ kind: 'thumbnail', contentType: 'image/webp', url: `${base}/thumbnail` });
  return files;
}

export function previewOf(itemId: string, version: ContentVersion): VersionPreview {
  const files = renditionFiles(itemId, version);
  const original: PreviewFile = { kind: 'original', contentType: version.asset.mimeType, url: `${versionBaseUrl(itemId, version.number)}/original` };
  const image = (f: PreviewFile) => f.contentType.startsWith('image/');
  const poster = files.find((f) => f.kind === 'poster' && image(f)) ?? null;
  const waveform = files.find((f) => f.kind === 'waveform' && image(f)) ?? null;
  const pages = files.filter((f) => f.kind === 'page' && image(f)).sort((a, b) => (a.page ?? 0) - (b.page ?? 0));
  const preview = files.find((f) => f.kind === 'preview');
  const mime = version.asset.mimeType;

  if (mime.startsWith('video/')) {
    // A browser-playable preview (watermarked MP4) if there is one, else the uploaded file itself.
    const playable = preview && preview.contentType.startsWith('video/') ? preview : original;
    return { kind: 'video', main: playable, poster, waveform: null, pages: [] };
  }
  if (mime.startsWith('audio/')) {
    const playable = preview && preview.contentType.startsWith('audio/') ? preview : original;
    return { kind: 'audio', main: playable, poster: null, waveform, pages: [] };
  }
  if (pages.length > 0) return { kind: 'pages', main: pages[0], poster: null, waveform: null, pages };
  if (preview && image(preview)) return { kind: 'image', main: preview, poster: null, waveform: null, pages: [] };
  return { kind: 'none', main: null, poster: null, waveform: null, pages: [] };
}

function isListedFile(value: unknown): value is ListedFile {
  const f = value as ListedFile | null;
  return typeof f === 'object' && f !== null && typeof f.kind === 'string' && typeof f.contentType === 'string';
}
