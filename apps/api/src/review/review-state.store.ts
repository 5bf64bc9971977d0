import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { REVISION_STATUSES, type ContentItem, type ItemStatus } from '@vetted/contracts';
import { decideReviewPolicy, REVIEW_MACHINE_VERSION, startReview, upgradeReviewSnapshot, type LibraryClaim, type PersistedReviewSnapshot } from '@vetted/workflow';
import { DataSource, In, type EntityManager } from 'typeorm';
import { NotFoundError } from '../common/domain-errors.js';
import { ItemReviewEntity } from './item-review.entity.js';
import { LaneProgressReader } from './lane-progress.reader.js';
import { MarketReleaseEntity } from './market-release.entity.js';
import type { ReviewStateView } from './review-state.view.js';
import { laneStatesFromSnapshot } from './workflow-state.js';

export interface OpenReviewInput {
  itemId: string;
  /** The item this one reuses, with the claims it makes, or null for new content. */
  source: { id: string; title: string; claimIds: readonly string[] } | null;
  /** The claims the new item makes, as the claims library has them. */
  claims: readonly LibraryClaim[];
}

/** A reuse's source as review knows it: its status and whether its approval has run out. */
export interface SourceReviewState {
  status: ItemStatus;
  expired: boolean;
}

/**
 * The one writer of `item_review`. Content opens a review when it creates an item and reads the
 * review half of its views here; the review service locks, transitions and saves through it.
 */
@Injectable()
export class ReviewStateStore {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly progress: LaneProgressReader,
  ) {}

  /** Decides the review policy (fast track or full, shown until the first submission decides it again) and starts the statechart in draft. */
  async openIn(tx: EntityManager, input: OpenReviewInput): Promise<ReviewStateView> {
    const sourceState = input.source ? await this.sourceStateIn(tx, input.source.id) : null;
    const policy = decideReviewPolicy({ sourceItem: input.source && sourceState ? { ...input.source, ...sourceState } : null, claims: input.claims });
    const actor = startReview({ requiredLanes: policy.requiredLanes });
    const snapshot = actor.getPersistedSnapshot() as object;
    actor.stop();
    const repo = tx.getRepository(ItemReviewEntity);
    const review = await repo.save(
      repo.create({
        itemId: input.itemId,
        status: 'draft',
        requiredLanes: policy.requiredLanes,
        fastTrack: policy.fastTrack,
        fastTrackReason: policy.reason,
        workflowSnapshot: snapshot,
        workflowVersion: REVIEW_MACHINE_VERSION,
        round: 0,
        submittedAt: null,
        dueAt: null,
        approvedVersionId: null,
        approvedSha256: null,
        approvedAt: null,
        expiresAt: null,
        withdrawnReason: null,
        supersededVersionIds: [],
        periodicReviewOpenedAt: null,
        escalation: null,
        releaseMarket: null,
      }),
    );
    return toView(review, null);
  }

  /** Locks the review row for the rest of the caller's transaction (SELECT … FOR UPDATE). */
  async lockIn(tx: EntityManager, itemId: string): Promise<ItemReviewEntity> {
    const review = await tx.getRepository(ItemReviewEntity).findOne({ where: { itemId }, lock: { mode: 'pessimistic_write' } });
    if (!review) throw new NotFoundError('Content item', itemId);
    return review;
  }

  /**
   * A reuse's source, with its review row share-locked until the caller commits: a withdrawal or
   * expiry of the source waits, so a fast track is never decided on a source that is leaving use.
   */
  async sourceStateIn(tx: EntityManager, sourceItemId: string, lock = true): Promise<SourceReviewState> {
    const rows: Array<{ status: ItemStatus; expired: boolean }> = await tx.query(
      `select status, coalesce(expires_at <= now(), false) as expired from item_review where item_id = $1${lock ? ' for share' : ''}`,
      [sourceItemId],
    );
    return rows[0] ?? { status: 'withdrawn', expired: true };
  }

  async saveIn(tx: EntityManager, review: ItemReviewEntity): Promise<void> {
    review.workflowVersion = REVIEW_MACHINE_VERSION;
    // An update of every column rather than save(), which reads the row back first to find what changed.
    const { itemId, updatedAt: _updatedAt, ...columns } = review;
    await tx.getRepository(ItemReviewEntity).update({ itemId }, columns);
  }

  /** The stored snapshot as the current machine reads it (upgraded when an older machine wrote it). */
  snapshotOf(review: ItemReviewEntity): PersistedReviewSnapshot {
    return upgradeReviewSnapshot(review.workflowSnapshot as PersistedReviewSnapshot, review.workflowVersion);
  }

  async statusIn(manager: EntityManager, itemId: string): Promise<ItemStatus> {
    const review = await this.find(manager, itemId);
    if (!review) throw new NotFoundError('Content item', itemId);
    return review.status;
  }

  async viewsFor(itemIds: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, ReviewStateView>> {
    if (itemIds.length === 0) return new Map();
    const reviews = await manager.getRepository(ItemReviewEntity).find({ where: { itemId: In([...itemIds]) } });
    // Version numbers are content's; this reads them (the approved one, and the one under review in a revision).
    const revising = reviews.filter((r) => r.approvedVersionId && REVISION_STATUSES.includes(r.status)).map((r) => r.itemId);
    const rows = (await manager.query(
      `select v.id, v.item_id, v.number, (v.number = i.current_version) as current
         from content_version v join content_item i on i.id = v.item_id
        where v.id = any($1::uuid[]) or (v.item_id = any($2::uuid[]) and v.number = i.current_version)`,
      [reviews.flatMap((r) => (r.approvedVersionId ? [r.approvedVersionId] : [])), revising],
    )) as Array<{ id: string; item_id: string; number: number; current: boolean }>;
    const numbers = new Map(rows.map((v) => [v.id, v.number]));
    const currentOf = new Map(rows.filter((v) => v.current).map((v) => [v.item_id, { id: v.id, number: v.number }]));
    const progress = await this.progress.forItems(manager, reviews.filter((r) => r.round > 0).map((r) => r.itemId));
    const releases = await this.releasesOf(manager, reviews);
    return new Map(
      reviews.map((r) => {
        const view = {
          ...toView(r, r.approvedVersionId ? (numbers.get(r.approvedVersionId) ?? null) : null),
          laneProgress: progress.get(r.itemId) ?? {},
          release: releaseView(r, r.approvedVersionId ? releases.get(r.approvedVersionId) : undefined),
        };
        const underReview = revising.includes(r.itemId) ? currentOf.get(r.itemId) : undefined;
        return [r.itemId, { ...view, revision: underReview && underReview.id !== r.approvedVersionId ? underReview : null }];
      }),
    );
  }

  /** The signed releases of the versions in use, by version id (only where a market asks for releases). */
  private async releasesOf(manager: EntityManager, reviews: readonly ItemReviewEntity[]): Promise<Map<string, MarketReleaseEntity>> {
    const versionIds = reviews.flatMap((r) => (r.releaseMarket && r.approvedVersionId ? [r.approvedVersionId] : []));
    if (versionIds.length === 0) return new Map();
    const rows = await manager.getRepository(MarketReleaseEntity).find({ where: { versionId: In(versionIds) } });
    return new Map(rows.map((row) => [row.versionId, row]));
  }

  async viewIn(manager: EntityManager, review: ItemReviewEntity): Promise<ReviewStateView> {
    const view = (await this.viewsFor([review.itemId], manager)).get(review.itemId);
    if (!view) throw new NotFoundError('Content item', review.itemId);
    return view;
  }

  /** Approved items whose validity has ended (for the expiry job). */
  async idsDueForExpiry(limit = 500): Promise<string[]> {
    const rows = (await this.dataSource.query(`select item_id from item_review where status = 'approved' and expires_at <= now() order by expires_at limit $1`, [
      limit,
    ])) as Array<{ item_id: string }>;
    return rows.map((r) => r.item_id);
  }

  /** Approved items whose periodic review should open now (their expiry is within `days`) and has not. */
  async idsDueForPeriodicReview(days: number, limit = 500): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `select item_id from item_review
        where status = 'approved' and periodic_review_opened_at is null and expires_at <= now() + make_interval(days => $1)
        order by expires_at limit $2`,
      [days, limit],
    )) as Array<{ item_id: string }>;
    return rows.map((r) => r.item_id);
  }

  private find(manager: EntityManager, itemId: string): Promise<ItemReviewEntity | null> {
    return manager.getRepository(ItemReviewEntity).findOne({ where: { itemId } });
  }
}

function toView(r: ItemReviewEntity, approvedNumber: number | null): ReviewStateView {
  return {
    status: r.status,
    requiredLanes: r.requiredLanes,
    fastTrack: r.fastTrack,
    fastTrackReason: r.fastTrackReason,
    lanes: laneStatesFromSnapshot(r.workflowSnapshot),
    laneProgress: {},
    release: null,
    dueAt: iso(r.dueAt),
    reviewState: { machineVersion: r.workflowVersion, snapshot: r.workflowSnapshot },
    round: r.round,
    approvedVersion: r.approvedVersionId && r.approvedSha256 && approvedNumber !== null ? { id: r.approvedVersionId, number: approvedNumber, sha256: r.approvedSha256 } : null,
    revision: null,
    supersededVersionIds: r.supersededVersionIds,
    periodicReviewDueAt: r.status === 'approved' && r.periodicReviewOpenedAt ? iso(r.expiresAt) : null,
    submittedAt: iso(r.submittedAt),
    approvedAt: iso(r.approvedAt),
    expiresAt: iso(r.expiresAt),
  };
}

/** What the item's market requires and, for the version in use, who released it. */
function releaseView(r: ItemReviewEntity, released: MarketReleaseEntity | undefined): ContentItem['release'] {
  if (!r.releaseMarket) return null;
  return {
    market: r.releaseMarket,
    releasedAt: released ? released.releasedAt.toISOString() : null,
    releasedByName: released?.releasedByName ?? null,
    filingReference: released?.filingReference ?? null,
    versionNumber: released?.versionNumber ?? null,
  };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
