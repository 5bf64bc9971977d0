import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CONTENT_EDITABLE_STATUSES,
  type ClaimAnchor,
  isGuest,
  NOT_RESCHEDULABLE_STATUSES,
  ownsItem,
  VERSION_UPLOAD_STATUSES,
  type ContentFormat,
  type ContentItem,
  type ContentItemList,
  type ContentVersion,
  type CreateContentItemRequest,
  type CreateDirectUploadRequest,
  type DirectUpload,
  type GuestInvitationCreated,
  type InviteGuestRequest,
  type ItemGuestList,
  type RenditionKind,
  type ItemStatus,
  type ListContentItemsQuery,
  type SessionUser,
  type UpdateContentItemRequest,
} from '@vetted/contracts';
import type { Readable } from 'node:stream';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { AssetsService } from '../assets/assets.service.js';
import { DetectionService } from '../detection/detection.service.js';
import { ClaimsService, type ClaimFacts } from '../claims/claims.service.js';
import type { InspectedFile } from '../assets/inspect-file.js';
import { BadInputError, ConflictError, ForbiddenError, NotFoundError } from '../common/domain-errors.js';
import { GuestsService } from '../identity/guests.service.js';
import { UsersService } from '../identity/users.service.js';
import { ReviewStateStore } from '../review/review-state.store.js';
import type { ReviewStateView } from '../review/review-state.view.js';
import { saturationWeekOf, type SaturationBreach } from '@vetted/workflow';
import { AudienceListsService } from './audience-lists.service.js';
import type { ContentItemFacts, ContentVersionFacts } from './content-item.facts.js';
import { auditSummary } from './content-audit-summary.js';
import { ContentItemEntity } from './content-item.entity.js';
import { listContentItemSummaries } from './content-item-list.query.js';
import { toContentItem, toContentVersion } from './content-item.view.js';
import { ContentVersionEntity } from './content-version.entity.js';
import { sanitizeFilename, type ReceivedUpload } from './receive-upload.js';


/** Owns content items and their versions: planning data and files. The review module owns their review. */
@Injectable()
export class ContentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly assets: AssetsService,
    private readonly reviews: ReviewStateStore,
    private readonly users: UsersService,
    private readonly claims: ClaimsService,
    private readonly guests: GuestsService,
    private readonly detection: DetectionService,
    private readonly lists: AudienceListsService,
  ) {}

  async create(input: CreateContentItemRequest, actor: SessionUser): Promise<ContentItem> {
    return this.dataSource.transaction(async (tx) => {
      const source = input.sourceItemId ? await tx.getRepository(ContentItemEntity).findOne({ where: { id: input.sourceItemId } }) : null;
      if (input.sourceItemId && !source) throw new BadInputError(`sourceItemId: no content item ${input.sourceItemId} to reuse`);
      const episode = input.seriesId ? await this.nextEpisodeIn(tx, input.seriesId, input.format) : null;
      const claimIds = [...new Set(input.claimIds ?? [])];
      const claims = await this.claims.factsIn(tx, claimIds);
      const claimAnchors = anchorsFor(claimIds, input.claimAnchors ?? []);
      const coOwnerIds = await this.checkedCoOwners(input.coOwnerIds ?? [], actor.id);
      const channels = await this.lists.canonicalIn(tx, 'channel', unique(input.channels ?? []));
      const segments = await this.lists.canonicalIn(tx, 'segment', unique(input.segments ?? []));
      const plannedAt = new Date(input.plannedAt);
      const saturation = await this.lists.breachesIn(tx, { plannedAt, segments, channels, excludeItemId: null });
      assertSaturationConfirmed(saturation, plannedAt, input.confirmSaturation);
      const repo = tx.getRepository(ContentItemEntity);
      const item = await repo.save(
        repo.create({
          title: input.title,
          description: input.description ?? null,
          format: input.format,
          plannedAt,
          channels,
          segments,
          ownerId: actor.id,
          coOwnerIds,
          product: input.product ?? null,
          market: input.market ?? null,
          language: input.language ?? null,
          sourceItemId: source?.id ?? null,
          seriesId: episode?.seriesId ?? null,
          episodeNumber: episode?.number ?? null,
          claimIds,
          claimAnchors,
          currentVersion: null,
        }),
      );
      const review = await this.reviews.openIn(tx, { itemId: item.id, source: source ? { id: source.id, title: source.title, claimIds: source.claimIds } : null, claims });
      const view = toContentItem(item, review, [], new Map(), byId(claims));
      const policy = { status: review.status, fastTrack: review.fastTrack, fastTrackReason: review.fastTrackReason, requiredLanes: review.requiredLanes };
      await this.audit.record(tx, { actor, action: 'content_item.created', entity: 'content_item', entityId: item.id, after: { ...auditSummary(item), ...policy, ...confirmedSaturation(saturation) } });
      return view;
    });
  }

  async get(id: string): Promise<ContentItem> {
    const item = await this.dataSource.getRepository(ContentItemEntity).findOne({ where: { id } });
    if (!item) throw new NotFoundError('Content item', id);
    return this.viewIn(this.dataSource.manager, item);
  }

  async list(query: ListContentItemsQuery, user: SessionUser): Promise<ContentItemList> {
    const page = await listContentItemSummaries(this.dataSource.manager, query, isGuest(user) ? (user.guestItemIds ?? []) : undefined);
    return { ...page, page: query.page, pageSize: query.pageSize };
  }

  async update(id: string, input: UpdateContentItemRequest, actor: SessionUser): Promise<ContentItem> {
    return this.dataSource.transaction(async (tx) => {
      const item = await this.lockEntity(tx, id);
      const status = await this.reviews.statusIn(tx, id);
      const changesContent =
        input.title !== undefined ||
        input.description !== undefined ||
        input.channels !== undefined ||
        input.segments !== undefined ||
        input.product !== undefined ||
        input.market !== undefined ||
        input.language !== undefined ||
        input.claimIds !== undefined ||
        input.claimAnchors !== undefined;
      if (changesContent || input.coOwnerIds !== undefined) assertOwner(item, actor, 'change its content or owners');
      if (input.plannedAt !== undefined && NOT_RESCHEDULABLE_STATUSES.includes(status)) {
        throw new ConflictError(`The item is ${status}: it is out of use and is not rescheduled`, { status });
      }
      if (changesContent && !CONTENT_EDITABLE_STATUSES.includes(status)) {
        throw new ConflictError(
          `The item is ${status}: only its planned date can change now. Title, description, channels, segments and claims can change in ${CONTENT_EDITABLE_STATUSES.join(', ')}.`,
          { status, allowed: ['plannedAt'] },
        );
      }
      const before = auditSummary(item);
      const beforeWeek = saturationWeekOf(item.plannedAt);
      const beforePairs = new Set(item.segments.flatMap((s) => item.channels.map((c) => pairKey(s, c))));
      if (input.title !== undefined) item.title = input.title;
      if (input.description !== undefined) item.description = input.description;
      if (input.plannedAt !== undefined) item.plannedAt = new Date(input.plannedAt);
      if (input.channels !== undefined) item.channels = await this.lists.canonicalIn(tx, 'channel', unique(input.channels), item.channels);
      if (input.segments !== undefined) item.segments = await this.lists.canonicalIn(tx, 'segment', unique(input.segments), item.segments);
      // Only the pairs the item newly joins count: a week it already was in does not need confirming again.
      let saturation: SaturationBreach[] = [];
      if (input.plannedAt !== undefined || input.channels !== undefined || input.segments !== undefined) {
        const sameWeek = saturationWeekOf(item.plannedAt) === beforeWeek;
        saturation = await this.lists.breachesIn(tx, {
          plannedAt: item.plannedAt,
          segments: item.segments,
          channels: item.channels,
          excludeItemId: id,
          onlyPairs: sameWeek ? (s, c) => !beforePairs.has(pairKey(s, c)) : undefined,
        });
        assertSaturationConfirmed(saturation, item.plannedAt, input.confirmSaturation);
      }
      if (input.product !== undefined) item.product = input.product;
      if (input.market !== undefined) item.market = input.market;
      if (input.language !== undefined) item.language = input.language;
      if (input.coOwnerIds !== undefined) item.coOwnerIds = await this.checkedCoOwners(input.coOwnerIds, item.ownerId);
      if (input.claimIds !== undefined) {
        item.claimIds = [...new Set(input.claimIds)];
        await this.claims.factsIn(tx, item.claimIds);
      }
      if (input.claimAnchors !== undefined || input.claimIds !== undefined) {
        const kept = Object.entries(item.claimAnchors).map(([claimId, anchor]) => ({ claimId, anchor }));
        item.claimAnchors = anchorsFor(item.claimIds, input.claimAnchors ?? kept.filter((a) => item.claimIds.includes(a.claimId)));
      }
      await tx.getRepository(ContentItemEntity).save(item);
      const action = changesContent ? 'content_item.updated' : 'content_item.rescheduled';
      await this.audit.record(tx, { actor, action, entity: 'content_item', entityId: id, before, after: { ...auditSummary(item), ...confirmedSaturation(saturation) } });
      return this.viewIn(tx, item);
    });
  }

  /** Checks the received file by its content, stores it, then records it as the item's next version; a refusal or failure leaves no row and no object. */
  async addVersion(id: string, upload: ReceivedUpload, note: string | undefined, actor: SessionUser): Promise<ContentVersion> {
    const { format } = await this.assertAcceptsNewVersion(id, actor);
    const file = await this.assets.inspect(upload.tempPath, format, upload.size);
    const storageKey = await this.assets.storeOriginal(id, upload.tempPath, upload.size, file.mimeType);
    return this.recordVersion(id, { ...upload, storageKey, file }, note, actor);
  }

  /** The direct-to-storage path: a presigned POST bounded by the format's size limit. */
  async createDirectUpload(id: string, input: CreateDirectUploadRequest, actor: SessionUser): Promise<DirectUpload> {
    const { format } = await this.assertAcceptsNewVersion(id, actor);
    return this.assets.createDirectUpload(id, format, sanitizeFilename(input.filename), { size: input.size, sha256: input.sha256 }, actor);
  }

  /** Reads the directly uploaded object back (size, type by content, SHA-256) and records it, or removes it. */
  async completeDirectUpload(id: string, uploadId: string, note: string | undefined, actor: SessionUser): Promise<ContentVersion> {
    const { format } = await this.assertAcceptsNewVersion(id, actor);
    const received = await this.assets.receiveDirectUpload(id, uploadId, format);
    try {
      const file = await this.assets.inspect(received.tempPath, format, received.size);
      return await this.recordVersion(id, { ...received, file }, note, actor, (tx) => this.assets.markDirectUploadCompletedIn(tx, uploadId));
    } catch (error) {
      await this.assets.discardObject(received.storageKey);
      throw error;
    } finally {
      await received.discard();
    }
  }

  /** A version's file, its thumbnail, its preview or its poster, read through the API (no presigned URL leaves the server). */
  async openVersionFile(id: string, number: number, kind: 'original' | RenditionKind): Promise<{ stream: Readable; mimeType: string; filename: string }> {
    const version = await this.dataSource.getRepository(ContentVersionEntity).findOne({ where: { itemId: id, number } });
    if (!version) throw new NotFoundError('Version', `${number} of item ${id}`);
    if (kind === 'original') return { stream: await this.assets.openOriginal(version.storageKey), mimeType: version.mimeType, filename: version.filename };
    const stem = version.filename.replace(/\.[^.]*$/, '');
    const file = await this.assets.openRendition(version.id, kind);
    return { stream: file.stream, mimeType: file.mimeType, filename: `${stem}-${kind}.${file.ext}` };
  }

  /** Page `page` of a PDF version, as an image (watermarked like the preview). */
  async openVersionPage(id: string, number: number, page: number): Promise<{ stream: Readable; mimeType: string; filename: string }> {
    const version = await this.dataSource.getRepository(ContentVersionEntity).findOne({ where: { itemId: id, number } });
    if (!version) throw new NotFoundError('Version', `${number} of item ${id}`);
    const file = await this.assets.openPage(version.id, page);
    return { stream: file.stream, mimeType: file.mimeType, filename: `${version.filename.replace(/\.[^.]*$/, '')}-page-${page}.${file.ext}` };
  }

  private async recordVersion(
    id: string,
    stored: { storageKey: string; filename: string; size: number; sha256: string; file: InspectedFile },
    note: string | undefined,
    actor: SessionUser,
    alsoIn?: (tx: EntityManager) => Promise<void>,
  ): Promise<ContentVersion> {
    try {
      return await this.dataSource.transaction(async (tx) => {
        const locked = await this.lockEntity(tx, id);
        assertMayUpload(locked, actor);
        assertEditable(await this.reviews.statusIn(tx, id));
        const [{ next }] = (await tx.query('select coalesce(max(number), 0) + 1 as next from content_version where item_id = $1', [id])) as Array<{
          next: number;
        }>;
        const repo = tx.getRepository(ContentVersionEntity);
        const { media } = stored.file;
        const version = await repo.save(
          repo.create({
            itemId: id,
            number: next,
            note: note?.slice(0, 2000) ?? null,
            storageKey: stored.storageKey,
            filename: stored.filename,
            mimeType: stored.file.mimeType,
            size: stored.size,
            sha256: stored.sha256,
            durationSeconds: media.durationSeconds,
            width: media.width,
            height: media.height,
            createdBy: actor.id,
          }),
        );
        const renditions = await this.assets.recordIn(tx, version);
        await this.detection.queueIn(tx, { versionId: version.id, itemId: id, versionNumber: next, storageKey: version.storageKey, mimeType: version.mimeType, product: locked.product, language: locked.language });
        await alsoIn?.(tx);
        locked.currentVersion = next;
        await tx.getRepository(ContentItemEntity).save(locked);
        const view = toContentVersion(version, renditions);
        const { renditions: _pending, ...audited } = view;
        await this.audit.record(tx, { actor, action: 'content_version.uploaded', entity: 'content_item', entityId: id, after: audited });
        return view;
      });
    } catch (error) {
      await this.assets.discardObject(stored.storageKey);
      throw error;
    }
  }

  /** The owner (or a co-owner) invites an agency guest to this item: a one-time link to show them. */
  async inviteGuest(id: string, input: InviteGuestRequest, actor: SessionUser, linkBase: string): Promise<GuestInvitationCreated> {
    return this.dataSource.transaction(async (tx) => {
      const item = await this.lockEntity(tx, id);
      assertOwner(item, actor, 'invite agency guests to it');
      const issued = await this.guests.inviteIn(tx, id, { email: input.email, name: input.name, expiresAt: input.expiresAt }, actor);
      // The token never reaches the audit trail or a log: only who, until when, and by whom.
      await this.audit.record(tx, {
        actor,
        action: issued.renewed ? 'content_item.guest_invited_again' : 'content_item.guest_invited',
        entity: 'content_item',
        entityId: id,
        after: { guestId: issued.guestId, email: issued.email, name: issued.name, expiresAt: issued.expiresAt.toISOString(), linkExpiresAt: issued.inviteExpiresAt.toISOString() },
      });
      return { guestId: issued.guestId, inviteUrl: `${linkBase}/accept-invite#token=${issued.token}`, inviteExpiresAt: issued.inviteExpiresAt.toISOString() };
    });
  }

  async listGuests(id: string): Promise<ItemGuestList> {
    await this.assertExists(id);
    return { guests: await this.guests.list(id) };
  }

  /** Ends a guest's access to this item at once; with no other item left, their sessions end too. */
  async revokeGuest(id: string, guestId: string, actor: SessionUser): Promise<void> {
    const revoked = await this.dataSource.transaction(async (tx) => {
      const item = await this.lockEntity(tx, id);
      assertOwner(item, actor, 'revoke its guests');
      const result = await this.guests.revokeIn(tx, id, guestId);
      await this.audit.record(tx, { actor, action: 'content_item.guest_revoked', entity: 'content_item', entityId: id, after: { guestId, email: result.email, name: result.name } });
      return result;
    });
    if (!revoked.keepsOtherAccess) await this.guests.endSessions(guestId);
  }

  async assertExists(id: string): Promise<void> {
    if (!(await this.dataSource.getRepository(ContentItemEntity).exists({ where: { id } }))) throw new NotFoundError('Content item', id);
  }

  /** Checked before a file is received, so nobody streams gigabytes to an item that cannot take them. */
  async assertAcceptsNewVersion(id: string, actor: SessionUser): Promise<{ format: ContentFormat; maxBytes: number; tempDir: string }> {
    const item = await this.dataSource.getRepository(ContentItemEntity).findOne({ where: { id }, select: { id: true, format: true, ownerId: true, coOwnerIds: true } });
    if (!item) throw new NotFoundError('Content item', id);
    assertMayUpload(item, actor);
    assertEditable(await this.reviews.statusIn(this.dataSource.manager, id));
    return { format: item.format, maxBytes: this.assets.maxBytesFor(item.format), tempDir: this.assets.uploadTempDir };
  }

  /** The series' next episode number; the series row is locked so two new episodes never get the same number. */
  private async nextEpisodeIn(tx: EntityManager, seriesId: string, format: ContentFormat): Promise<{ seriesId: string; number: number }> {
    const series = await tx.getRepository(ContentItemEntity).findOne({ where: { id: seriesId }, lock: { mode: 'pessimistic_write' } });
    if (!series) throw new BadInputError(`seriesId: no content item ${seriesId}`);
    if (series.format !== 'series') throw new BadInputError(`seriesId: “${series.title}” is a ${series.format}, not a series`);
    if (format === 'series') throw new BadInputError('format: a series cannot be an episode of another series');
    const [{ next }] = (await tx.query('select coalesce(max(episode_number), 0) + 1 as next from content_item where series_id = $1', [seriesId])) as Array<{ next: number }>;
    return { seriesId, number: next };
  }

  /**
   * Locks the item row for the rest of the caller's transaction (SELECT … FOR UPDATE). Every state
   * change of an item takes this lock first (then the review's), so uploads, submissions and
   * decisions on one item queue in one order and never deadlock.
   */
  async lockItem(tx: EntityManager, id: string): Promise<ContentItemFacts> {
    const item = await this.lockEntity(tx, id);
    return factsOf(item);
  }

  /** Another item's facts, read without a lock (a reuse's source, say: the review module locks its review row). */
  async factsIn(manager: EntityManager, id: string): Promise<ContentItemFacts | null> {
    const item = await manager.getRepository(ContentItemEntity).findOne({ where: { id } });
    return item && factsOf(item);
  }

  /** The items that make a claim, in id order (the order their locks are taken in). */
  async idsMakingClaimIn(manager: EntityManager, claimId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(`select id from content_item where $1 = any(claim_ids) order by id`, [claimId]);
    return rows.map((row) => row.id);
  }

  async versionIn(tx: EntityManager, itemId: string, number: number): Promise<ContentVersionFacts> {
    const version = await tx.getRepository(ContentVersionEntity).findOne({ where: { itemId, number } });
    if (!version) throw new NotFoundError('Version', `${number} of item ${itemId}`);
    return { id: version.id, itemId: version.itemId, number: version.number, sha256: version.sha256, createdBy: version.createdBy };
  }

  async versionWithId(tx: EntityManager, itemId: string, versionId: string): Promise<ContentVersionFacts> {
    const version = await tx.getRepository(ContentVersionEntity).findOne({ where: { itemId, id: versionId } });
    if (!version) throw new NotFoundError('Version', `${versionId} of item ${itemId}`);
    return { id: version.id, itemId: version.itemId, number: version.number, sha256: version.sha256, createdBy: version.createdBy };
  }

  /** The item as the API shows it, read inside the caller's transaction (after a review transition, say). */
  async viewOf(tx: EntityManager, id: string): Promise<ContentItem> {
    const item = await tx.getRepository(ContentItemEntity).findOne({ where: { id } });
    if (!item) throw new NotFoundError('Content item', id);
    return this.viewIn(tx, item);
  }

  /** The approved version's preview loses its draft watermark (rendered by the assets job). */
  requestCleanPreviewIn(tx: EntityManager, versionId: string): Promise<void> {
    return this.assets.requestCleanPreviewIn(tx, versionId);
  }

  /** A version that leaves use gets its preview watermarked again, with why. */
  requestWatermarkIn(tx: EntityManager, versionId: string, label: 'WITHDRAWN' | 'EXPIRED' | 'SUPERSEDED' | 'RETIRED' | 'SUSPENDED'): Promise<void> {
    return this.assets.requestWatermarkIn(tx, versionId, label);
  }

  /** Co-owners must be active editors; the owner is not listed twice. */
  private async checkedCoOwners(ids: readonly string[], ownerId: string): Promise<string[]> {
    const wanted = [...new Set(ids)].filter((id) => id !== ownerId);
    const editors = new Set(await this.users.activeEditorIds(wanted));
    const unknown = wanted.filter((id) => !editors.has(id));
    if (unknown.length) throw new BadInputError(`coOwnerIds: ${unknown.join(', ')} ${unknown.length === 1 ? 'is not an active editor' : 'are not active editors'}`, { unknown }, 'invalid_input');
    return wanted;
  }

  private async lockEntity(tx: EntityManager, id: string): Promise<ContentItemEntity> {
    const item = await tx.getRepository(ContentItemEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!item) throw new NotFoundError('Content item', id);
    return item;
  }

  private async viewIn(manager: EntityManager, item: ContentItemEntity): Promise<ContentItem> {
    const versions = await manager.getRepository(ContentVersionEntity).find({ where: { itemId: item.id } });
    const reviews = await this.reviews.viewsFor([item.id], manager);
    const claims = byId(await this.claims.factsIn(manager, item.claimIds));
    const textChecks = await this.detection.summariesFor(latestVersionIds([item], versions), manager);
    return toContentItem(item, reviewOf(reviews, item.id), versions, await this.assets.renditionsFor(versions.map((v) => v.id), manager), claims, textChecks);
  }
}

function byId(claims: readonly ClaimFacts[]): Map<string, ClaimFacts> {
  return new Map(claims.map((claim) => [claim.id, claim]));
}

/** Anchors keyed by claim; each must name a claim the item makes. */
function anchorsFor(claimIds: readonly string[], anchors: ReadonlyArray<{ claimId: string; anchor: ClaimAnchor }>): Record<string, ClaimAnchor> {
  const stray = anchors.filter((a) => !claimIds.includes(a.claimId)).map((a) => a.claimId);
  if (stray.length) throw new BadInputError(`claimAnchors: ${stray.join(', ')} ${stray.length === 1 ? 'is' : 'are'} not among the item's claimIds`, { stray }, 'invalid_input');
  return Object.fromEntries(anchors.map((a) => [a.claimId, a.anchor]));
}

/** What other modules may know of an item. */
function factsOf(item: ContentItemEntity): ContentItemFacts {
  return {
    id: item.id,
    title: item.title,
    ownerId: item.ownerId,
    coOwnerIds: item.coOwnerIds,
    currentVersion: item.currentVersion,
    claimIds: item.claimIds,
    sourceItemId: item.sourceItemId,
    product: item.product,
    market: item.market,
  };
}

function reviewOf(reviews: Map<string, ReviewStateView>, itemId: string): ReviewStateView {
  const review = reviews.get(itemId);
  // Every item gets its review row in the transaction that creates it (and the migration made the rest).
  if (!review) throw new Error(`content item ${itemId} has no review state`);
  return review;
}

/** New versions come from the item's owners, or from an agency guest invited to it (the guard checked the invitation). */
function assertMayUpload(item: { id: string; ownerId: string; coOwnerIds: readonly string[] }, actor: SessionUser): void {
  if (isGuest(actor) && (actor.guestItemIds ?? []).includes(item.id)) return;
  assertOwner(item, actor, 'upload a version');
}

/** Only the owner and co-owners change an item (the guard already limits this to editors). */
export function assertOwner(item: { ownerId: string; coOwnerIds: readonly string[] }, actor: SessionUser, what: string): void {
  if (!ownsItem(item, actor.id)) {
    throw new ForbiddenError(`Only the item's owner and co-owners may ${what}; ask them to add you as a co-owner`, undefined, 'not_item_owner');
  }
}

function assertEditable(status: ItemStatus): void {
  if (!VERSION_UPLOAD_STATUSES.includes(status)) {
    throw new ConflictError(`A new version can only be uploaded in ${VERSION_UPLOAD_STATUSES.join(', ')}; the item is ${status}`, { status });
  }
}

const unique = (xs: string[]) => [...new Set(xs)];

/** The ids of the items' latest versions: item views summarise the text check of that one only. */
function latestVersionIds(items: readonly ContentItemEntity[], versions: readonly ContentVersionEntity[]): string[] {
  const current = new Map(items.map((i) => [i.id, i.currentVersion]));
  return versions.filter((v) => current.get(v.itemId) === v.number).map((v) => v.id);
}

const pairKey = (segment: string, channel: string) => `${segment}\u0000${channel}`;

/**
 * A plan that takes a (segment, channel) pair over its weekly cap is saved only once the editor has
 * seen it and confirmed (the web shows the same breaches before saving): a 409 naming each pair.
 */
function assertSaturationConfirmed(breaches: readonly SaturationBreach[], plannedAt: Date, confirmed: boolean | undefined): void {
  if (breaches.length === 0 || confirmed === true) return;
  const weekStart = saturationWeekOf(plannedAt);
  const lines = breaches.map((b) => `“${b.segment}” already receives ${b.count} of ${b.cap} through “${b.channel}”`).join('; ');
  throw new ConflictError(`Over the weekly cap the week of ${weekStart}: ${lines}. Send confirmSaturation: true to plan it anyway.`, { weekStart, breaches }, 'saturation_unconfirmed');
}

/** What the audit trail keeps of a plan saved over a cap: the breaches the editor confirmed. */
function confirmedSaturation(breaches: readonly SaturationBreach[]): { saturationConfirmed?: SaturationBreach[] } {
  return breaches.length ? { saturationConfirmed: [...breaches] } : {};
}
