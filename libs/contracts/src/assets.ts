import { z } from 'zod';
import { pageNumberParamSchema, text } from './input-primitives.js';
import type { ContentFormat } from './workflow.js';

/** File types each format accepts, recognised from the file's first bytes (file-type's extension names). */
export const ACCEPTED_FILE_TYPES = {
  video: ['mp4', 'webm', 'mov'],
  series: ['mp4', 'webm', 'mov'],
  podcast: ['mp3', 'm4a', 'ogg', 'wav'],
  infographic: ['png', 'jpg', 'webp', 'pdf'],
} as const satisfies Record<ContentFormat, readonly string[]>;

export const RENDITION_STATUSES = ['pending', 'processing', 'ready', 'failed', 'not_applicable'] as const;
export const renditionStatusSchema = z.enum(RENDITION_STATUSES);
export type RenditionStatus = z.infer<typeof renditionStatusSchema>;

/** `poster`: a video's still (for anything else, the preview itself, which is already an image). */
export const RENDITION_KINDS = ['thumbnail', 'preview', 'poster'] as const;
export type RenditionKind = (typeof RENDITION_KINDS)[number];

/**
 * Thumbnail and preview made in the background; the preview (and a video's poster, a PDF's pages)
 * is watermarked until the item is approved, and again once it leaves use. Images, PDFs and audio
 * (a waveform) have a WebP preview; video has an MP4 one and a poster. The fields after
 * `previewWatermarked` came later: optional so clients built on the first shape still type-check;
 * the API always sends them.
 */
export const versionRenditionsSchema = z.object({
  status: renditionStatusSchema,
  error: z.string().nullable(),
  thumbnail: z.boolean(),
  preview: z.boolean(),
  previewWatermarked: z.boolean(),
  /** What `/preview` serves (`image/webp` or `video/mp4`); null while there is none. */
  previewMimeType: z.string().nullable().optional(),
  /** A video's still at `/preview?as=image` (WebP, watermarked like the preview): the player's poster. */
  poster: z.boolean().optional(),
  /** Page images of a PDF at `/preview?page=1` … `/preview?page={pages}` (WebP, watermarked like the preview); 0 for anything else. */
  pages: z.number().int().optional(),
  /** Pages in the PDF; more than `pages` when it is longer than the server's page cap. null for anything else. */
  pageCount: z.number().int().nullable().optional(),
});
export type VersionRenditions = z.infer<typeof versionRenditionsSchema>;

/**
 * `GET …/versions/:n/preview` options. `page`: that page's image of a PDF (1 is the preview itself).
 * `as=image`: the preview as a still image, i.e. a video's poster (the preview itself for other types).
 * Other keys are ignored: clients add one to bust caches (`?draft`, `?approved`).
 */
export const previewQuerySchema = z.object({
  page: pageNumberParamSchema.optional(),
  as: z.enum(['image']).optional(),
});
export type PreviewQuery = z.infer<typeof previewQuerySchema>;

/** What was measured in the file itself (not what the client said). */
export const mediaFactsSchema = z.object({
  durationSeconds: z.number().nullable(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
});
export type MediaFacts = z.infer<typeof mediaFactsSchema>;

export const createDirectUploadRequestSchema = z.object({
  filename: text({ min: 1, max: 300 }),
  size: z.number().int().positive(),
  /** SHA-256 of the file, hex: the stored object must hash to it (and be exactly `size` bytes) to become a version. */
  sha256: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be the SHA-256 of the file, 64 hexadecimal characters')
    .transform((h) => h.toLowerCase()),
});
export type CreateDirectUploadRequest = z.infer<typeof createDirectUploadRequestSchema>;

/** A presigned POST: the browser sends `fields` then the file (field `file`) as multipart/form-data to `url`. */
export const directUploadSchema = z.object({
  uploadId: z.uuid(),
  url: z.string(),
  fields: z.record(z.string(), z.string()),
  maxBytes: z.number().int(),
  acceptedTypes: z.array(z.string()),
  expiresAt: z.string(),
});
export type DirectUpload = z.infer<typeof directUploadSchema>;

/** The note an editor attaches to a new version (a multipart field, or the JSON body of a direct upload's completion). */
export const versionNoteSchema = text({ max: 2000, multiline: true, trim: false });

/** The text fields of a multipart version upload (besides the file itself). */
export const versionUploadFieldsSchema = z.object({ note: versionNoteSchema.optional() });

export const completeDirectUploadRequestSchema = z.object({ note: versionNoteSchema.optional() });
export type CompleteDirectUploadRequest = z.infer<typeof completeDirectUploadRequestSchema>;
