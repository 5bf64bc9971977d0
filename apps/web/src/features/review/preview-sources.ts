// What the viewer can show of a version, as files with a content type: the viewer picks its
// element from the type (image → <img>, video → <video>, audio → <audio>), never from the format.
// The one place that reads the API's rendition flags (contracts' versionRenditionsSchema): `/preview`
// serves `previewMimeType` (a WebP image, a watermarked MP4, an audio file's waveform), a video's
// poster is `/preview?as=image`, a PDF's page images `/preview?page=N`; the original stands in when
// no preview fits.
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

export function versionBaseUrl(itemId: string, versionNumber: number): string {
  return `/api/content-items/${encodeURIComponent(itemId)}/versions/${versionNumber}`;
}

/** Every rendition file the version's flags announce. */
export function renditionFiles(itemId: string, version: ContentVersion): PreviewFile[] {
  const base = versionBaseUrl(itemId, version.number);
  const renditions = version.renditions;
  // The clean preview replaces the watermarked one at approval: a different address, so no cache serves the old one.
  const stamp = renditions.previewWatermarked ? 'draft' : 'approved';
  const mime = version.asset.mimeType;
  const files: PreviewFile[] = [];
  if (renditions.preview) {
    const contentType = renditions.previewMimeType ?? (mime.startsWith('video/') ? 'video/mp4' : 'image/webp');
    // An audio file's preview is the picture of its waveform, drawn under the player.
    const kind = mime.startsWith('audio/') && contentType.startsWith('image/') ? 'waveform' : 'preview';
    files.push({ kind, contentType, url: `${base}/preview?${stamp}` });
  }
  if (renditions.poster) files.push({ kind: 'poster', contentType: 'image/webp', url: `${base}/preview?as=image&${stamp}` });
  for (let page = 1; page <= (renditions.pages ?? 0); page++) files.push({ kind: 'page', contentType: 'image/webp', page, url: `${base}/preview?page=${page}&${stamp}` });
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
