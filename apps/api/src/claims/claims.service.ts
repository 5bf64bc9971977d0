import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CLAIM_EDITABLE_STATUSES,
  LANE_ROLE,
  type Claim,
  type ClaimDetail,
  type ClaimList,
  type ClaimReference,
  type ClaimReferenceInput,
  type ClaimReviewRequest,
  type CreateClaimRequest,
  type ListClaimsQuery,
  type SessionUser,
  type UpdateClaimRequest,
  type WithdrawClaimRequest,
} from '@vetted/contracts';
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AuditService, type AuditActor, type AuditRecord } from '../audit/audit.service.js';
import { BadInputError, ConflictError, ForbiddenError, NotFoundError } from '../common/domain-errors.js';
import { APP_CONFIG } from '../config/config.js';
import { SignatureService, type VerifiedSigner } from '../identity/signature.service.js';
import { databaseNow } from '../infra/database/database-now.js';
import { escapeLike } from '../infra/database/escape-like.js';
import { transactionRetryingDeadlocks } from '../infra/database/retry-on-deadlock.js';
import { hasSqlState, UNIQUE_VIOLATION } from '../infra/database/sql-state.js';
import type { ResolvedConfig } from '../infra/resolved-config.js';
import { StorageService } from '../infra/storage/storage.service.js';
import { ClaimDecisionEntity } from './claim-decision.entity.js';
import { ClaimReferenceEntity } from './claim-reference.entity.js';
import { transitionClaim } from './claim-workflow.js';
import { ClaimEntity } from './claim.entity.js';
import { claimContentSha256, claimSearchDocument, toClaim, toClaimDecision, toClaimReference } from './claim.view.js';
import { claimSearchQuery } from './claim-search.js';

const DAY_MS = 86_400_000;

/** What other modules know of a claim: enough to decide a fast track and show it on an item. */
export interface ClaimFacts {
  id: string;
  code: string;
  statement: string;
  status: Claim['status'];
  product: string;
}

/** An approved claim's words, to be looked for in a file. */
export interface ApprovedClaimText {
  id: string;
  code: string;
  texts: string[];
}

/** Why a claim left the library, passed to whoever must act on the items that make it. */
export interface ClaimRetirement {
  claim: ClaimFacts;
  cause: 'withdrawn' | 'expired';
  reason: string;
  actor: AuditActor | null;
}

/** Runs inside the transaction that withdraws or expires the claim, so its items change with it. */
export type ClaimRetirementHandler = (tx: EntityManager, retirement: ClaimRetirement) => Promise<void>;

export interface ReferenceDocument {
  tempPath: string;
  filename: string;
  mimeType: string;
  size: number;
  sha256: string;
}

/**
 * The claims library: claims, their references and their signed approval by medical and regulatory.
 * Items point at claims by id; withdrawing or expiring a claim hands its items to the registered
 * handlers (review suspends them) in the same transaction.
 */
@Injectable()
export class ClaimsService {
  private readonly retirementHandlers: ClaimRetirementHandler[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly signatures: SignatureService,
    private readonly storage: StorageService,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  /** Where multipart reference documents are spooled while hashed and typed. */
  get uploadTempDir(): string {
    return this.config.uploadTempDir;
  }

  /** Registers what must happen to the items of a claim that leaves the library (review registers the suspension). */
  onClaimRetired(handler: ClaimRetirementHandler): void {
    this.retirementHandlers.push(handler);
  }

  async create(input: CreateClaimRequest, actor: SessionUser): Promise<Claim> {
    const code = String(input.code);
    try {
      return await this.createIn(input, code, actor);
    } catch (error) {
      // Two editors creating the same code at once: the unique (product, code) constraint decides.
      if (hasSqlState(error, UNIQUE_VIOLATION)) throw codeTaken(code, input.product);
      throw error;
    }
  }

  private createIn(input: CreateClaimRequest, code: string, actor: SessionUser): Promise<Claim> {
    return this.dataSource.transaction(async (tx) => {
      const repo = tx.getRepository(ClaimEntity);
      if (await repo.exists({ where: { product: input.product, code } })) throw codeTaken(code, input.product);
      const references = input.references ?? [];
      const draft = {
        code,
        statement: input.statement,
        translations: input.translations ?? {},
        therapeuticArea: input.therapeuticArea ?? null,
      };
      const claim = await repo.save(
        repo.create({
          ...draft,
          product: input.product,
          markets: [...new Set(input.markets ?? [])],
          status: 'draft',
          workflowSnapshot: null,
          workflowVersion: 1,
          round: 0,
          searchDocument: claimSearchDocument(draft, references.map(referenceFields)),
          createdBy: actor.id,
          submittedAt: null,
          approvedAt: null,
          expiresAt: null,
          withdrawnReason: null,
        }),
      );
      const refRepo = tx.getRepository(ClaimReferenceEntity);
      const saved = [];
      for (const reference of references) saved.push(await refRepo.save(refRepo.create({ ...referenceFields(reference), claimId: claim.id, createdBy: actor.id })));
      await this.claimEvent(tx, claim.id, { actor, action: 'claim.created', after: { code, product: claim.product, statement: claim.statement, references: saved.length } });
      return toClaim(claim, saved);
    });
  }

  async list(query: ListClaimsQuery): Promise<ClaimList> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [];
    const search = query.q ? claimSearchQuery(query.q) : null;
    let rank = 'null::real';
    if (search?.kind === 'code') where.push(`c.code like ${param(`${escapeLike(search.codePrefix)}%`)}`);
    if (search?.kind === 'text') {
      const [prefix, words] = [param(search.prefix), param(search.words)];
      const tsquery = `(to_tsquery('simple', vetted_fold(${prefix})) || plainto_tsquery('french', vetted_fold(${words})) || plainto_tsquery('english', vetted_fold(${words})))`;
      where.push(`c.search @@ ${tsquery}`);
      rank = `ts_rank(c.search, ${tsquery})`;
    }
    if (query.status) where.push(`c.status = ${param(query.status)}`);
    if (query.product) where.push(`c.product = ${param(query.product)}`);
    const filter = where.length ? `where ${where.join(' and ')}` : '';
    const limit = param(query.pageSize);
    const offset = param((query.page - 1) * query.pageSize);
    const rows: Array<{ id: string; total: string }> = await this.dataSource.query(
      `select c.id, count(*) over () as total from claim c ${filter} order by ${rank} desc nulls last, c.product, c.code limit ${limit} offset ${offset}`,
      params,
    );
    const claims = await this.loadViews(this.dataSource.manager, rows.map((r) => r.id));
    return { items: claims, total: rows.length ? Number(rows[0].total) : 0, page: query.page, pageSize: query.pageSize };
  }

  async detail(id: string): Promise<ClaimDetail> {
    const manager = this.dataSource.manager;
    const claim = await this.find(manager, id);
    const references = await this.referencesOf(manager, [id]);
    const decisions = await manager.getRepository(ClaimDecisionEntity).find({ where: { claimId: id }, order: { decidedAt: 'ASC' } });
    // A report across modules: who makes this claim (content and review own these rows; this only reads them).
    const usedBy: Array<{ id: string; title: string; status: string }> = await manager.query(
      `select i.id, i.title, r.status from content_item i join item_review r on r.item_id = i.id where $1 = any(i.claim_ids) order by i.planned_at, i.id`,
      [id],
    );
    return { ...toClaim(claim, references.get(id) ?? []), decisions: decisions.map(toClaimDecision), usedBy };
  }

  update(id: string, input: UpdateClaimRequest, actor: SessionUser): Promise<Claim> {
    return this.dataSource.transaction(async (tx) => {
      const claim = await this.lock(tx, id);
      assertEditable(claim, actor, 'edit it');
      const before = { statement: claim.statement, translations: claim.translations, therapeuticArea: claim.therapeuticArea, markets: claim.markets };
      if (input.statement !== undefined) claim.statement = input.statement;
      if (input.translations !== undefined) claim.translations = input.translations;
      if (input.therapeuticArea !== undefined) claim.therapeuticArea = input.therapeuticArea;
      if (input.markets !== undefined) claim.markets = [...new Set(input.markets)];
      const references = (await this.referencesOf(tx, [id])).get(id) ?? [];
      claim.searchDocument = claimSearchDocument(claim, references);
      await tx.getRepository(ClaimEntity).save(claim);
      await this.claimEvent(tx, id, { actor, action: 'claim.updated', before, after: { statement: claim.statement, translations: claim.translations, therapeuticArea: claim.therapeuticArea, markets: claim.markets } });
      return toClaim(claim, references);
    });
  }

  /** Adds a reference, with its document stored first (an unreferenced object is harmless; a row without its object is not). */
  async addReference(id: string, input: ClaimReferenceInput, document: ReferenceDocument | null, actor: SessionUser): Promise<ClaimReference> {
    await this.assertEditableNow(id, actor);
    const storageKey = document ? `claims/${id}/references/${randomUUID()}` : null;
    if (document && storageKey) await this.storage.put(storageKey, createReadStream(document.tempPath), document.size, document.mimeType);
    try {
      return await this.recordReference(id, input, document, storageKey, actor);
    } catch (error) {
      // The row was not written (a concurrent submission, say): its document must not stay behind.
      if (storageKey) await this.storage.remove(storageKey).catch(() => undefined);
      throw error;
    }
  }

  private recordReference(id: string, input: ClaimReferenceInput, document: ReferenceDocument | null, storageKey: string | null, actor: SessionUser): Promise<ClaimReference> {
    return this.dataSource.transaction(async (tx) => {
      const claim = await this.lock(tx, id);
      assertEditable(claim, actor, 'add a reference');
      const repo = tx.getRepository(ClaimReferenceEntity);
      const reference = await repo.save(
        repo.create({
          ...referenceFields(input),
          claimId: id,
          storageKey,
          filename: document?.filename ?? null,
          mimeType: document?.mimeType ?? null,
          size: document?.size ?? null,
          sha256: document?.sha256 ?? null,
          createdBy: actor.id,
        }),
      );
      const references = (await this.referencesOf(tx, [id])).get(id) ?? [];
      claim.searchDocument = claimSearchDocument(claim, references);
      await tx.getRepository(ClaimEntity).save(claim);
      await this.claimEvent(tx, id, { actor, action: 'claim.reference_added', after: { referenceId: reference.id, citation: reference.citation, doi: reference.doi, pmid: reference.pmid, locator: reference.locator, documentSha256: reference.sha256 } });
      return toClaimReference(reference);
    });
  }

  async referenceDocument(id: string, referenceId: string): Promise<{ stream: Readable; filename: string; mimeType: string; size: number; sha256: string }> {
    const reference = await this.dataSource.getRepository(ClaimReferenceEntity).findOne({ where: { id: referenceId, claimId: id } });
    if (!reference?.storageKey || !reference.filename || !reference.mimeType || reference.size === null || !reference.sha256) throw new NotFoundError('Reference document of claim', id);
    return { stream: await this.storage.get(reference.storageKey), filename: reference.filename, mimeType: reference.mimeType, size: reference.size, sha256: reference.sha256 };
  }

  submit(id: string, actor: SessionUser): Promise<Claim> {
    return this.dataSource.transaction(async (tx) => {
      const claim = await this.lock(tx, id);
      if (claim.createdBy !== actor.id && !actor.roles.includes('editor')) throw new ForbiddenError('Only an editor may submit a claim for review');
      transitionClaim(claim, { type: 'SUBMIT' }, 'submit it for review');
      claim.round += 1;
      claim.submittedAt = await databaseNow(tx);
      await tx.getRepository(ClaimEntity).save(claim);
      const references = (await this.referencesOf(tx, [id])).get(id) ?? [];
      await this.claimEvent(tx, id, { actor, action: 'claim.submitted', after: { round: claim.round, contentSha256: claimContentSha256(claim, references) } });
      return toClaim(claim, references);
    });
  }

  async decide(id: string, input: ClaimReviewRequest, user: SessionUser, ip: string): Promise<ClaimDetail> {
    if (!user.roles.includes(LANE_ROLE[input.lane])) throw new ForbiddenError(`Only a ${LANE_ROLE[input.lane]} may decide the ${input.lane} lane of a claim`);
    const signer = await this.signatures.verifySigner(user, input.password, ip);
    await this.dataSource.transaction(async (tx) => {
      const claim = await this.lock(tx, id);
      if (claim.createdBy === user.id) throw new ForbiddenError('You wrote this claim: another reviewer must approve it', undefined, 'segregation_of_duties');
      const decisions = tx.getRepository(ClaimDecisionEntity);
      if (await decisions.exists({ where: { claimId: id, round: claim.round, reviewerId: user.id } })) {
        throw new ForbiddenError('You already decided a lane of this claim in this round: the other lane needs another reviewer', undefined, 'segregation_of_duties');
      }
      const references = (await this.referencesOf(tx, [id])).get(id) ?? [];
      const contentSha256 = claimContentSha256(claim, references);
      if (input.contentSha256 && input.contentSha256 !== contentSha256) {
        throw new ConflictError('The claim changed since you opened it: reload it, read it again, then sign', { contentSha256 }, 'stale_version');
      }
      const verb = input.decision === 'approve' ? 'approve' : 'request changes on';
      const result = transitionClaim(claim, input.decision === 'approve' ? { type: 'APPROVE', lane: input.lane } : { type: 'REQUEST_CHANGES', lane: input.lane }, `${verb} the ${input.lane} lane`);
      const meaning = `${input.decision === 'approve' ? 'approved' : 'changes requested'}: ${input.lane} review of claim ${claim.code}`;
      const signature = await this.signClaim(tx, signer, claim, contentSha256, meaning);
      await decisions.insert({ claimId: id, round: claim.round, lane: input.lane, decision: input.decision, reviewerId: user.id, reviewerName: signer.printedName, comment: input.comment?.trim() || null, contentSha256, signatureId: signature.id, decidedAt: signature.signedAt });
      if (result.status === 'approved') {
        claim.approvedAt = signature.signedAt;
        claim.expiresAt = new Date(signature.signedAt.getTime() + this.config.review.claimValidityDays * DAY_MS);
      }
      await tx.getRepository(ClaimEntity).save(claim);
      const actor = { id: signer.id, name: signer.printedName };
      await this.claimEvent(tx, id, { actor, action: input.decision === 'approve' ? 'claim.lane_approved' : 'claim.changes_requested', after: { lane: input.lane, round: claim.round, contentSha256, meaning, signatureId: signature.id, comment: input.comment ?? null, status: claim.status } });
      if (result.status === 'approved') {
        await this.claimEvent(tx, id, { actor, action: 'claim.approved', after: { code: claim.code, contentSha256, approvedAt: claim.approvedAt?.toISOString(), expiresAt: claim.expiresAt?.toISOString() } });
      }
    });
    return this.detail(id);
  }

  /** Withdraws the claim and, in the same transaction, suspends or halts every item that makes it. */
  async withdraw(id: string, input: WithdrawClaimRequest, user: SessionUser, ip: string): Promise<ClaimDetail> {
    const signer = await this.signatures.verifySigner(user, input.password, ip);
    await transactionRetryingDeadlocks(this.dataSource, async (tx) => {
      const claim = await this.lock(tx, id);
      transitionClaim(claim, { type: 'WITHDRAW' }, 'withdraw it');
      claim.withdrawnReason = input.reason;
      const references = (await this.referencesOf(tx, [id])).get(id) ?? [];
      const contentSha256 = claimContentSha256(claim, references);
      const signature = await this.signClaim(tx, signer, claim, contentSha256, `withdrawn: claim ${claim.code}`);
      await tx.getRepository(ClaimEntity).save(claim);
      const actor = { id: signer.id, name: signer.printedName };
      await this.claimEvent(tx, id, { actor, action: 'claim.withdrawn', after: { code: claim.code, reason: input.reason, contentSha256, signatureId: signature.id } });
      await this.retire(tx, { claim: factsOf(claim), cause: 'withdrawn', reason: input.reason, actor });
    });
    return this.detail(id);
  }

  /** Expires approved claims past their validity, each with its items. Safe to run twice. */
  async expireDue(): Promise<number> {
    const due: Array<{ id: string }> = await this.dataSource.query(`select id from claim where status = 'approved' and expires_at <= now() order by id`);
    let expired = 0;
    for (const { id } of due) {
      const done = await transactionRetryingDeadlocks(this.dataSource, async (tx) => {
        const claim = await this.lock(tx, id);
        if (claim.status !== 'approved' || !claim.expiresAt || claim.expiresAt > (await databaseNow(tx))) return false;
        transitionClaim(claim, { type: 'EXPIRE' }, 'expire it');
        await tx.getRepository(ClaimEntity).save(claim);
        await this.claimEvent(tx, id, { actor: null, action: 'claim.expired', after: { code: claim.code, expiresAt: claim.expiresAt.toISOString() } });
        await this.retire(tx, { claim: factsOf(claim), cause: 'expired', reason: `claim ${claim.code} expired on ${claim.expiresAt.toISOString().slice(0, 10)}`, actor: null });
        return true;
      });
      if (done) expired++;
    }
    return expired;
  }

  /** The claims with these ids as the library has them now; unknown ids are refused with a 400 naming them. */
  async factsIn(manager: EntityManager, ids: readonly string[]): Promise<ClaimFacts[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    const malformed = unique.filter((id) => !UUID.test(id));
    const rows = malformed.length ? [] : await manager.getRepository(ClaimEntity).find({ where: { id: In(unique) }, select: { id: true, code: true, statement: true, status: true, product: true } });
    const found = new Map(rows.map((row) => [row.id, row]));
    const unknown = unique.filter((id) => !found.has(id));
    if (unknown.length > 0) {
      throw new BadInputError(`claimIds: ${unknown.join(', ')} ${unknown.length === 1 ? 'is not a claim' : 'are not claims'} in the claims library`, { unknownClaimIds: unknown }, 'unknown_claim');
    }
    return unique.map((id) => factsOf(found.get(id) as ClaimEntity));
  }

  /**
   * The approved claims a text may be matched against: the product's (every product's when null),
   * with the statement and its translations in these languages (all of them when none is given).
   */
  async approvedTextsIn(manager: EntityManager, product: string | null, languages: readonly string[]): Promise<ApprovedClaimText[]> {
    const rows = await manager.getRepository(ClaimEntity).find({
      where: { status: 'approved', ...(product ? { product } : {}) },
      select: { id: true, code: true, statement: true, translations: true },
      order: { code: 'ASC' },
    });
    return rows.map((row) => ({
      id: row.id,
      code: row.code,
      texts: [row.statement, ...Object.entries(row.translations).filter(([language]) => languages.length === 0 || languages.includes(language)).map(([, text]) => text)],
    }));
  }

  private async retire(tx: EntityManager, retirement: ClaimRetirement): Promise<void> {
    for (const handler of this.retirementHandlers) await handler(tx, retirement);
  }

  private signClaim(tx: EntityManager, signer: VerifiedSigner, claim: ClaimEntity, contentSha256: string, meaning: string) {
    return this.signatures.sign(tx, signer, { meaning, entity: 'claim', entityId: claim.id, contentSha256 });
  }

  private async assertEditableNow(id: string, actor: SessionUser): Promise<void> {
    assertEditable(await this.find(this.dataSource.manager, id), actor, 'add a reference');
  }

  private async loadViews(manager: EntityManager, ids: string[]): Promise<Claim[]> {
    if (ids.length === 0) return [];
    const claims = await manager.getRepository(ClaimEntity).find({ where: { id: In(ids) } });
    const byId = new Map(claims.map((c) => [c.id, c]));
    const references = await this.referencesOf(manager, ids);
    return ids.flatMap((id) => {
      const claim = byId.get(id);
      return claim ? [toClaim(claim, references.get(id) ?? [])] : [];
    });
  }

  private async referencesOf(manager: EntityManager, ids: readonly string[]): Promise<Map<string, ClaimReferenceEntity[]>> {
    const rows = ids.length ? await manager.getRepository(ClaimReferenceEntity).find({ where: { claimId: In([...ids]) }, order: { createdAt: 'ASC', id: 'ASC' } }) : [];
    const byClaim = new Map<string, ClaimReferenceEntity[]>();
    for (const row of rows) byClaim.set(row.claimId, [...(byClaim.get(row.claimId) ?? []), row]);
    return byClaim;
  }

  private async find(manager: EntityManager, id: string): Promise<ClaimEntity> {
    const claim = await manager.getRepository(ClaimEntity).findOne({ where: { id } });
    if (!claim) throw new NotFoundError('Claim', id);
    return claim;
  }

  private async lock(tx: EntityManager, id: string): Promise<ClaimEntity> {
    const claim = await tx.getRepository(ClaimEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!claim) throw new NotFoundError('Claim', id);
    return claim;
  }

  private claimEvent(tx: EntityManager, id: string, event: Omit<AuditRecord, 'entity' | 'entityId'>): Promise<void> {
    return this.audit.record(tx, { ...event, entity: 'claim', entityId: id });
  }
}

function codeTaken(code: string, product: string): ConflictError {
  return new ConflictError(`Claim code ${code} is already used for ${product}: choose another code`, { code, product }, 'claim_state');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function factsOf(claim: ClaimEntity): ClaimFacts {
  return { id: claim.id, code: claim.code, statement: claim.statement, status: claim.status, product: claim.product };
}

function referenceFields(input: ClaimReferenceInput) {
  return { citation: input.citation, doi: input.doi ?? null, pmid: input.pmid ?? null, locator: input.locator ?? null };
}

function assertEditable(claim: ClaimEntity, actor: SessionUser, what: string): void {
  if (!CLAIM_EDITABLE_STATUSES.includes(claim.status)) {
    throw new ConflictError(`Claim ${claim.code} is ${claim.status}: you can ${what} only while it is a draft or has changes requested`, { status: claim.status }, 'claim_state');
  }
  if (claim.createdBy !== actor.id && !actor.roles.includes('editor')) throw new ForbiddenError(`Only an editor may ${what}`);
}
