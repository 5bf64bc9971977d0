import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LANE_ROLE, type ContentItem, type ItemStatus, type ItemReviews, type SessionUser, type SubmitReviewRequest, type WithdrawRequest } from '@vetted/contracts';
import { applyReviewEvent, reviewDueAt, segregationOfDutiesViolation, type PersistedReviewSnapshot, type ReviewEvent } from '@vetted/workflow';
import { DataSource } from 'typeorm';
import { AuditService, type AuditActor } from '../audit/audit.service.js';
import { BadInputError, ConflictError, ForbiddenError } from '../common/domain-errors.js';
import { APP_CONFIG } from '../config/config.js';
import type { ContentItemEntity } from '../content/content-item.entity.js';
import type { ContentVersionEntity } from '../content/content-version.entity.js';
import { auditSummary } from '../content/content-audit-summary.js';
import { ContentService } from '../content/content.service.js';
import { SignatureService } from '../identity/signature.service.js';
import { databaseNow } from '../infra/database/database-now.js';
import type { ResolvedConfig } from '../infra/resolved-config.js';
import { ReviewDecisionEntity } from './review-decision.entity.js';

const DAY_MS = 86_400_000;

/**
 * Runs the review statechart from libs/workflow against stored items. Each transition is one
 * transaction: lock the item, rebuild the machine from its snapshot, apply the event (or refuse it),
 * then store the new snapshot, the decision, the signature and the audit event together.
 */
@Injectable()
export class ReviewService {
  private readonly logger = new Logger(ReviewService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly content: ContentService,
    private readonly signatures: SignatureService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  submit(id: string, actor: SessionUser): Promise<ContentItem> {
    return this.dataSource.transaction(async (tx) => {
      const item = await this.content.lockItem(tx, id);
      if (item.currentVersion === null) throw new ConflictError('Upload a version before submitting for review', { status: item.status });
      const before = auditSummary(item);
      this.transition(item, { type: 'SUBMIT', versionNumber: item.currentVersion }, 'submit for review');
      const now = await databaseNow(tx);
      item.submittedAt = now;
      item.dueAt = reviewDueAt(now, item.fastTrack, this.config.review);
      const view = await this.content.saveIn(tx, item);
      await this.audit.record(tx, { actor, action: 'review.submitted', entity: 'content_item', entityId: id, before, after: auditSummary(item) });
      return view;
    });
  }

  async decide(id: string, input: SubmitReviewRequest, user: SessionUser, ip: string): Promise<ContentItem> {
    if (!user.roles.includes(LANE_ROLE[input.lane])) {
      throw new ForbiddenError(`Only a ${LANE_ROLE[input.lane]} may decide the ${input.lane} lane`);
    }
    const signer = await this.signatures.verifySigner(user, input.password, ip);
    return this.dataSource.transaction(async (tx) => {
      const item = await this.content.lockItem(tx, id);
      const versionNumber = item.currentVersion;
      if (item.status !== 'in_review' || versionNumber === null) {
        throw new ConflictError(`The item is ${item.status}, not in review: no lane can be decided now`, { status: item.status });
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
      const before = auditSummary(item);
      const type = input.decision === 'approve' ? 'APPROVE' : 'REQUEST_CHANGES';
      const status = this.transition(item, { type, lane: input.lane, versionNumber }, `${input.decision.replace('_', ' ')} the ${input.lane} lane`);

      const meaning = input.decision === 'approve' ? `approved: ${input.lane} review` : `changes requested: ${input.lane} review`;
      const signature = await this.signatures.sign(tx, signer, { meaning, entity: 'content_version', entityId: version.id, contentSha256: version.sha256 });
      await tx.getRepository(ReviewDecisionEntity).insert({
        itemId: id,
        versionNumber,
        lane: input.lane,
        decision: input.decision,
        reviewerId: user.id,
        reviewerName: signer.printedName,
        comment: input.comment?.trim() || null,
        signatureId: signature.id,
        decidedAt: signature.signedAt,
      });
      if (status === 'approved') {
        item.approvedAt = signature.signedAt;
        item.expiresAt = new Date(signature.signedAt.getTime() + this.config.review.approvalValidityDays * DAY_MS);
        item.approvedSha256 = version.sha256;
      }
      const view = await this.content.saveIn(tx, item);
      const actor = { id: signer.id, name: signer.printedName };
      const signed = { lane: input.lane, version: versionNumber, sha256: version.sha256, meaning, signatureId: signature.id, comment: input.comment ?? null };
      await this.audit.record(tx, {
        actor,
        action: input.decision === 'approve' ? 'review.lane_approved' : 'review.changes_requested',
        entity: 'content_item',
        entityId: id,
        before,
        after: { ...auditSummary(item), signed },
      });
      if (view.status === 'approved') {
        await this.audit.record(tx, {
          actor,
          action: 'content_item.approved',
          entity: 'content_item',
          entityId: id,
          after: { version: versionNumber, sha256: version.sha256, approvedAt: view.approvedAt, expiresAt: view.expiresAt },
        });
      }
      return view;
    });
  }

  async withdraw(id: string, input: WithdrawRequest, user: SessionUser, ip: string): Promise<ContentItem> {
    const signer = await this.signatures.verifySigner(user, input.password, ip);
    return this.dataSource.transaction(async (tx) => {
      const item = await this.content.lockItem(tx, id);
      const before = auditSummary(item);
      this.transition(item, { type: 'WITHDRAW' }, 'withdraw');
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
        meaning: 'withdrawn',
        entity: version ? 'content_version' : 'content_item',
        entityId: version?.id ?? id,
        contentSha256: version?.sha256 ?? '',
      });
      item.withdrawnReason = input.reason;
      const view = await this.content.saveIn(tx, item);
      await this.audit.record(tx, {
        actor: { id: signer.id, name: signer.printedName },
        action: 'content_item.withdrawn',
        entity: 'content_item',
        entityId: id,
        before,
        after: { ...auditSummary(item), reason: input.reason, signatureId: signature.id },
      });
      return view;
    });
  }

  /** Moves approved items past their expiry date to expired. Safe to run twice: an expired item refuses EXPIRE. */
  async expireDue(): Promise<number> {
    let expired = 0;
    for (const id of await this.content.idsDueForExpiry()) {
      const done = await this.dataSource.transaction(async (tx) => {
        const item = await this.content.lockItem(tx, id);
        if (item.status !== 'approved' || !item.expiresAt || item.expiresAt > (await databaseNow(tx))) return false;
        const before = auditSummary(item);
        this.transition(item, { type: 'EXPIRE' }, 'expire');
        await this.content.persistIn(tx, item);
        await this.audit.record(tx, { actor: SYSTEM, action: 'content_item.expired', entity: 'content_item', entityId: id, before, after: auditSummary(item) });
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
        versionNumber: d.versionNumber,
        reviewerId: d.reviewerId,
        reviewerName: d.reviewerName,
        comment: d.comment,
        decidedAt: d.decidedAt.toISOString(),
      })),
    };
  }

  /** Applies one event to the item's stored review, or refuses with the current state and what is allowed. */
  private transition(item: ContentItemEntity, event: ReviewEvent, what: string): ItemStatus {
    const result = applyReviewEvent(item.workflowSnapshot as PersistedReviewSnapshot, { requiredLanes: item.requiredLanes }, event);
    if (!result.accepted) {
      const lanes = Object.entries(result.lanes)
        .map(([lane, state]) => `${lane} ${state}`)
        .join(', ');
      throw new ConflictError(
        `Cannot ${what}: the item is ${result.status} (lanes: ${lanes}). Allowed now: ${result.allowedEvents.join(', ') || 'nothing'}`,
        { status: result.status, lanes: result.lanes, allowed: result.allowedEvents },
      );
    }
    item.workflowSnapshot = result.snapshot as object;
    item.status = result.status;
    return result.status;
  }
}

const SYSTEM: AuditActor | null = null;

/**
 * A signature binds the exact file the signer looked at (21 CFR 11.70): when the page they signed
 * from shows another version than the one the action concerns, nothing is signed.
 */
function assertSignsVersion(version: ContentVersionEntity, versionId: string | undefined): void {
  if (versionId === version.id) return;
  throw new ConflictError(
    `The version you signed for is not the one under review: version ${version.number} is current now. Reload the item, look at version ${version.number}, then sign again.`,
    { versionUnderReview: version.number, versionId: version.id },
    'stale_version',
  );
}
