import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.js';
import type { ResolvedConfig } from '../infra/resolved-config.js';
import { copyToTemp } from '../infra/storage/local-copy.js';
import { StorageService } from '../infra/storage/storage.service.js';
import type { AssetRenditionEntity } from './asset-rendition.entity.js';
import { ffmpegBinary, MediaToolError } from './ffmpeg-command.js';
import { previewSlug, WATERMARK_TEXT } from './render-rendition.js';
import { renderVersion } from './render-version.js';
import type { RenderedVersion, RenderLimits } from './rendered-version.js';

const MAX_ATTEMPTS = 3;
/**
 * A claim older than this many rendering timeouts belongs to a worker that died (killed mid-job): the row
 * is taken again. A live worker gives up at one timeout, so it never races the worker that takes over.
 */
const STALE_CLAIM_TIMEOUTS = 2;

type ClaimedRow = Pick<
  AssetRenditionEntity,
  'versionId' | 'originalKey' | 'mimeType' | 'attempts' | 'cleanPreviewWanted' | 'watermarkLabel' | 'thumbnailKey' | 'previewKey' | 'posterKey' | 'pageKeys'
>;

interface StoredKeys {
  thumbnailKey: string;
  previewKey: string | null;
  previewMimeType: string | null;
  posterKey: string | null;
  pageKeys: string[];
  pageCount: number | null;
}

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

  /**
   * Renders every pending version (the job calls this; tests call it directly), up to
   * RENDITION_CONCURRENCY at once: pg-boss hands this process one job at a time, and a 24-megapixel
   * image keeps one core busy, so one-by-one would leave the other cores idle. Returns how many were rendered.
   */
  async processPending(limit = 20): Promise<number> {
    const max = Math.max(1, Math.min(limit, this.config.renditions.concurrency));
    let done = 0;
    let left = limit;
    // A row that fails goes back to pending for the next run, not for another try in this one.
    const tried: string[] = [];
    const lanes = new Set<Promise<void>>();
    // Each lane claims one row at a time (SKIP LOCKED keeps lanes and replicas off each other's rows) and
    // ends when none is left; a lane that finds one fills the idle places first, so uploads arriving one
    // by one during a run are rendered side by side too.
    const startLane = () => {
      const running: Promise<void> = lane().finally(() => lanes.delete(running));
      lanes.add(running);
    };
    const lane = async () => {
      while (left > 0) {
        left--;
        const [row] = await this.claim(1, tried);
        if (!row) {
          left++;
          return;
        }
        tried.push(row.versionId);
        while (lanes.size < max && left > 0) startLane();
        if (await this.render(row)) done++;
      }
    };
    startLane();
    while (lanes.size) await Promise.all([...lanes]);
    return done;
  }

  private async claim(count: number, exclude: string[]): Promise<ClaimedRow[]> {
    const [rows] = (await this.dataSource.query(
      `update asset_rendition set status = 'processing', claimed_at = now(), attempts = attempts + 1, updated_at = now()
       where version_id in (
         select version_id from asset_rendition
         where (status = 'pending' or (status = 'processing' and claimed_at < now() - make_interval(secs => $3)))
           and version_id <> all($2::uuid[])
         order by updated_at limit $1 for update skip locked)
       returning version_id as "versionId", original_key as "originalKey", mime_type as "mimeType", attempts,
                 clean_preview_wanted as "cleanPreviewWanted", watermark_label as "watermarkLabel", thumbnail_key as "thumbnailKey",
                 preview_key as "previewKey", poster_key as "posterKey", page_keys as "pageKeys"`,
      [count, exclude, (STALE_CLAIM_TIMEOUTS * this.config.renditions.timeoutMs) / 1000],
    )) as [ClaimedRow[], number];
    return rows;
  }

  private async render(row: ClaimedRow): Promise<boolean> {
    const workDir = await mkdtemp(path.join(os.tmpdir(), 'vetted-render-'));
    try {
      const label = row.cleanPreviewWanted ? null : (row.watermarkLabel ?? WATERMARK_TEXT);
      const copy = await copyToTemp(await this.storage.get(row.originalKey));
      let keys: StoredKeys;
      try {
        const rendered = await renderVersion(copy.tempPath, row.mimeType, workDir, label, this.limits());
        keys = await this.store(`renditions/${row.versionId}`, rendered, label);
      } finally {
        await copy.discard();
      }
      const [, updated] = (await this.dataSource.query(
        `update asset_rendition set status = 'ready', error = null, claimed_at = null, thumbnail_key = $2, preview_key = $3, preview_mime_type = $4,
           poster_key = $5, page_keys = $6, page_count = $7, preview_watermarked = $8, updated_at = now()
         where version_id = $1 and status = 'processing'`,
        [row.versionId, keys.thumbnailKey, keys.previewKey, keys.previewMimeType, keys.posterKey, keys.pageKeys, keys.pageCount, label !== null],
      )) as [unknown, number];
      // Asked for again while rendering (an approval, a withdrawal): the next run stores what is wanted now.
      if (!updated) return false;
      // A preview must not outlive the state it showed: the draft one after approval, the clean one after withdrawal.
      const kept = new Set([keys.thumbnailKey, keys.previewKey, keys.posterKey, ...keys.pageKeys]);
      const previous = new Set([row.previewKey, row.posterKey, ...(row.pageKeys ?? [])].filter((k): k is string => k !== null && !kept.has(k)));
      for (const key of previous) await this.storage.remove(key).catch(() => undefined);
      return true;
    } catch (error) {
      await this.fail(row, error);
      return false;
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  }

  private limits(): RenderLimits {
    const { timeoutMs, pdfMaxPages, ffmpegPath } = this.config.renditions;
    return { maxPixels: this.config.assets.imageMaxPixels, ffmpegBinary: () => ffmpegBinary(ffmpegPath), deadline: Date.now() + timeoutMs, timeoutMs, pdfMaxPages };
  }

  /** Writes each rendered file under its fixed key; watermarked ones carry the label in their name, so a clean and a marked copy never share a key. */
  private async store(base: string, rendered: RenderedVersion, label: string | null): Promise<StoredKeys> {
    const suffix = label === null ? '' : `-${previewSlug(label)}`;
    const thumbnailKey = `${base}/thumbnail.webp`;
    await this.putImage(thumbnailKey, rendered.thumbnail);
    const pageKeys: string[] = [];
    for (const [index, page] of rendered.pages.entries()) {
      const key = `${base}/page-${index + 1}${suffix}.webp`;
      await this.putImage(key, page);
      pageKeys.push(key);
    }
    let posterKey: string | null = null;
    if (rendered.poster) {
      posterKey = `${base}/poster${suffix}.webp`;
      await this.putImage(posterKey, rendered.poster);
    }
    // A PDF's preview is its first page: the same object, not a copy.
    let previewKey = pageKeys[0] ?? null;
    let previewMimeType = previewKey ? 'image/webp' : null;
    const preview = rendered.preview;
    if (preview) {
      previewKey = `${base}/preview${suffix}.${preview.ext}`;
      previewMimeType = preview.contentType;
      if (preview.contentType === 'video/mp4') await this.storage.put(previewKey, createReadStream(preview.path), preview.size, preview.contentType);
      else await this.putImage(previewKey, preview.data);
    }
    return { thumbnailKey, previewKey, previewMimeType, posterKey, pageKeys, pageCount: rendered.pageCount };
  }

  /**
   * What ffmpeg or PDF.js could not make of the file will not change on a second try: it fails at
   * once, with the reason. Anything else (storage away, a crash) is tried again, up to MAX_ATTEMPTS.
   */
  private async fail(row: ClaimedRow, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    const status = error instanceof MediaToolError || row.attempts >= MAX_ATTEMPTS ? 'failed' : 'pending';
    this.logger.warn(`Rendition of version ${row.versionId} failed (attempt ${row.attempts}/${MAX_ATTEMPTS}): ${message}`);
    await this.dataSource.query(`update asset_rendition set status = $2, error = $3, claimed_at = null, updated_at = now() where version_id = $1 and status = 'processing'`, [
      row.versionId,
      status,
      message.slice(0, 500),
    ]);
  }

  private putImage(key: string, data: Buffer): Promise<void> {
    return this.storage.put(key, data, data.length, 'image/webp');
  }
}
