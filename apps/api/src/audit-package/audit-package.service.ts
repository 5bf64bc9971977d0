import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ContentItem, ContentVersion, SessionUser } from '@vetted/contracts';
import { createHash } from 'node:crypto';
import { PassThrough, type Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import yazl from 'yazl';
import { AuditService } from '../audit/audit.service.js';
import { ContentService } from '../content/content.service.js';
import { sha256Meter } from '../infra/storage/local-copy.js';
import { SignatureService } from '../identity/signature.service.js';
import { ReviewService } from '../review/review.service.js';
import { AUDIT_PACKAGE_FORMAT, PACKAGE_PATHS, versionFolder, type AuditPackageManifest, type ManifestEntry, type PackagedVersion } from './audit-package.format.js';

export interface AuditPackageDownload {
  filename: string;
  stream: Readable;
}

interface PackagedFile {
  path: string;
  open(): Promise<Readable>;
}

/**
 * Builds an item's auditor's package: every version's bytes, their renditions, the signed decisions
 * and signatures, the item's audit events with their chain hashes, and a manifest of SHA-256s. It
 * reads through the owning modules' services and writes nothing but the audit event of the export.
 */
@Injectable()
export class AuditPackageService {
  private readonly logger = new Logger(AuditPackageService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly content: ContentService,
    private readonly review: ReviewService,
    private readonly signatures: SignatureService,
    private readonly audit: AuditService,
  ) {}

  async build(itemId: string, actor: SessionUser): Promise<AuditPackageDownload> {
    const item = await this.content.get(itemId);
    // Recorded first, so the package carries the record of its own export.
    await this.dataSource.transaction((tx) => this.audit.record(tx, { actor, action: 'content_item.audit_package_exported', entity: 'content_item', entityId: itemId }));
    const records = await this.review.signedRecordsOf(itemId);
    const signatures = [
      ...(await this.signatures.signaturesOn('content_version', item.versions.map((v) => v.id))),
      ...(await this.signatures.signaturesOn('content_item', [itemId])),
    ];
    const events = await this.audit.eventsOf('content_item', itemId);
    const versions = [...item.versions].sort((a, b) => a.number - b.number);
    const files = versions.flatMap((v) => this.filesOf(item, v));
    const packaged: PackagedVersion[] = versions.map((v) => ({
      id: v.id,
      number: v.number,
      filename: v.asset.filename,
      mimeType: v.asset.mimeType,
      size: v.asset.size,
      sha256: v.asset.sha256,
      createdAt: v.createdAt,
      createdBy: v.createdBy,
      note: v.note,
      path: originalPath(v),
      renditions: renditionFiles(v).map((r) => r.path),
    }));

    const zip = new yazl.ZipFile();
    const manifest: ManifestEntry[] = [];
    const addJson = (path: string, value: unknown) => {
      const bytes = Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
      manifest.push({ path, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length });
      zip.addBuffer(bytes, path);
    };
    addJson(PACKAGE_PATHS.item, item);
    addJson(PACKAGE_PATHS.versions, packaged);
    addJson(PACKAGE_PATHS.decisions, records);
    addJson(PACKAGE_PATHS.signatures, signatures);
    addJson(PACKAGE_PATHS.events, events);
    for (const file of files) {
      // Media is compressed already; stored as is, the bytes in the ZIP are the bytes that were signed.
      zip.addReadStreamLazy(file.path, { compress: false }, (done) => {
        file.open().then(
          (stream) => done(null, stream.pipe(sha256Meter((measured) => manifest.push({ path: file.path, sha256: measured.sha256, size: measured.size })).stream)),
          (error: Error) => done(error, new PassThrough()),
        );
      });
    }
    // yazl writes entries in order: by the time it asks for the manifest, every file above has been hashed.
    zip.addReadStreamLazy(PACKAGE_PATHS.manifest, (done) => {
      const body: AuditPackageManifest = {
        format: AUDIT_PACKAGE_FORMAT,
        itemId,
        title: item.title,
        generatedAt: new Date().toISOString(),
        generatedBy: { id: actor.id, name: actor.name },
        files: manifest,
      };
      const stream = new PassThrough();
      stream.end(Buffer.from(`${JSON.stringify(body, null, 2)}\n`, 'utf8'));
      done(null, stream);
    });
    zip.end();
    const output = zip.outputStream as Readable;
    zip.on('error', (error: Error) => {
      this.logger.error(`audit package of item ${itemId} failed while streaming: ${error.message}`);
      output.destroy(error);
    });
    return { filename: `audit-package-${itemId}.zip`, stream: output };
  }

  private filesOf(item: ContentItem, v: ContentVersion): PackagedFile[] {
    return [
      { path: originalPath(v), open: async () => (await this.content.openVersionFile(item.id, v.number, 'original')).stream },
      ...renditionFiles(v).map((r) => ({
        path: r.path,
        open: async () =>
          r.page === undefined ? (await this.content.openVersionFile(item.id, v.number, r.kind)).stream : (await this.content.openVersionPage(item.id, v.number, r.page)).stream,
      })),
    ];
  }
}

function originalPath(v: ContentVersion): string {
  const ext = /\.([a-z0-9]{1,8})$/i.exec(v.asset.filename)?.[1]?.toLowerCase();
  return `${versionFolder(v.number)}/original${ext ? `.${ext}` : ''}`;
}

function renditionFiles(v: ContentVersion): Array<{ path: string; kind: 'thumbnail' | 'preview' | 'poster'; page?: number }> {
  const r = v.renditions;
  const base = `${versionFolder(v.number)}/renditions`;
  const files: Array<{ path: string; kind: 'thumbnail' | 'preview' | 'poster'; page?: number }> = [];
  if (r.thumbnail) files.push({ path: `${base}/thumbnail.webp`, kind: 'thumbnail' });
  if (r.preview) files.push({ path: `${base}/preview.${r.previewMimeType === 'video/mp4' ? 'mp4' : 'webp'}`, kind: 'preview' });
  if (r.poster) files.push({ path: `${base}/poster.webp`, kind: 'poster' });
  // Page 1 is the preview itself; the others only exist as page images.
  for (let page = 2; page <= (r.pages ?? 0); page++) files.push({ path: `${base}/page-${page}.webp`, kind: 'preview', page });
  return files;
}

