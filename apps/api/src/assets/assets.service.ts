import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ACCEPTED_FILE_TYPES, type ContentFormat, type DirectUpload, type RenditionKind, type SessionUser, type VersionRenditions } from '@vetted/contracts';
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { DataSource, In, type EntityManager } from 'typeorm';
import { ConflictError, NotFoundError, ServiceUnavailableError, UnprocessableError } from '../common/domain-errors.js';
import { APP_CONFIG } from '../config/config.js';
import type { ResolvedConfig } from '../infra/resolved-config.js';
import { JobsService } from '../infra/jobs/jobs.service.js';
import { copyToTemp, type LocalCopy } from '../infra/storage/local-copy.js';
import { StorageService } from '../infra/storage/storage.service.js';
import { assertWithinSize } from './accepted-file.policy.js';
import { AssetRenditionEntity } from './asset-rendition.entity.js';
import { RENDER_ASSETS_JOB } from './asset-job-names.js';
import { AssetUploadEntity } from './asset-upload.entity.js';
import { inspectFile, type InspectedFile } from './inspect-file.js';
import { isRendered } from './render-version.js';

const DIRECT_UPLOAD_MINUTES = 30;
const ORPHAN_AGE_MS = 60 * 60 * 1000;
/** Browsers send a Content-Type field with a POST upload; the policy pins its family where one exists. */
const POLICY_TYPE_PREFIX: Partial<Record<ContentFormat, string>> = { video: 'video/', series: 'video/', podcast: 'audio/' };

/** A rendition as served: the object's stream and its type. */
export interface RenditionFile {
  stream: Readable;
  mimeType: string;
  ext: 'webp' | 'mp4';
}

/**
 * Owns the bytes of content: checks a file by its content, stores it under a generated key, keeps
 * track of its renditions and hands files back out (never by presigned URL: see docs/architecture.md).
 */
@Injectable()
export class AssetsService {
  private readonly logger = new Logger(AssetsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly storage: StorageService,
    private readonly jobs: JobsService,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  /** Where multipart uploads are spooled while they are hashed and checked. */
  get uploadTempDir(): string {
    return this.config.uploadTempDir;
  }

  maxBytesFor(format: ContentFormat): number {
    return this.config.assets.maxBytes[format];
  }

  /** 413 / 415 / 422 for a file the format does not take; otherwise its real type and measurements. */
  async inspect(tempPath: string, format: ContentFormat, size: number): Promise<InspectedFile> {
    assertWithinSize(format, size, this.maxBytesFor(format));
    return inspectFile(tempPath, format, this.config.assets);
  }

  /** Streams a received file to storage under a new key; a failure leaves nothing behind and is a 503. */
  async storeOriginal(itemId: string, tempPath: string, size: number, mimeType: string): Promise<string> {
    const key = `items/${itemId}/${randomUUID()}`;
    try {
      await this.storage.put(key, createReadStream(tempPath), size, mimeType);
    } catch (error) {
      await this.discardObject(key);
      // The cause names internal hosts and ports: it goes to the log, never to the client.
      this.logger.warn(`storage write of ${key} failed: ${String(error)}`);
      throw new ServiceUnavailableError('Storage is unavailable; the upload was not recorded. Try again shortly.');
    }
    return key;
  }

  async discardObject(key: string): Promise<void> {
    await this.storage.remove(key).catch(() => undefined);
  }

  /** Called in the transaction that records the version, so a version never exists without its rendition row. */
  async recordIn(tx: EntityManager, version: { id: string; storageKey: string; mimeType: string }): Promise<VersionRenditions> {
    const row = tx.getRepository(AssetRenditionEntity).create({
      versionId: version.id,
      originalKey: version.storageKey,
      mimeType: version.mimeType,
      status: isRendered(version.mimeType) ? 'pending' : 'not_applicable',
      attempts: 0,
      cleanPreviewWanted: false,
      previewWatermarked: true,
    });
    await tx.getRepository(AssetRenditionEntity).insert(row);
    // Queued with the version's transaction: the run starts once the row is visible, not a guessed 2 s later.
    if (row.status === 'pending') await this.jobs.runAfterCommit(tx, RENDER_ASSETS_JOB);
    return toRenditions(row);
  }

  /**
   * Once a version leaves use (withdrawn, expired, superseded, retired) its preview is re-rendered
   * with a band saying so. Idempotent; versions without a preview are left alone.
   */
  async requestWatermarkIn(tx: EntityManager, versionId: string, label: 'WITHDRAWN' | 'EXPIRED' | 'SUPERSEDED' | 'RETIRED' | 'SUSPENDED'): Promise<void> {
    await tx.query(
      `update asset_rendition set clean_preview_wanted = false, watermark_label = $2, status = 'pending', attempts = 0, error = null, updated_at = now()
       where version_id = $1 and status <> 'not_applicable' and watermark_label is distinct from $2`,
      [versionId, label],
    );
    void this.jobs.runSoon(RENDER_ASSETS_JOB);
  }

  /** Once the item is approved its preview is re-rendered without the watermark (idempotent). */
  async requestCleanPreviewIn(tx: EntityManager, versionId: string): Promise<void> {
    await tx.query(
      `update asset_rendition set clean_preview_wanted = true, watermark_label = null, status = 'pending', attempts = 0, error = null, updated_at = now()
       where version_id = $1 and status <> 'not_applicable' and not clean_preview_wanted`,
      [versionId],
    );
    void this.jobs.runSoon(RENDER_ASSETS_JOB);
  }

  async renditionsFor(versionIds: string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, VersionRenditions>> {
    if (!versionIds.length) return new Map();
    const rows = await manager.getRepository(AssetRenditionEntity).find({ where: { versionId: In(versionIds) } });
    return new Map(rows.map((r) => [r.versionId, toRenditions(r)]));
  }

  async openOriginal(storageKey: string): Promise<Readable> {
    return this.fromStorage(() => this.storage.get(storageKey));
  }

  /** A rendition's object and what it is (a preview is WebP, or MP4 for a video); 409 while there is none. */
  async openRendition(versionId: string, kind: RenditionKind): Promise<RenditionFile> {
    const row = await this.dataSource.getRepository(AssetRenditionEntity).findOne({ where: { versionId } });
    const previewIsImage = (row?.previewMimeType ?? 'image/webp') === 'image/webp';
    // Only a video has a poster; any other preview is a still image already.
    const key = kind === 'thumbnail' ? row?.thumbnailKey : kind === 'poster' ? (row?.posterKey ?? (previewIsImage ? row?.previewKey : null)) : row?.previewKey;
    if (!row || !key) throw this.noRendition(kind, row);
    const mimeType = kind === 'preview' && !previewIsImage ? row.previewMimeType! : 'image/webp';
    return { stream: await this.fromStorage(() => this.storage.get(key)), mimeType, ext: mimeType === 'video/mp4' ? 'mp4' : 'webp' };
  }

  /** Page `page` of a PDF version (WebP); 404 past its rendered pages, 409 while they are not made yet. */
  async openPage(versionId: string, page: number): Promise<RenditionFile> {
    const row = await this.dataSource.getRepository(AssetRenditionEntity).findOne({ where: { versionId } });
    if (!row || !row.pageKeys.length) throw this.noRendition('page image', row);
    const key = row.pageKeys[page - 1];
    if (!key) throw new NotFoundError('Page', `${page} (page images: 1 to ${row.pageKeys.length})`, { pages: row.pageKeys.length, pageCount: row.pageCount }, 'page_out_of_range');
    return { stream: await this.fromStorage(() => this.storage.get(key)), mimeType: 'image/webp', ext: 'webp' };
  }

  private noRendition(what: string, row: AssetRenditionEntity | null): ConflictError {
    const status = row?.status ?? 'not_applicable';
    return new ConflictError(`No ${what} for this version yet (renditions: ${status})`, { status, error: row?.error ?? null }, 'rendition_not_ready');
  }

  async createDirectUpload(itemId: string, format: ContentFormat, filename: string, declared: { size: number; sha256: string }, actor: SessionUser): Promise<DirectUpload> {
    const maxBytes = this.maxBytesFor(format);
    assertWithinSize(format, declared.size, maxBytes);
    const id = randomUUID();
    const key = `items/${itemId}/${randomUUID()}`;
    const expires = new Date(Date.now() + DIRECT_UPLOAD_MINUTES * 60_000);
    const post = await this.fromStorage(() => this.storage.presignedPost(key, { minBytes: declared.size, maxBytes: declared.size, expires, contentTypePrefix: POLICY_TYPE_PREFIX[format] }));
    await this.dataSource
      .getRepository(AssetUploadEntity)
      .insert({ id, itemId, storageKey: key, filename, maxBytes, declaredSize: declared.size, declaredSha256: declared.sha256, createdBy: actor.id, expiresAt: expires });
    return { uploadId: id, url: post.url, fields: post.fields, maxBytes, acceptedTypes: [...ACCEPTED_FILE_TYPES[format]], expiresAt: expires.toISOString() };
  }

  /** Reads a directly uploaded object back (hashing it as it comes); a missing or oversized object is refused and removed. */
  async receiveDirectUpload(itemId: string, uploadId: string, format: ContentFormat): Promise<LocalCopy & { storageKey: string; filename: string }> {
    const upload = await this.dataSource.getRepository(AssetUploadEntity).findOne({ where: { id: uploadId, itemId } });
    if (!upload) throw new NotFoundError('Upload', uploadId);
    if (upload.completedAt) throw new ConflictError('This upload was already completed', { completedAt: upload.completedAt.toISOString() });
    const stat = await this.storage.stat(upload.storageKey).catch(() => null);
    if (!stat) throw new ConflictError('Nothing was uploaded for this upload yet: send the file to the presigned URL first');
    try {
      assertWithinSize(format, stat.size, Math.min(upload.maxBytes, this.maxBytesFor(format)));
      // The policy bounds the size where the store enforces it; what counts is what was actually stored.
      if (upload.declaredSize !== null && stat.size !== upload.declaredSize) {
        throw new UnprocessableError(`The stored file is ${stat.size} bytes, but the upload declared ${upload.declaredSize}: it was removed`, { declaredSize: upload.declaredSize, storedSize: stat.size });
      }
      const copy = await this.fromStorage(async () => copyToTemp(await this.storage.get(upload.storageKey)));
      if (upload.declaredSha256 !== null && (copy.sha256 !== upload.declaredSha256 || copy.size !== stat.size)) {
        await copy.discard();
        throw new UnprocessableError('The stored file does not hash to the SHA-256 the upload declared: it was removed', { declaredSha256: upload.declaredSha256, storedSha256: copy.sha256 });
      }
      return { ...copy, storageKey: upload.storageKey, filename: upload.filename };
    } catch (error) {
      await this.discardObject(upload.storageKey);
      throw error;
    }
  }

  async markDirectUploadCompletedIn(tx: EntityManager, uploadId: string): Promise<void> {
    await tx.getRepository(AssetUploadEntity).update({ id: uploadId }, { completedAt: () => 'now()' });
  }

  /**
   * Removes objects under items/ that no version records and no open direct upload is waiting for.
   * A request that died between storing and recording leaves such an object; an hour's margin spares uploads in flight.
   */
  async sweepOrphans(olderThan = new Date(Date.now() - ORPHAN_AGE_MS)): Promise<number> {
    let removed = 0;
    let batch: string[] = [];
    const flush = async () => {
      const known = (await this.dataSource.query(
        `select original_key as key from asset_rendition where original_key = any($1)
         union select storage_key from asset_upload where storage_key = any($1) and completed_at is null and expires_at > now()`,
        [batch],
      )) as Array<{ key: string }>;
      const keep = new Set(known.map((k) => k.key));
      for (const key of batch.filter((k) => !keep.has(k))) {
        await this.storage.remove(key);
        removed++;
      }
      batch = [];
    };
    for await (const key of this.storage.keysOlderThan('items/', olderThan)) {
      batch.push(key);
      if (batch.length >= 500) await flush();
    }
    if (batch.length) await flush();
    if (removed) this.logger.log(`${removed} orphan object(s) removed from storage`);
    return removed;
  }

  private async fromStorage<T>(op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (error) {
      if (isStorageUnreachable(error)) throw new ServiceUnavailableError('Storage is unavailable; try again shortly.');
      if ((error as { code?: string })?.code === 'NoSuchKey') throw new NotFoundError('Stored file', 'for this version');
      throw error;
    }
  }
}

function toRenditions(row: AssetRenditionEntity): VersionRenditions {
  return {
    status: row.status,
    error: row.error ?? null,
    thumbnail: Boolean(row.thumbnailKey),
    preview: Boolean(row.previewKey),
    previewWatermarked: Boolean(row.previewKey) && row.previewWatermarked,
    previewMimeType: row.previewKey ? (row.previewMimeType ?? 'image/webp') : null,
    poster: Boolean(row.posterKey),
    pages: row.pageKeys?.length ?? 0,
    pageCount: row.pageCount ?? null,
  };
}

function isStorageUnreachable(error: unknown): boolean {
  const code = (error as { code?: string })?.code;
  return ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE'].includes(code ?? '');
}
