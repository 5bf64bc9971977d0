import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SessionUser } from '@vetted/contracts';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import yazl from 'yazl';
import { AuditService } from '../audit/audit.service.js';
import { ConflictError, ServiceUnavailableError } from '../common/domain-errors.js';
import { APP_CONFIG } from '../config/config.js';
import { ContentService } from '../content/content.service.js';
import type { ResolvedConfig } from '../infra/resolved-config.js';
import { copyToTemp } from '../infra/storage/local-copy.js';
import { ReviewService } from '../review/review.service.js';
import { fda2253FormOf } from './fda-2253.form.js';
import { fda2253Pdf } from './fda-2253.pdf.js';

export interface Fda2253Download {
  filename: string;
  stream: Readable;
}

/** The market whose promotional material is filed with Form FDA 2253. */
const US = 'US';

/**
 * The Form FDA 2253 package of an approved US item: the approved file (its bytes checked against the
 * signed SHA-256 first), its SHA-256, and the form's fields as JSON and as a printable PDF.
 */
@Injectable()
export class Fda2253Service {
  private readonly logger = new Logger(Fda2253Service.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly content: ContentService,
    private readonly review: ReviewService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  async build(itemId: string, actor: SessionUser): Promise<Fda2253Download> {
    const item = await this.content.get(itemId);
    if (item.market !== US) {
      throw new ConflictError(`Form FDA 2253 is filed for US material; this item's market is ${item.market ?? 'not set'}`, { market: item.market, needed: US }, 'filing_not_applicable');
    }
    const form = fda2253FormOf(item, (await this.review.signedRecordsOf(itemId)).decisions, this.config.fdaApplicantName ?? null, new Date());
    if (!form) throw new ConflictError(`Only approved material is filed: the item is ${item.status}`, { status: item.status }, 'filing_not_applicable');
    const { number, sha256, filename } = form.version;
    // One read of storage, spooled and hashed: the bytes checked are the bytes packed.
    const source = (await this.content.openVersionFile(itemId, number, 'original')).stream;
    const copy = await copyToTemp(source).catch((error: unknown) => {
      // The cause names internal hosts and ports: it goes to the log, never to the client.
      this.logger.warn(`storage read for the FDA 2253 package of ${itemId} failed: ${String(error)}`);
      throw new ServiceUnavailableError('Storage is unavailable; try the download again shortly.');
    });
    let pdf: Buffer;
    try {
      if (copy.sha256 !== sha256) {
        throw new ConflictError('The stored file does not match the approved version, so no package was made. Ask the editorial team.', { itemId, reason: 'hash_mismatch' });
      }
      pdf = await fda2253Pdf(form);
      await this.dataSource.transaction((tx) =>
        this.audit.record(tx, { actor, action: 'content_item.fda_2253_exported', entity: 'content_item', entityId: itemId, after: { version: number, sha256 } }),
      );
    } catch (error) {
      await copy.discard();
      throw error;
    }

    const zip = new yazl.ZipFile();
    const assetPath = `asset/${safeName(filename)}`;
    // Stored, not compressed: the file in the ZIP is byte for byte the one the reviewers signed.
    zip.addReadStream(copy.open(), assetPath, { compress: false });
    zip.addBuffer(Buffer.from(`${sha256}  ${assetPath}\n`, 'utf8'), 'asset.sha256');
    zip.addBuffer(Buffer.from(`${JSON.stringify(form, null, 2)}\n`, 'utf8'), 'form-fda-2253.json');
    zip.addBuffer(pdf, 'form-fda-2253.pdf');
    zip.end();
    const output = zip.outputStream as Readable;
    zip.on('error', (error: Error) => {
      this.logger.error(`FDA 2253 package of item ${itemId} failed while streaming: ${error.message}`);
      output.destroy(error);
    });
    return { filename: `fda-2253-${itemId}-v${number}.zip`, stream: output };
  }
}

/** A file name safe inside a ZIP on every system: no folders, no control characters. */
function safeName(filename: string): string {
  const printable = [...filename].filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f).join('');
  return printable.replace(/[/\\]/g, '_') || 'asset';
}
