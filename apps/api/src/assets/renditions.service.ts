import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.js';
import type { ResolvedConfig } from '../infra/resolved-config.js';
import { StorageService } from '../infra/storage/storage.service.js';
import type { AssetRenditionEntity } from './asset-rendition.entity.js';
import { previewSlug, renderPdfIcon, renderPreview, renderThumbnail, WATERMARK_TEXT } from './render-rendition.js';
import { copyToTemp } from '../infra/storage/local-copy.js';

const MAX_ATTEMPTS = 3;
/** A claim older than this belongs to a worker that died; the row is taken again. */
const STALE_CLAIM = '10 minutes';

type ClaimedRow = Pick<
  AssetRenditionEntity,
  'versionId' | 'originalKey' | 'mimeType' | 'attempts' | 'cleanPreviewWanted' | 'watermarkLabel' | 'thumbnailKey' | 'previewKey'
>;

/**
 * Makes thumbnails and previews in the background. Rows are claimed with SKIP LOCKED, so replicas
 * share the work; rendering writes fixed keys per version, so running a row twice is harmless.
 */
@Injectable()
export class RenditionsService {
  private readonly logger = new Logger(RenditionsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly storage: StorageService,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  /** Renders every pending version (the job calls this; tests call it directly). Returns how many were rendered. */
  async processPending(limit = 20): Promise<number> {
    let done = 0;
    // A row that fails goes back to pending for the next run, not for another try in this one.
    const tried: string[] = [];
    while (tried.length < limit) {
      const rows = await this.claim(Math.min(limit - tried.length, 5), tried);
      if (!rows.length) break;
      for (const row of rows) {
        tried.push(row.versionId);
        if (await this.render(row)) done++;
      }
    }
    return done;
  }

  private async claim(count: number, exclude: string[]): Promise<ClaimedRow[]> {
    const [rows] = (await this.dataSource.query(
      `update asset_rendition set status = 'processing', claimed_at = now(), attempts = attempts + 1, updated_at = now()
       where version_id in (
         select version_id from asset_rendition
         where (status = 'pending' or (status = 'processing' and claimed_at < now() - interval '${STALE_CLAIM}'))
           and version_id <> all($2::uuid[])
         order by updated_at limit $1 for update skip locked)
       returning version_id as "versionId", original_key as "originalKey", mime_type as "mimeType", attempts,
                 clean_preview_wanted as "cleanPreviewWanted", watermark_label as "watermarkLabel", thumbnail_key as "thumbnailKey", preview_key as "previewKey"`,
      [count, exclude],
    )) as [ClaimedRow[], number];
    return rows;
  }

  private async render(row: ClaimedRow): Promise<boolean> {
    const base = `renditions/${row.versionId}`;
    try {
      let thumbnailKey: string;
      let previewKey: string | null = null;
      if (row.mimeType === 'application/pdf') {
        thumbnailKey = `${base}/thumbnail.webp`;
        await this.put(thumbnailKey, await renderPdfIcon());
      } else {
        const copy = await copyToTemp(await this.storage.get(row.originalKey));
        try {
          const maxPixels = this.config.assets.imageMaxPixels;
          thumbnailKey = `${base}/thumbnail.webp`;
          await this.put(thumbnailKey, await renderThumbnail(copy.tempPath, maxPixels));
          const label = row.cleanPreviewWanted ? null : (row.watermarkLabel ?? WATERMARK_TEXT);
          previewKey = `${base}/${label === null ? 'preview' : `preview-${previewSlug(label)}`}.webp`;
          await this.put(previewKey, await renderPreview(copy.tempPath, maxPixels, label));
        } finally {
          await copy.discard();
        }
      }
      await this.dataSource.query(
        `update asset_rendition set status = 'ready', error = null, claimed_at = null, thumbnail_key = $2, preview_key = $3,
           preview_watermarked = $4, updated_at = now() where version_id = $1 and status = 'processing'`,
        [row.versionId, thumbnailKey, previewKey, !row.cleanPreviewWanted],
      );
      // A preview must not outlive the state it showed: the draft one after approval, the clean one after withdrawal.
      if (row.previewKey && row.previewKey !== previewKey) await this.storage.remove(row.previewKey).catch(() => undefined);
      return true;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const status = row.attempts >= MAX_ATTEMPTS ? 'failed' : 'pending';
      this.logger.warn(`Rendition of version ${row.versionId} failed (attempt ${row.attempts}/${MAX_ATTEMPTS}): ${message}`);
      await this.dataSource.query(`update asset_rendition set status = $2, error = $3, claimed_at = null, updated_at = now() where version_id = $1`, [
        row.versionId,
        status,
        message.slice(0, 500),
      ]);
      return false;
    }
  }

  private put(key: string, data: Buffer): Promise<void> {
    return this.storage.put(key, data, data.length, 'image/webp');
  }
}
