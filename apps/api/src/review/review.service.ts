import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LANE_ROLE, REVIEW_LANES, type ContentItem, type EscalateRequest, type ReviewPolicyPreview, type PeriodicReviewRequest, type ReleaseRequest, type ItemReviews, type ItemStatus, type NotificationParams, type NotificationType, type ReviewLane, type SessionUser, type SubmitReviewRequest, type WithdrawRequest } from '@vetted/contracts';
import { applyReviewEvent, authorshipViolation, decideReviewPolicy, guardFastTrack, reviewDueAt, segregationOfDutiesViolation, type ReviewEvent, type ReviewEventResult, type ReviewPolicy } from '@vetted/workflow';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, type AuditActor, type AuditRecord } from '../audit/audit.service.js';
import { ClaimsService, type ClaimRetirement } from '../claims/claims.service.js';
import { DetectionService } from '../detection/detection.service.js';
import { BadInputError, ConflictError, ForbiddenError } from '../common/domain-errors.js';
import { APP_CONFIG } from '../config/config.js';
import type { ContentItemFacts, ContentVersionFacts } from '../content/content-item.facts.js';
import { assertOwner, ContentService } from '../content/content.service.js';
import { SignatureService, type VerifiedSigner } from '../identity/signature.service.js';
import { IntegrationEventsOutbox } from '../integrations/integration-events.outbox.js';
import { excerpt, NotificationsOutbox } from '../notifications/notifications.outbox.js';
import { databaseNow } from '../infra/database/database-now.js';
import { transactionRetryingDeadlocks } from '../infra/database/retry-on-deadlock.js';
import type { ResolvedConfig } from '../infra/resolved-config.js';
import type { ItemReviewEntity } from './item-review.entity.js';
import { reviewAuditSummary } from './review-audit-summary.js';
import { MarketReleaseEntity } from './market-release.entity.js';
import { PeriodicReviewDecisionEntity } from './periodic-review-decision.entity.js';
import { ReviewDecisionEntity } from './review-decision.entity.js';
import { ReviewStateStore } from './review-state.store.js';
import { ReviewTasksService } from './review-tasks.service.js';
import type { SignedReviewRecords } from './signed-review-records.js';
import { laneStatesFromSnapshot, reviewContextOf } from './workflow-state.js';

const DAY_MS = 86_400_000;

/** Thrown inside a submission to leave its transaction (and locks) while the version's text check finishes. */
class TextCheckPending extends Error {
  constructor(readonly versionId: string) {
    super(`The text check of version ${versionId} is not finished`);
  }
}

/** An item locked for a transition: content's facts and the review row, both held until commit. */
interface LockedItem {
  item: ContentItemFacts;
  review: ItemReviewEntity;
}

/**
 * Runs the review statechart from libs/workflow against stored reviews. Each transition is one
 * transaction: lock the item then its review, rebuild the machine from the snapshot, apply the
 * event (or refuse it), then store the new snapshot, the decision, the signature and the audit event.
 */
@Injectable()
export class ReviewService implements OnModuleInit {
  private readonly logger = new Logger(ReviewService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly content: ContentService,
    private readonly reviews: ReviewStateStore,
    private readonly signatures: SignatureService,
    private readonly audit: AuditService,
    private readonly claims: ClaimsService,
    private readonly tasks: ReviewTasksService,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
    private readonly outbox: IntegrationEventsOutbox,
    private readonly notifications: NotificationsOutbox,
    private readonly detection: DetectionService,
  ) {}

  onModuleInit(): void {
    this.claims.onClaimRetired((tx, retirement) => this.suspendItemsMaking(tx, retirement));
  }

  /**
   * A fast-track candidate whose file is still being read waits for the text check (reading it here if
   * no job has yet), outside the transaction, then submits again; still unread after the wait, a 409.
   */
  async submit(id: string, actor: SessionUser): Promise<ContentItem> {
    try {
      return await this.submitOnce(id, actor, false);
    } catch (error) {
      if (!(error instanceof TextCheckPending)) throw error;
      await this.detection.settle(error.versionId);
      return this.submitOnce(id, actor, true);
    }
  }

  private submitOnce(id: string, actor: SessionUser, afterWaiting: boolean): Promise<ContentItem> {
    return transactionRetryingDeadlocks(this.dataSource, async (tx) => {
      const { item, review } = await this.lock(tx, id);
      assertOwner(item, actor, 'submit it for review');
      if (item.currentVersion === null) throw new ConflictError('Upload a version before submitting for review', { status: review.status });
      const before = reviewAuditSummary(review, item.currentVersion);
      const confirming = review.status === 'approved_with_changes';
      const previousVersion = reviewContextOf(review.workflowSnapshot).versionNumber;
      // Decided again at every submission (a confirmation round keeps its lanes): the source or a claim may have left the library since.
      const policy = confirming ? null : await this.guardedByTextCheck(tx, item, item.currentVersion, await this.policyAt(tx, item, review, previousVersion), afterWaiting);
      // The market may have changed since the last round: its release policy is decided again too.
      const releaseMarket = item.market && this.config.review.releaseMarkets.includes(item.market) ? item.market : null;
      this.transition(review, { type: 'SUBMIT', versionNumber: item.currentVersion, requiredLanes: policy?.requiredLanes, releaseRequired: releaseMarket !== null }, 'submit for review');
      review.releaseMarket = releaseMarket;
      if (policy) {
        review.requiredLanes = policy.requiredLanes;
        review.fastTrack = policy.fastTrack;
        review.fastTrackReason = policy.reason;
      }
      const now = await databaseNow(tx);
      review.round += 1;
      review.submittedAt = now;
      // Confirming listed changes is a short task, like a fast-tracked reuse.
      review.dueAt = reviewDueAt(now, review.fastTrack || confirming, this.config.review);
      await this.reviews.saveIn(tx, review);
      await this.tasks.openRoundIn(tx, {
        item,
        round: review.round,
        versionNumber: item.currentVersion,
        uploaderId: (await this.content.versionIn(tx, id, item.currentVersion)).createdBy,
        dueAt: review.dueAt,
        lanes: lanesIn(review, 'pending'),
      });
      if (confirming && previousVersion !== null) await this.carryApprovalsForward(tx, id, previousVersion, item.currentVersion, actor, lanesIn(review, 'carried_forward'));
      await this.itemEvent(tx, id, {
        actor,
        action: 'review.submitted',
        before,
        after: reviewAuditSummary(review, item.currentVersion),
      });
      return this.content.viewOf(tx, id);
    });
  }

  async decide(id: string, input: SubmitReviewRequest, user: SessionUser, ip: string): Promise<ContentItem> {
    if (!user.roles.includes(LANE_ROLE[input.lane])) {
      throw new ForbiddenError(`Only a ${LANE_ROLE[input.lane]} may decide the ${input.lane} lane`);
    }
    const signer = await this.signatures.verifySigner(user, input.password, ip);
    await this.dataSource.transaction(async (tx) => {
      const { item, review } = await this.lock(tx, id);
      const versionNumber = item.currentVersion;
      if (review.status !== 'in_review' || versionNumber === null) {
        throw new ConflictError(`The item is ${review.status}, not in review: no lane can be decided now`, { status: review.status });
      }
      const version = await this.content.versionIn(tx, id, versionNumber);
      assertSignsVersion(version, input.versionId);
      const decisions = await tx.getRepository(ReviewDecisionEntity).find({ where: { itemId: id, versionNumber } });
      const violation = segregationOfDutiesViolation({
        reviewerId: user.id,
        authorId: item.ownerId,
        uploaderId: version.createdBy,
        lane: input.lane,
        decisionsOnThisVersion: decisions,
      });
      if (violation) throw new ForbiddenError(violation, undefined, 'segregation_of_duties');
      const before = reviewAuditSummary(review, versionNumber);
      const { event: type, meaning: said, action } = DECISIONS[input.decision];
      const what = `${input.decision.replaceAll('_', ' ')} the ${input.lane} lane`;
      // Refused as the machine would refuse the lane's event (a lane already decided, a conditional approval in a confirmation round)…
      const asked = this.assertAccepts(review, { type, lane: input.lane, versionNumber }, what);
      // …then counted against the member's task: the machine hears of the lane only once its quorum is reached.
      const claimed = await this.tasks.claimIn(tx, { itemId: id, round: review.round, versionNumber, lane: input.lane, decider: user, taskId: input.taskId });
      const onBehalfOf = claimed.onBehalfOf;
      const meaning = `${said}: ${input.lane} review${onBehalfOf ? `, on behalf of ${onBehalfOf.name}` : ''}`;
      const signature = await this.signVersion(tx, signer, version, meaning, onBehalfOf?.id);
      const inserted = await tx.getRepository(ReviewDecisionEntity).insert({
        itemId: id,
        versionNumber,
        lane: input.lane,
        decision: input.decision,
        reviewerId: user.id,
        reviewerName: signer.printedName,
        taskId: claimed.task.id,
        onBehalfOf: onBehalfOf?.id ?? null,
        onBehalfOfName: onBehalfOf?.name ?? null,
        comment: input.comment?.trim() || null,
        signatureId: signature.id,
        decidedAt: signature.signedAt,
      });
      const counted = await this.tasks.countIn(tx, claimed, { decision: input.decision, decisionId: inserted.identifiers[0].id as string, deciderId: user.id, at: signature.signedAt });
      // The machine's answer to the event it was asked about is reused when that is the lane's event (the usual case).
      const status = !counted.laneEvent ? review.status : this.transition(review, { type: counted.laneEvent, lane: input.lane, versionNumber }, what, counted.laneEvent === type ? asked : undefined);
      if (status === 'approved' || status === 'approved_with_changes' || status === 'awaiting_release') await this.assertClaimsApproved(tx, item);
      const superseded = status === 'approved' ? this.serve(review, version, signature.signedAt) : null;
      await this.reviews.saveIn(tx, review);
      const actor = { id: signer.id, name: signer.printedName };
      const signed = {
        lane: input.lane,
        version: versionNumber,
        sha256: version.sha256,
        meaning,
        signatureId: signature.id,
        comment: input.comment ?? null,
        taskId: claimed.task.id,
        onBehalfOf,
        quorum: { approvals: counted.approvals, required: counted.required },
      };
      await this.itemEvent(tx, id, {
        actor,
        // A member's approval that leaves the quorum short is recorded as theirs; the lane approves with the one that completes it.
        action: counted.laneEvent ? action : MEMBER_ACTIONS[input.decision],
        before,
        after: { ...reviewAuditSummary(review, versionNumber), signed },
      });
      if (status === 'approved_with_changes') {
        await this.itemEvent(tx, id, {
          actor,
          action: 'content_item.approved_with_changes',
          after: { version: versionNumber, sha256: version.sha256, confirmLanes: LANES_WITH_CONDITIONS(review) },
        });
      }
      if (status === 'awaiting_release') {
        await this.itemEvent(tx, id, {
          actor,
          action: 'content_item.awaiting_release',
          after: { version: versionNumber, sha256: version.sha256, market: review.releaseMarket },
        });
      }
      if (status === 'approved') await this.announceInUseIn(tx, review, version, superseded, actor);
      const told = counted.laneEvent === 'REQUEST_CHANGES' ? 'changes_requested' : status === 'approved' ? 'item_approved' : status === 'approved_with_changes' && counted.laneEvent ? 'item_approved_with_changes' : null;
      if (told) {
        await this.notifyOwnersIn(tx, item, told, user.id, {
          lane: input.lane,
          actorName: signer.printedName,
          expiresAt: status === 'approved' ? review.expiresAt?.toISOString() : undefined,
          excerpt: told === 'item_approved' || !input.comment ? undefined : excerpt(input.comment),
        });
      }
    });
    // Read once committed: the item's lock is not held while its view is built (three lanes decide side by side).
    return this.content.get(id);
  }

  async withdraw(id: string, input: WithdrawRequest, user: SessionUser, ip: string): Promise<ContentItem> {
    const signer = await this.signatures.verifySigner(user, input.password, ip);
    return this.dataSource.transaction(async (tx) => {
      const { item, review } = await this.lock(tx, id);
      const before = reviewAuditSummary(review, item.currentVersion);
      const revisionOnly = input.scope === 'revision';
      this.transition(review, { type: revisionOnly ? 'WITHDRAW_REVISION' : 'WITHDRAW' }, revisionOnly ? 'withdraw the revision' : 'withdraw');
      const version = item.currentVersion === null ? null : await this.content.versionIn(tx, id, item.currentVersion);
      if (version) {
        if (!input.versionId) {
          throw new BadInputError(`versionId is required: send the id of the version you are withdrawing (version ${version.number})`, undefined, 'version_required');
        }
        assertSignsVersion(version, input.versionId);
      } else if (input.versionId) {
        throw new ConflictError('The item has no version yet; withdraw it without a versionId', { versionUnderReview: null }, 'stale_version');
      }
      const signature = await this.signatures.sign(tx, signer, {
        meaning: revisionOnly ? 'revision withdrawn' : 'withdrawn',
        entity: version ? 'content_version' : 'content_item',
        entityId: version?.id ?? id,
        contentSha256: version?.sha256 ?? '',
      });
      if (revisionOnly) {
        // The round that approved the version in use is back: its lanes, as the machine restored them.
        review.requiredLanes = reviewContextOf(review.workflowSnapshot).requiredLanes;
        await this.reviews.saveIn(tx, review);
        await this.tasks.closeOpenIn(tx, id, 'withdrawn');
      } else {
        review.withdrawnReason = input.reason;
        await this.reviews.saveIn(tx, review);
        await this.tasks.closeOpenIn(tx, id, 'withdrawn');
        if (review.approvedVersionId) await this.content.requestWatermarkIn(tx, review.approvedVersionId, 'WITHDRAWN');
        if (review.approvedVersionId) await this.outbox.record(tx, 'item.withdrawn', { itemId: id, versionId: review.approvedVersionId });
        await this.notifyOwnersIn(tx, item, 'item_withdrawn', user.id, { actorName: signer.printedName, excerpt: excerpt(input.reason) });
      }
      await this.itemEvent(tx, id, {
        actor: { id: signer.id, name: signer.printedName },
        action: revisionOnly ? 'review.revision_withdrawn' : 'content_item.withdrawn',
        before,
        after: { ...reviewAuditSummary(review, item.currentVersion), reason: input.reason, signatureId: signature.id },
      });
      return this.content.viewOf(tx, id);
    });
  }

  /**
   * A regulatory reviewer sends a fast-tracked item to full review: marketing and medical open with
   * the standard due date, on the same version. Signed; later rounds stay on full review.
   */
  async escalate(id: string, input: EscalateRequest, user: SessionUser, ip: string): Promise<ContentItem> {
    const signer = await this.signatures.verifySigner(user, input.password, ip);
    return this.dataSource.transaction(async (tx) => {
      const { item, review } = await this.lock(tx, id);
      if (review.status !== 'in_review' || !review.fastTrack || item.currentVersion === null) {
        throw new ConflictError(`Only a fast-tracked item in review can be escalated; this one is ${review.status}${review.fastTrack ? '' : ' on full review'}`, { status: review.status, fastTrack: review.fastTrack }, 'not_fast_tracked');
      }
      const version = await this.content.versionIn(tx, id, item.currentVersion);
      assertSignsVersion(version, input.versionId);
      const own = authorshipViolation({ reviewerId: user.id, authorId: item.ownerId, uploaderId: version.createdBy });
      if (own) throw new ForbiddenError(own, undefined, 'segregation_of_duties');
      const before = reviewAuditSummary(review, item.currentVersion);
      this.transition(review, { type: 'ESCALATE' }, 'escalate to full review');
      const meaning = 'escalated to full review';
      const signature = await this.signVersion(tx, signer, version, meaning);
      review.requiredLanes = [...REVIEW_LANES];
      review.fastTrack = false;
      review.escalation = { byId: signer.id, byName: signer.printedName, reason: input.reason, at: signature.signedAt.toISOString() };
      review.fastTrackReason = decideReviewPolicy({ sourceItem: null, claims: [], escalation: review.escalation }).reason;
      review.dueAt = reviewDueAt(signature.signedAt, false, this.config.review);
      await this.reviews.saveIn(tx, review);
      // The lanes escalation opened are staffed now, for the same round and version (those already staffed keep their tasks).
      await this.tasks.openRoundIn(tx, { item, round: review.round, versionNumber: item.currentVersion, uploaderId: version.createdBy, dueAt: review.dueAt, lanes: lanesIn(review, 'pending') });
      await this.itemEvent(tx, id, {
        actor: { id: signer.id, name: signer.printedName },
        action: 'review.escalated',
        before,
        after: { ...reviewAuditSummary(review, item.currentVersion), reason: input.reason, signed: { version: version.number, sha256: version.sha256, meaning, signatureId: signature.id } },
      });
      return this.content.viewOf(tx, id);
    });
  }

  /**
   * A claim left the library (withdrawn or expired), in the claims module's transaction: every item
   * making it that is approved (or whose approved version is in use during a revision) is suspended
   * and leaves the library at once; new material being reviewed has its round ended.
   */
  private async suspendItemsMaking(tx: EntityManager, { claim, cause, reason, actor }: ClaimRetirement): Promise<void> {
    for (const id of await this.content.idsMakingClaimIn(tx, claim.id)) {
      const { item, review } = await this.lock(tx, id);
      const result = applyReviewEvent(this.reviews.snapshotOf(review), { requiredLanes: review.requiredLanes }, { type: 'SUSPEND' });
      if (!result.accepted) continue;
      const before = reviewAuditSummary(review, item.currentVersion);
      review.workflowSnapshot = result.snapshot as object;
      review.status = result.status;
      const why = `claim ${claim.code} ${cause}: ${reason}`;
      const suspendedVersionId = result.status === 'suspended' ? review.approvedVersionId : null;
      if (result.status === 'suspended') {
        // Nothing of it is in use any more: the library and the reps' devices stop serving it now.
        review.approvedVersionId = null;
        review.approvedSha256 = null;
        review.periodicReviewOpenedAt = null;
        review.withdrawnReason = why;
      }
      await this.reviews.saveIn(tx, review);
      await this.tasks.closeOpenIn(tx, id, 'round_halted');
      if (suspendedVersionId) await this.content.requestWatermarkIn(tx, suspendedVersionId, 'SUSPENDED');
      if (suspendedVersionId) await this.outbox.record(tx, 'item.suspended', { itemId: id, versionId: suspendedVersionId, claimId: claim.id, claimCode: claim.code, cause });
      if (suspendedVersionId) await this.notifyOwnersIn(tx, item, 'item_suspended', actor?.id ?? null, { claimCode: claim.code, excerpt: excerpt(reason) });
      await this.itemEvent(tx, id, {
        actor,
        action: result.status === 'suspended' ? 'content_item.suspended' : 'review.round_halted',
        before,
        after: { ...reviewAuditSummary(review, item.currentVersion), claimId: claim.id, claimCode: claim.code, cause, reason: why, suspendedVersionId },
      });
    }
  }

  /**
   * The final release a market policy requires (France: the responsible pharmacist's, "for
   * distribution in France"), signed on the approved version: only now does it enter the library,
   * and its validity starts now.
   */
  async release(id: string, input: ReleaseRequest, user: SessionUser, ip: string): Promise<ContentItem> {
    const signer = await this.signatures.verifySigner(user, input.password, ip);
    return this.dataSource.transaction(async (tx) => {
      const { item, review } = await this.lock(tx, id);
      if (review.status !== 'awaiting_release' || item.currentVersion === null || !review.releaseMarket) {
        throw new ConflictError(`The item is ${review.status}: nothing awaits a release`, { status: review.status });
      }
      const version = await this.content.versionIn(tx, id, item.currentVersion);
      assertSignsVersion(version, input.versionId);
      const own = authorshipViolation({ reviewerId: user.id, authorId: item.ownerId, uploaderId: version.createdBy });
      if (own) throw new ForbiddenError(own, undefined, 'segregation_of_duties');
      const before = reviewAuditSummary(review, item.currentVersion);
      this.transition(review, { type: 'RELEASE' }, 'release');
      const market = review.releaseMarket;
      const signature = await this.signVersion(tx, signer, version, `released: final release for distribution in ${marketName(market)}`);
      const filingReference = input.filingReference?.trim() || null;
      await tx.getRepository(MarketReleaseEntity).insert({
        itemId: id,
        versionId: version.id,
        versionNumber: version.number,
        sha256: version.sha256,
        market,
        filingReference,
        releasedBy: user.id,
        releasedByName: signer.printedName,
        signatureId: signature.id,
        releasedAt: signature.signedAt,
      });
      const superseded = this.serve(review, version, signature.signedAt);
      await this.reviews.saveIn(tx, review);
      const actor = { id: signer.id, name: signer.printedName };
      await this.itemEvent(tx, id, {
        actor,
        action: 'content_item.released',
        before,
        after: { ...reviewAuditSummary(review, item.currentVersion), market, sha256: version.sha256, signatureId: signature.id, filingReference },
      });
      await this.announceInUseIn(tx, review, version, superseded, actor);
      await this.notifyOwnersIn(tx, item, 'item_approved', user.id, { actorName: signer.printedName, expiresAt: review.expiresAt?.toISOString() });
      return this.content.viewOf(tx, id);
    });
  }

  /**
   * The approved version goes into use (the caller saves the review): the library serves it, its
   * validity runs from `at`. Returns the version in use until now that it supersedes, if any.
   */
  private serve(review: ItemReviewEntity, version: ContentVersionFacts, at: Date): string | null {
    const superseded = review.approvedVersionId && review.approvedVersionId !== version.id ? review.approvedVersionId : null;
    if (superseded) review.supersededVersionIds = [...review.supersededVersionIds, superseded];
    review.approvedVersionId = version.id;
    review.approvedSha256 = version.sha256;
    review.approvedAt = at;
    review.expiresAt = this.validFrom(at);
    return superseded;
  }

  /** What follows a version going into use, in the caller's transaction: its clean preview, the audit trail, integrations. */
  private async announceInUseIn(tx: EntityManager, review: ItemReviewEntity, version: ContentVersionFacts, superseded: string | null, actor: AuditActor): Promise<void> {
    const id = review.itemId;
    const at = review.approvedAt!;
    await this.content.requestCleanPreviewIn(tx, version.id);
    if (superseded) {
      await this.content.requestWatermarkIn(tx, superseded, 'SUPERSEDED');
      await this.itemEvent(tx, id, {
        actor,
        action: 'content_version.superseded',
        after: { supersededVersionId: superseded, byVersion: version.number, sha256: version.sha256 },
      });
    }
    await this.itemEvent(tx, id, {
      actor,
      action: 'content_item.approved',
      after: { version: version.number, sha256: version.sha256, approvedAt: at.toISOString(), expiresAt: review.expiresAt!.toISOString() },
    });
    await this.outbox.record(tx, 'item.approved', { itemId: id, versionId: version.id, versionNumber: version.number, sha256: version.sha256, approvedAt: at.toISOString(), expiresAt: review.expiresAt!.toISOString() });
    if (superseded) await this.outbox.record(tx, 'item.superseded', { itemId: id, versionId: superseded, byVersionId: version.id, byVersionNumber: version.number });
  }

  /**
   * A periodic review: a medical or regulatory reviewer recertifies the approved item (its validity
   * runs again from now) or retires it (it leaves the library). Signed on the version in use.
   */
  async periodicReview(id: string, input: PeriodicReviewRequest, user: SessionUser, ip: string): Promise<ContentItem> {
    const signer = await this.signatures.verifySigner(user, input.password, ip);
    return this.dataSource.transaction(async (tx) => {
      const { item, review } = await this.lock(tx, id);
      if (review.status !== 'approved' || !review.periodicReviewOpenedAt || !review.approvedVersionId) {
        throw new ConflictError(`No periodic review is open for this item (it is ${review.status})`, { status: review.status });
      }
      const version = await this.content.versionWithId(tx, id, review.approvedVersionId);
      assertSignsVersion(version, input.versionId);
      const own = authorshipViolation({ reviewerId: user.id, authorId: item.ownerId, uploaderId: version.createdBy });
      if (own) throw new ForbiddenError(own, undefined, 'segregation_of_duties');
      const before = reviewAuditSummary(review, item.currentVersion);
      this.transition(review, { type: input.decision === 'recertify' ? 'RECERTIFY' : 'RETIRE' }, input.decision);
      const meaning = input.decision === 'recertify' ? 'recertified: periodic review' : 'retired: periodic review';
      const signature = await this.signVersion(tx, signer, version, meaning);
      await tx.getRepository(PeriodicReviewDecisionEntity).insert({
        itemId: id,
        versionId: version.id,
        decision: input.decision,
        reviewerId: user.id,
        reviewerName: signer.printedName,
        comment: input.comment?.trim() || null,
        signatureId: signature.id,
        decidedAt: signature.signedAt,
      });
      review.periodicReviewOpenedAt = null;
      if (input.decision === 'recertify') review.expiresAt = this.validFrom(signature.signedAt);
      await this.reviews.saveIn(tx, review);
      if (input.decision === 'retire') await this.content.requestWatermarkIn(tx, version.id, 'RETIRED');
      await this.itemEvent(tx, id, {
        actor: { id: signer.id, name: signer.printedName },
        action: input.decision === 'recertify' ? 'content_item.recertified' : 'content_item.retired',
        before,
        after: { ...reviewAuditSummary(review, item.currentVersion), expiresAt: review.expiresAt?.toISOString() ?? null, signatureId: signature.id, comment: input.comment ?? null },
      });
      return this.content.viewOf(tx, id);
    });
  }

  /** Opens the periodic review of approved items nearing expiry (PERIODIC_REVIEW_DAYS before). Safe to run twice. */
  async openDuePeriodicReviews(): Promise<number> {
    let opened = 0;
    for (const id of await this.reviews.idsDueForPeriodicReview(this.config.review.periodicReviewDays)) {
      const done = await this.dataSource.transaction(async (tx) => {
        const { review } = await this.lock(tx, id);
        if (review.status !== 'approved' || review.periodicReviewOpenedAt) return false;
        review.periodicReviewOpenedAt = await databaseNow(tx);
        await this.reviews.saveIn(tx, review);
        await this.itemEvent(tx, id, {
          actor: SYSTEM,
          action: 'review.periodic_review_opened',
          after: { expiresAt: review.expiresAt?.toISOString() ?? null },
        });
        return true;
      });
      if (done) opened++;
    }
    if (opened) this.logger.log(`${opened} periodic review(s) opened for approved items nearing expiry`);
    return opened;
  }

  /** Moves approved items past their expiry date to expired. Safe to run twice: an expired item refuses EXPIRE. */
  async expireDue(): Promise<number> {
    let expired = 0;
    for (const id of await this.reviews.idsDueForExpiry()) {
      const done = await this.dataSource.transaction(async (tx) => {
        const { item, review } = await this.lock(tx, id);
        if (review.status !== 'approved' || !review.expiresAt || review.expiresAt > (await databaseNow(tx))) return false;
        const before = reviewAuditSummary(review, item.currentVersion);
        this.transition(review, { type: 'EXPIRE' }, 'expire');
        await this.reviews.saveIn(tx, review);
        if (review.approvedVersionId) await this.content.requestWatermarkIn(tx, review.approvedVersionId, 'EXPIRED');
        if (review.approvedVersionId) await this.outbox.record(tx, 'item.expired', { itemId: id, versionId: review.approvedVersionId, expiresAt: review.expiresAt.toISOString() });
        await this.itemEvent(tx, id, {
          actor: SYSTEM,
          action: 'content_item.expired',
          before,
          after: reviewAuditSummary(review, item.currentVersion),
        });
        return true;
      });
      if (done) expired++;
    }
    if (expired) this.logger.log(`${expired} approved item(s) reached their expiry date and were expired`);
    return expired;
  }

  async decisions(id: string): Promise<ItemReviews> {
    await this.content.assertExists(id);
    const rows = await this.dataSource.getRepository(ReviewDecisionEntity).find({ where: { itemId: id }, order: { decidedAt: 'ASC' } });
    return {
      decisions: rows.map((d) => ({
        lane: d.lane,
        decision: d.decision,
        carriedFromVersion: d.carriedFromVersion,
        versionNumber: d.versionNumber,
        reviewerId: d.reviewerId,
        reviewerName: d.reviewerName,
        onBehalfOf: d.onBehalfOf && d.onBehalfOfName ? { id: d.onBehalfOf, name: d.onBehalfOfName } : null,
        comment: d.comment,
        decidedAt: d.decidedAt.toISOString(),
      })),
    };
  }

  /** Every signed record of the item's review, with the ids of their signatures: what an auditor's package carries. */
  async signedRecordsOf(id: string): Promise<SignedReviewRecords> {
    await this.content.assertExists(id);
    const decisions = await this.dataSource.getRepository(ReviewDecisionEntity).find({ where: { itemId: id }, order: { decidedAt: 'ASC', id: 'ASC' } });
    const periodic = await this.dataSource.getRepository(PeriodicReviewDecisionEntity).find({ where: { itemId: id }, order: { decidedAt: 'ASC', id: 'ASC' } });
    return {
      decisions: decisions.map((d) => ({ ...d, decidedAt: d.decidedAt.toISOString() })),
      periodicReviews: periodic.map((d) => ({ ...d, decidedAt: d.decidedAt.toISOString() })),
    };
  }

  /**
   * The fast-track decision for this submission, on the claims library as it stands: a revision is
   * reviewed like a reuse of the approved version, a reuse against its share-locked source.
   */
  private async policyAt(tx: EntityManager, item: ContentItemFacts, review: ItemReviewEntity, previousVersion: number | null): Promise<ReviewPolicy> {
    const claims = await this.claims.factsIn(tx, item.claimIds);
    if (review.escalation) return decideReviewPolicy({ sourceItem: null, claims, escalation: review.escalation });
    if (review.status === 'approved') {
      const now = await databaseNow(tx);
      const policy = decideReviewPolicy({ sourceItem: { id: item.id, status: 'approved', expired: !review.expiresAt || review.expiresAt <= now, claimIds: item.claimIds }, claims });
      return { ...policy, reason: policy.reason.replace(/reuses approved item [^;]*;/, `revises approved version ${previousVersion};`).replace(/source item [^ ]+ is past/, `approved version ${previousVersion} is past`) };
    }
    if (!item.sourceItemId) return decideReviewPolicy({ sourceItem: null, claims });
    const state = await this.reviews.sourceStateIn(tx, item.sourceItemId);
    const source = await this.content.factsIn(tx, item.sourceItemId);
    return decideReviewPolicy({ sourceItem: source && { id: source.id, title: source.title, claimIds: source.claimIds, ...state }, claims });
  }

  /** A fast track holds only if the file says nothing beyond the item's declared claims (detection's text check of the version). */
  private async guardedByTextCheck(tx: EntityManager, item: ContentItemFacts, versionNumber: number, policy: ReviewPolicy, afterWaiting: boolean): Promise<ReviewPolicy> {
    if (!policy.fastTrack) return policy;
    const version = await this.content.versionIn(tx, item.id, versionNumber);
    const guarded = guardFastTrack({ policy, versionNumber, declaredClaimIds: item.claimIds, check: await this.detection.checkIn(tx, version.id) });
    if (guarded.decided) return guarded.policy;
    if (!afterWaiting) throw new TextCheckPending(version.id);
    throw new ConflictError(
      `Version ${versionNumber} is still being read for claims: a fast track needs its text check first. Submit again in a moment`,
      { versionNumber },
      'text_check_pending',
    );
  }

  /** The policy a new item with this source and these claims would get if submitted now; nothing is locked or stored. */
  async previewPolicy(sourceItemId: string | null, claimIds: readonly string[]): Promise<ReviewPolicyPreview> {
    const manager = this.dataSource.manager;
    const claims = await this.claims.factsIn(manager, claimIds);
    const source = sourceItemId ? await this.content.factsIn(manager, sourceItemId) : null;
    if (sourceItemId && !source) throw new BadInputError(`sourceItemId: no content item ${sourceItemId} to reuse`);
    const state = source ? await this.reviews.sourceStateIn(manager, source.id, false) : null;
    const policy = decideReviewPolicy({ sourceItem: source && state && { id: source.id, title: source.title, claimIds: source.claimIds, ...state }, claims });
    const now = await databaseNow(manager);
    return { ...policy, dueAt: reviewDueAt(now, policy.fastTrack, this.config.review).toISOString() };
  }

  /** An item is approved only while every claim it makes is approved in the library. */
  private async assertClaimsApproved(tx: EntityManager, item: ContentItemFacts): Promise<void> {
    const pending = (await this.claims.factsIn(tx, item.claimIds)).filter((claim) => claim.status !== 'approved');
    if (pending.length === 0) return;
    throw new ConflictError(
      `The item cannot be approved while ${pending.map((c) => `${c.code} is ${c.status.replace('_', ' ')}`).join(', ')} in the claims library: approve ${pending.length === 1 ? 'that claim' : 'those claims'} first, or remove ${pending.length === 1 ? 'it' : 'them'} from the item`,
      { claims: pending.map((c) => ({ id: c.id, code: c.code, status: c.status })) },
      'claims_not_approved',
    );
  }

  /**
   * A confirmation round: the lanes that approved the previous version without conditions keep
   * their approval, recorded on the corrected version with the signature they gave and both hashes.
   */
  private async carryApprovalsForward(tx: EntityManager, id: string, fromVersion: number, toVersion: number, actor: SessionUser, carriedLanes: ReviewLane[]): Promise<void> {
    const repo = tx.getRepository(ReviewDecisionEntity);
    // Only the lanes the machine carries: under a quorum, a conditional lane also holds plain approvals, which it confirms afresh.
    const approvals = (await repo.find({ where: { itemId: id, versionNumber: fromVersion, decision: 'approve' } })).filter((a) => carriedLanes.includes(a.lane));
    if (approvals.length === 0) return;
    const [from, to] = [await this.content.versionIn(tx, id, fromVersion), await this.content.versionIn(tx, id, toVersion)];
    await repo.insert(
      approvals.map((a) => ({
        itemId: id,
        versionNumber: toVersion,
        lane: a.lane,
        decision: 'carried_forward' as const,
        carriedFromVersion: fromVersion,
        reviewerId: a.reviewerId,
        reviewerName: a.reviewerName,
        onBehalfOf: a.onBehalfOf,
        onBehalfOfName: a.onBehalfOfName,
        comment: null,
        signatureId: a.signatureId,
        decidedAt: a.decidedAt,
      })),
    );
    await this.itemEvent(tx, id, {
      actor,
      action: 'review.approvals_carried_forward',
      after: {
        lanes: [...new Set(approvals.map((a) => a.lane))],
        from: { version: fromVersion, sha256: from.sha256 },
        to: { version: toVersion, sha256: to.sha256 },
      },
    });
  }

  /** A signature on one exact version: its id and SHA-256, at database time. */
  private signVersion(tx: EntityManager, signer: VerifiedSigner, version: ContentVersionFacts, meaning: string, onBehalfOf?: string): ReturnType<SignatureService['sign']> {
    return this.signatures.sign(tx, signer, { meaning, entity: 'content_version', entityId: version.id, contentSha256: version.sha256, onBehalfOf });
  }

  /** When an approval (or a recertification) given at `from` runs out. */
  private validFrom(from: Date): Date {
    return new Date(from.getTime() + this.config.review.approvalValidityDays * DAY_MS);
  }

  /** The item's owner and co-owners are told, in the caller's transaction (never the one who acted). */
  private notifyOwnersIn(tx: EntityManager, item: ContentItemFacts, type: NotificationType, actorId: string | null, params: Omit<NotificationParams, 'itemTitle'>): Promise<void> {
    return this.notifications.notifyIn(tx, { type, recipientIds: [item.ownerId, ...item.coOwnerIds], itemId: item.id, actorId, params: { itemTitle: item.title, ...params } });
  }

  /** An audit event about the item, in the caller's transaction. */
  private itemEvent(tx: EntityManager, id: string, event: Omit<AuditRecord, 'entity' | 'entityId'>): Promise<void> {
    return this.audit.record(tx, { ...event, entity: 'content_item', entityId: id });
  }

  /** Content's row first, then the review's: the one lock order every writer of an item follows. */
  private async lock(tx: EntityManager, id: string): Promise<LockedItem> {
    const item = await this.content.lockItem(tx, id);
    return { item, review: await this.reviews.lockIn(tx, id) };
  }

  /** Refuses, as transition() would, an event the machine would not accept now; changes nothing. */
  private assertAccepts(review: ItemReviewEntity, event: ReviewEvent, what: string): ReviewEventResult {
    const result = applyReviewEvent(this.reviews.snapshotOf(review), { requiredLanes: review.requiredLanes }, event);
    this.refuseUnless(result, event, what);
    return result;
  }

  /** Applies one event to the stored review, or refuses with the current state and what is allowed. */
  private transition(review: ItemReviewEntity, event: ReviewEvent, what: string, known?: ReviewEventResult): ItemStatus {
    const result = known ?? applyReviewEvent(this.reviews.snapshotOf(review), { requiredLanes: review.requiredLanes }, event);
    this.refuseUnless(result, event, what);
    review.workflowSnapshot = result.snapshot as object;
    review.status = result.status;
    return result.status;
  }

  private refuseUnless(result: ReturnType<typeof applyReviewEvent>, event: ReviewEvent, what: string): void {
    if (!result.accepted) {
      const lanes = Object.entries(result.lanes)
        .map(([lane, state]) => `${lane} ${state}`)
        .join(', ');
      throw new ConflictError(
        `Cannot ${what}: the item is ${result.status} (lanes: ${lanes}). Allowed now: ${result.allowedEvents.join(', ') || 'nothing'}`,
        { status: result.status, lanes: result.lanes, allowed: result.allowedEvents },
        laneAlreadyDecided(result.lanes, event) ? 'quorum_reached' : undefined,
      );
    }
  }
}

const SYSTEM: AuditActor | null = null;

/** What each verdict does to the machine, what its signature means, and how the audit trail names it. */
const DECISIONS = {
  approve: { event: 'APPROVE', meaning: 'approved', action: 'review.lane_approved' },
  approve_with_changes: { event: 'APPROVE_WITH_CHANGES', meaning: 'approved with changes', action: 'review.lane_approved_with_changes' },
  request_changes: { event: 'REQUEST_CHANGES', meaning: 'changes requested', action: 'review.changes_requested' },
} as const satisfies Record<SubmitReviewRequest['decision'], { event: string; meaning: string; action: string }>;

/** A member's signed decision that leaves the lane's quorum short: the lane itself has not decided yet. */
const MEMBER_ACTIONS = {
  approve: 'review.member_approved',
  approve_with_changes: 'review.member_approved_with_changes',
  request_changes: 'review.changes_requested',
} as const satisfies Record<SubmitReviewRequest['decision'], string>;

/** A decision on a lane that already approved (its quorum reached): said with a stable code. */
function laneAlreadyDecided(lanes: Record<ReviewLane, string>, event: ReviewEvent): boolean {
  return 'lane' in event && ['approved', 'approved_with_changes', 'carried_forward'].includes(lanes[event.lane]);
}

/** The lanes the stored snapshot shows in `state` (pending: deciding this round; carried_forward: approval standing). */
function lanesIn(review: ItemReviewEntity, state: 'pending' | 'carried_forward'): ReviewLane[] {
  const lanes = laneStatesFromSnapshot(review.workflowSnapshot);
  return REVIEW_LANES.filter((lane) => lanes[lane] === state);
}

const LANES_WITH_CONDITIONS = (review: ItemReviewEntity) =>
  Object.entries(laneStatesFromSnapshot(review.workflowSnapshot))
    .filter(([, state]) => state === 'approved_with_changes')
    .map(([lane]) => lane);

/**
 * A signature binds the exact file the signer looked at (21 CFR 11.70): when the page they signed
 * from shows another version than the one the action concerns, nothing is signed.
 */
/** "France" for FR: the market as the signature's meaning names it. */
function marketName(market: string): string {
  return new Intl.DisplayNames(['en'], { type: 'region' }).of(market) ?? market;
}

function assertSignsVersion(version: ContentVersionFacts, versionId: string | undefined): void {
  if (versionId === version.id) return;
  throw new ConflictError(
    `The version you signed for is not the one under review: version ${version.number} is current now. Reload the item, look at version ${version.number}, then sign again.`,
    { versionUnderReview: version.number, versionId: version.id },
    'stale_version',
  );
}
