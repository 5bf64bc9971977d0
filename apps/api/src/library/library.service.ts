import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  libraryMarkets,
  SHARE_CHANNELS,
  type ItemShareSummary,
  type LibraryItem,
  type LibraryItemList,
  type LibraryQuery,
  type LibraryShare,
  type LibraryShareList,
  type ListSharesQuery,
  type RecordShareRequest,
  type SessionUser,
  type ShareChannel,
  type ShareFeedbackRequest,
  type ShareSummary,
  type ShareSummaryQuery,
} from '@vetted/contracts';
import type { ReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AuditService, type AuditActor } from '../audit/audit.service.js';
import { ConflictError, NotFoundError, ServiceUnavailableError } from '../common/domain-errors.js';
import { ApprovedContentReader, type ApprovedFile } from './approved-content.reader.js';
import { ContentService } from '../content/content.service.js';
import { databaseNow } from '../infra/database/database-now.js';
import { copyToTemp, type LocalCopy } from '../infra/storage/local-copy.js';
import { StorageService } from '../infra/storage/storage.service.js';
import { LibraryShareEntity } from './library-share.entity.js';

export interface LibraryDownload {
  filename: string;
  mimeType: string;
  size: number;
  stream: ReadStream;
}

/**
 * What reps may use: approved, unexpired material (read through content's ApprovedContentReader),
 * downloads checked against the signed hash, and the shares reps report back to the committee.
 */
@Injectable()
export class LibraryService {
  private readonly logger = new Logger(LibraryService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly approved: ApprovedContentReader,
    private readonly content: ContentService,
    private readonly storage: StorageService,
    private readonly audit: AuditService,
  ) {}

  /** The approved version's thumbnail (never a draft's): 404 for anything not approved and unexpired. */
  async thumbnail(itemId: string, viewer: SessionUser): Promise<{ stream: Readable; mimeType: string }> {
    const file = await this.approved.approvedFile(itemId, libraryMarkets(viewer));
    if (!file) throw new NotFoundError('Library item', itemId);
    return this.content.openVersionFile(itemId, file.versionNumber, 'thumbnail');
  }

  async list(query: LibraryQuery, viewer: SessionUser): Promise<LibraryItemList> {
    return this.approved.list(query, libraryMarkets(viewer));
  }

  async get(itemId: string, viewer: SessionUser): Promise<LibraryItem> {
    const item = await this.approved.find(itemId, libraryMarkets(viewer));
    // A 404 whatever the reason (draft, in review, expired, withdrawn): reps must not learn a draft exists.
    if (!item) throw new NotFoundError('Library item', itemId);
    return item;
  }

  /** The approved bytes, only once their SHA-256 is the one the reviewers signed. */
  async download(itemId: string, actor: SessionUser): Promise<LibraryDownload> {
    const file = await this.approved.approvedFile(itemId, libraryMarkets(actor));
    if (!file) throw new NotFoundError('Library item', itemId);
    const spooled = await this.fetch(file);
    if (!spooled || spooled.sha256 !== file.sha256) {
      await spooled?.discard();
      await this.record(actor, 'library.integrity_failure', itemId, {
        versionNumber: file.versionNumber,
        storageKey: file.storageKey,
        approvedSha256: file.sha256,
        storedSha256: spooled?.sha256 ?? null,
      });
      throw new ConflictError(
        'The stored file does not match the approved version, so it was not sent. This has been recorded in the audit trail; ask the editorial team.',
        { itemId, reason: spooled ? 'hash_mismatch' : 'file_missing' },
      );
    }
    try {
      await this.record(actor, 'library.downloaded', itemId, { versionNumber: file.versionNumber, filename: file.filename, sha256: file.sha256 });
    } catch (error) {
      await spooled.discard();
      throw error;
    }
    return { filename: file.filename, mimeType: file.mimeType, size: spooled.size, stream: spooled.open() };
  }

  async share(itemId: string, input: RecordShareRequest, rep: SessionUser): Promise<LibraryShare> {
    const markets = libraryMarkets(rep);
    return this.dataSource.transaction(async (tx) => {
      if (!(await this.approved.find(itemId, markets, tx))) throw new NotFoundError('Library item', itemId);
      const repo = tx.getRepository(LibraryShareEntity);
      const share = await repo.save(
        repo.create({
          itemId,
          repId: rep.id,
          repName: rep.name,
          channel: input.channel,
          audienceSegment: input.audienceSegment ?? null,
          note: input.note || null,
          ...feedbackColumns(input.feedback, await databaseNow(tx)),
        }),
      );
      const view = toLibraryShare(share);
      await this.audit.record(tx, { actor: rep, action: 'library.shared', entity: 'content_item', entityId: itemId, after: view });
      return view;
    });
  }

  /**
   * The doctor's reaction, added or corrected later by the rep who recorded the share (given fields
   * replace the earlier ones). Anyone else's share is a 404: a rep learns nothing of colleagues' shares.
   */
  async recordFeedback(shareId: string, input: ShareFeedbackRequest, rep: SessionUser): Promise<LibraryShare> {
    return this.dataSource.transaction(async (tx) => {
      const repo = tx.getRepository(LibraryShareEntity);
      const share = await repo.findOne({ where: { id: shareId, repId: rep.id }, lock: { mode: 'pessimistic_write' } });
      if (!share) throw new NotFoundError('Share', shareId);
      const before = toLibraryShare(share).feedback;
      Object.assign(share, {
        feedbackUseful: input.useful ?? share.feedbackUseful,
        feedbackRating: input.rating ?? share.feedbackRating,
        feedbackComment: input.comment === undefined ? share.feedbackComment : input.comment || null,
        feedbackAt: await databaseNow(tx),
      });
      const view = toLibraryShare(await repo.save(share));
      await this.audit.record(tx, { actor: rep, action: 'library.feedback_recorded', entity: 'content_item', entityId: share.itemId, before, after: { shareId, ...view.feedback } });
      return view;
    });
  }

  /** The caller's own shares, latest first: where a rep adds a reaction afterwards. */
  async sharesOf(rep: SessionUser, query: ListSharesQuery): Promise<LibraryShareList> {
    const shares = await this.dataSource.getRepository(LibraryShareEntity).find({
      where: { repId: rep.id, ...(query.itemId ? { itemId: query.itemId } : {}) },
      order: { sharedAt: 'DESC', id: 'ASC' },
      take: query.limit,
    });
    const items = await this.approved.describe([...new Set(shares.map((s) => s.itemId))]);
    return { shares: shares.map((s) => ({ ...toLibraryShare(s), itemTitle: items.get(s.itemId)?.title ?? '' })) };
  }

  async shares(query: ListSharesQuery): Promise<LibraryShareList> {
    const shares = await this.dataSource.getRepository(LibraryShareEntity).find({
      where: query.itemId ? { itemId: query.itemId } : {},
      order: { sharedAt: 'DESC', id: 'ASC' },
      take: query.limit,
    });
    return { shares: shares.map(toLibraryShare) };
  }

  async summary(query: ShareSummaryQuery): Promise<ShareSummary> {
    const byChannel = SHARE_CHANNELS.map((c, i) => `count(*) filter (where channel = $${i + 3})::int as "${c}"`).join(', ');
    const rows = (await this.dataSource.query(
      `select item_id, count(*)::int as total, count(distinct rep_id)::int as distinct_reps, max(shared_at) as last_shared_at, ${byChannel}
         from library_share
        where ($1::timestamptz is null or shared_at >= $1) and ($2::timestamptz is null or shared_at < $2)
        group by item_id
        order by total desc, last_shared_at desc`,
      [query.from ?? null, query.to ?? null, ...SHARE_CHANNELS],
    )) as Array<{ item_id: string; total: number; distinct_reps: number; last_shared_at: Date } & Record<ShareChannel, number>>;
    const items = await this.approved.describe(rows.map((r) => r.item_id));
    return {
      from: query.from ?? null,
      to: query.to ?? null,
      items: rows.map(
        (r): ItemShareSummary => ({
          itemId: r.item_id,
          title: items.get(r.item_id)?.title ?? '',
          format: items.get(r.item_id)?.format ?? 'video',
          total: r.total,
          byChannel: Object.fromEntries(SHARE_CHANNELS.map((c) => [c, r[c]])) as Record<ShareChannel, number>,
          distinctReps: r.distinct_reps,
          lastSharedAt: r.last_shared_at.toISOString(),
        }),
      ),
    };
  }

  /** The stored object spooled and hashed; null when it is gone from storage (also an integrity failure). */
  private async fetch(file: ApprovedFile): Promise<LocalCopy | null> {
    try {
      return await copyToTemp(await this.storage.get(file.storageKey));
    } catch (error) {
      if ((error as { code?: string }).code === 'NoSuchKey') return null;
      // The cause names internal hosts and ports: it goes to the log, never to the client.
      this.logger.warn(`storage read of ${file.storageKey} failed: ${String(error)}`);
      throw new ServiceUnavailableError('Storage is unavailable; try the download again shortly.');
    }
  }

  private record(actor: AuditActor, action: string, itemId: string, after: object): Promise<void> {
    return this.dataSource.transaction((tx) => this.audit.record(tx, { actor, action, entity: 'content_item', entityId: itemId, after }));
  }
}

function toLibraryShare(s: LibraryShareEntity): LibraryShare {
  return {
    id: s.id,
    itemId: s.itemId,
    repId: s.repId,
    repName: s.repName,
    channel: s.channel,
    audienceSegment: s.audienceSegment,
    note: s.note,
    sharedAt: s.sharedAt.toISOString(),
    feedback: s.feedbackAt ? { useful: s.feedbackUseful, rating: s.feedbackRating, comment: s.feedbackComment, recordedAt: s.feedbackAt.toISOString() } : null,
  };
}

/** `at`: the database's clock, as every recorded time. */
function feedbackColumns(feedback: ShareFeedbackRequest | undefined, at: Date): Partial<LibraryShareEntity> {
  if (!feedback) return {};
  return { feedbackUseful: feedback.useful ?? null, feedbackRating: feedback.rating ?? null, feedbackComment: feedback.comment || null, feedbackAt: at };
}
