import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LANE_ROLE, type DecideTextCheckLinkRequest, type SessionUser, type TextCheck, type TextCheckLink, type TextCheckStatus, type TextCheckSummary } from '@vetted/contracts';
import type { VersionTextCheck } from '@vetted/workflow';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, In, type EntityManager } from 'typeorm';
import { ffmpegBinary } from '../assets/ffmpeg-command.js';
import { AuditService } from '../audit/audit.service.js';
import { ClaimsService } from '../claims/claims.service.js';
import { ForbiddenError, NotFoundError } from '../common/domain-errors.js';
import { APP_CONFIG } from '../config/config.js';
import { databaseNow } from '../infra/database/database-now.js';
import { JobsService } from '../infra/jobs/jobs.service.js';
import type { ResolvedConfig } from '../infra/resolved-config.js';
import { copyToTemp } from '../infra/storage/local-copy.js';
import { StorageService } from '../infra/storage/storage.service.js';
import { EXTRACT_TEXT_JOB } from './detection-job-names.js';
import { OcrPool } from './ocr-pool.js';
import { readVersionText, UnreadableFileError } from './read-version-text.js';
import { TextCheckLinkEntity } from './text-check-link.entity.js';
import { checkText, describeAnchor, type ExtractedLine } from './text-matching.js';
import { UnsupportedStatementEntity } from './unsupported-statement.entity.js';
import { VersionTextEntity } from './version-text.entity.js';

const MAX_ATTEMPTS = 3;
/** A claim older than this belongs to a worker that died; the row is taken again (twice a video's time limit when that is longer). */
const STALE_CLAIM_SECONDS = 600;
const POLL_MS = 200;

/** What content tells detection of a new version. */
export interface VersionToRead {
  versionId: string;
  itemId: string;
  versionNumber: number;
  storageKey: string;
  mimeType: string;
  product: string | null;
  language: string | null;
}

type ClaimedRow = Pick<VersionTextEntity, 'versionId' | 'itemId' | 'versionNumber' | 'storageKey' | 'mimeType' | 'product' | 'language' | 'attempts'>;

/**
 * Reads every uploaded version (PDF text layer, OCR of images) and finds in it the claims of the
 * library and the sentences no approved claim supports. Rows are claimed with SKIP LOCKED and their
 * findings replaced in one transaction, so a second run of a version is harmless.
 */
@Injectable()
export class DetectionService implements OnApplicationShutdown {
  private readonly logger = new Logger(DetectionService.name);
  private readonly ocr: OcrPool;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly storage: StorageService,
    private readonly claims: ClaimsService,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {
    this.ocr = new OcrPool(config.textCheck.ocrConcurrency);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.ocr.close();
  }

  /** Queues the reading of a new version, inside the upload's transaction (the job starts once it commits). */
  async queueIn(tx: EntityManager, version: VersionToRead): Promise<void> {
    await tx.getRepository(VersionTextEntity).insert({ ...version, status: 'pending', attempts: 0 });
    await this.jobs.runAfterCommit(tx, EXTRACT_TEXT_JOB);
  }

  /** Reads every pending version (the job calls this; tests call it directly). Returns how many were read. */
  async processPending(limit = 20): Promise<number> {
    let done = 0;
    const tried: string[] = [];
    while (tried.length < limit) {
      const [row] = await this.claim(null, tried);
      if (!row) break;
      tried.push(row.versionId);
      if (await this.process(row)) done++;
    }
    return done;
  }

  /**
   * Waits until the version's text check is finished, for at most `waitMs`; reads it here if no job
   * has taken it yet (so a submission never waits on a queue). Returns the check as it then stands.
   */
  async settle(versionId: string, waitMs = this.config.textCheck.waitMs): Promise<VersionTextCheck> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const [row] = await this.claim(versionId, []);
      if (row) await this.process(row);
      const check = await this.checkIn(this.dataSource.manager, versionId);
      if (check.status !== 'pending' || Date.now() >= deadline) return check;
      await sleep(Math.min(POLL_MS, Math.max(0, deadline - Date.now())));
    }
  }

  /** What review's fast-track guard needs: the claims found (automatic or accepted) and the unsupported statements, each with where it is. */
  async checkIn(manager: EntityManager, versionId: string): Promise<VersionTextCheck> {
    const row = await manager.getRepository(VersionTextEntity).findOne({ where: { versionId }, select: { versionId: true, status: true, reason: true } });
    // A version with no row was uploaded before detection existed and never queued: nothing shows what it says.
    if (!row) return { status: 'failed', reason: 'the version was never read' };
    if (row.status === 'pending' || row.status === 'processing') return { status: 'pending' };
    if (row.status === 'failed') return { status: 'failed', reason: row.reason ?? 'unknown error' };
    // A done check with a reason read only part of the file (a video past its frame cap): for the fast
    // track that is as good as unread, since nothing shows what the rest says.
    if (row.reason) return { status: 'failed', reason: row.reason };
    const links = await manager.getRepository(TextCheckLinkEntity).find({ where: { versionId, kind: In(['auto', 'accepted']) } });
    const unsupported = await manager.getRepository(UnsupportedStatementEntity).find({ where: { versionId } });
    return {
      status: 'done',
      claims: links.map((l) => ({ claimId: l.claimId, code: l.code, text: l.text, where: describeAnchor(l.anchor) })),
      unsupported: unsupported.map((s) => ({ text: s.text, where: describeAnchor(s.anchor) })),
    };
  }

  /** The text check of one version, for the review workspace. */
  async textCheck(itemId: string, versionNumber: number): Promise<TextCheck> {
    const row = await this.dataSource.getRepository(VersionTextEntity).findOne({ where: { itemId, versionNumber }, select: { versionId: true, status: true, reason: true } });
    if (!row) throw new NotFoundError('Text check of version', `${versionNumber} of content item ${itemId}`, { resource: 'text_check', itemId, versionNumber });
    return this.viewOf(this.dataSource.manager, row);
  }

  /** A medical reviewer accepts or rejects a link (a suggestion, or an automatic link they disagree with); audited on the item. */
  async decideLink(itemId: string, versionNumber: number, linkId: string, input: DecideTextCheckLinkRequest, user: SessionUser): Promise<TextCheck> {
    if (!user.roles.includes(LANE_ROLE.medical)) throw new ForbiddenError('Only a medical reviewer accepts or rejects the claims found in a file');
    return this.dataSource.transaction(async (tx) => {
      const row = await tx.getRepository(VersionTextEntity).findOne({ where: { itemId, versionNumber } });
      const link = row && (await tx.getRepository(TextCheckLinkEntity).findOne({ where: { id: linkId, versionId: row.versionId }, lock: { mode: 'pessimistic_write' } }));
      if (!row || !link) throw new NotFoundError('Text check link', linkId);
      const before = { kind: link.kind };
      link.kind = input.decision === 'accept' ? 'accepted' : 'rejected';
      link.decidedBy = user.id;
      link.decidedAt = await databaseNow(tx);
      await tx.getRepository(TextCheckLinkEntity).save(link);
      await this.audit.record(tx, {
        actor: { id: user.id, name: user.name },
        action: `text_check.link_${input.decision === 'accept' ? 'accepted' : 'rejected'}`,
        entity: 'content_item',
        entityId: itemId,
        before,
        after: { versionNumber, linkId, claimId: link.claimId, code: link.code, kind: link.kind, text: link.text },
      });
      return this.viewOf(tx, row);
    });
  }

  /** Counts for item views, by version id. */
  async summariesFor(versionIds: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, TextCheckSummary>> {
    if (versionIds.length === 0) return new Map();
    const rows = (await manager.query(
      `select t.version_id as "versionId", t.status,
         (select count(*)::int from text_check_link l where l.version_id = t.version_id and l.kind in ('auto','accepted')) as links,
         (select count(*)::int from text_check_link l where l.version_id = t.version_id and l.kind = 'suggested') as suggested,
         (select count(*)::int from unsupported_statement s where s.version_id = t.version_id) as unsupported
       from version_text t where t.version_id = any($1::uuid[])`,
      [versionIds],
    )) as Array<{ versionId: string; status: VersionTextEntity['status']; links: number; suggested: number; unsupported: number }>;
    return new Map(rows.map((r) => [r.versionId, { status: publicStatus(r.status), links: r.links, suggested: r.suggested, unsupported: r.unsupported }]));
  }

  private async viewOf(manager: EntityManager, row: Pick<VersionTextEntity, 'versionId' | 'status' | 'reason'>): Promise<TextCheck> {
    const links = await manager.getRepository(TextCheckLinkEntity).find({ where: { versionId: row.versionId } });
    const unsupported = await manager.getRepository(UnsupportedStatementEntity).find({ where: { versionId: row.versionId } });
    const byPlace = (a: { anchor: TextCheckLink['anchor'] }, b: { anchor: TextCheckLink['anchor'] }) =>
      (a.anchor.page ?? 0) - (b.anchor.page ?? 0) || (a.anchor.seconds ?? 0) - (b.anchor.seconds ?? 0) || (a.anchor.box?.y ?? 0) - (b.anchor.box?.y ?? 0);
    return {
      status: publicStatus(row.status),
      reason: row.status === 'failed' || row.status === 'nothing_to_read' || row.status === 'done' ? row.reason : null,
      links: links.sort(byPlace).map((l) => ({ id: l.id, claimId: l.claimId, code: l.code, kind: l.kind, text: l.text, anchor: l.anchor, similarity: l.similarity })),
      unsupported: unsupported.sort(byPlace).map((s) => ({ id: s.id, text: s.text, anchor: s.anchor })),
    };
  }

  private async claim(versionId: string | null, exclude: string[]): Promise<ClaimedRow[]> {
    const [rows] = (await this.dataSource.query(
      `update version_text set status = 'processing', claimed_at = now(), attempts = attempts + 1, updated_at = now()
       where version_id in (
         select version_id from version_text
         where (status = 'pending' or (status = 'processing' and claimed_at < now() - make_interval(secs => $3)))
           and ($1::uuid is null or version_id = $1) and version_id <> all($2::uuid[])
         order by updated_at limit 1 for update skip locked)
       returning version_id as "versionId", item_id as "itemId", version_number as "versionNumber", storage_key as "storageKey",
                 mime_type as "mimeType", product, language, attempts`,
      [versionId, exclude, Math.max(STALE_CLAIM_SECONDS, (2 * this.config.textCheck.videoTimeoutMs) / 1000)],
    )) as [ClaimedRow[], number];
    return rows;
  }

  private async process(row: ClaimedRow): Promise<boolean> {
    try {
      const copy = await copyToTemp(await this.storage.get(row.storageKey));
      let read;
      try {
        read = await readVersionText(copy.tempPath, row.mimeType, row.language, {
          ocr: this.ocr,
          maxPixels: this.config.assets.imageMaxPixels,
          pdfMaxPages: this.config.renditions.pdfMaxPages,
          ffmpegBinary: () => ffmpegBinary(this.config.renditions.ffmpegPath),
          videoMaxFrames: this.config.textCheck.videoMaxFrames,
          videoTimeoutMs: this.config.textCheck.videoTimeoutMs,
        });
      } finally {
        await copy.discard();
      }
      if (read.kind === 'nothing_to_read') return await this.store(row, 'nothing_to_read', read.reason, []);
      return await this.store(row, 'done', read.partial ?? null, read.lines);
    } catch (error) {
      await this.fail(row, error);
      return false;
    }
  }

  /** The findings replace whatever an earlier run stored, in one transaction with the status. */
  private async store(row: ClaimedRow, status: 'done' | 'nothing_to_read', reason: string | null, lines: ExtractedLine[]): Promise<boolean> {
    return this.dataSource.transaction(async (tx) => {
      const locked = await tx.getRepository(VersionTextEntity).findOne({ where: { versionId: row.versionId }, lock: { mode: 'pessimistic_write' } });
      if (!locked || locked.status !== 'processing') return false;
      const claims = await this.claims.approvedTextsIn(tx, row.product, row.language ? [row.language] : []);
      const found = checkText(lines, claims, this.config.textCheck.suggestThreshold);
      await tx.getRepository(TextCheckLinkEntity).delete({ versionId: row.versionId });
      await tx.getRepository(UnsupportedStatementEntity).delete({ versionId: row.versionId });
      if (found.links.length) await tx.getRepository(TextCheckLinkEntity).insert(found.links.map((l) => ({ versionId: row.versionId, claimId: l.claimId, code: l.code, kind: l.kind, text: l.text, anchor: l.anchor, similarity: l.similarity })));
      if (found.unsupported.length) await tx.getRepository(UnsupportedStatementEntity).insert(found.unsupported.map((s) => ({ versionId: row.versionId, text: s.text, anchor: s.anchor })));
      await tx.getRepository(VersionTextEntity).update({ versionId: row.versionId }, { status, reason, lines, claimedAt: null });
      return true;
    });
  }

  /** An unreadable file fails at once, with the reason; anything else (storage away) is tried again, up to MAX_ATTEMPTS. */
  private async fail(row: ClaimedRow, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    const status = error instanceof UnreadableFileError || row.attempts >= MAX_ATTEMPTS ? 'failed' : 'pending';
    this.logger.warn(`Text check of version ${row.versionId} failed (attempt ${row.attempts}/${MAX_ATTEMPTS}): ${message}`);
    await this.dataSource.query(`update version_text set status = $2, reason = $3, claimed_at = null, updated_at = now() where version_id = $1 and status = 'processing'`, [row.versionId, status, message.slice(0, 500)]);
  }
}

function publicStatus(status: VersionTextEntity['status']): TextCheckStatus {
  return status === 'processing' ? 'pending' : status;
}
