import type { Claim, ClaimDecision, ClaimReference } from '@vetted/contracts';
import { createHash } from 'node:crypto';
import { canonicalJson } from '../audit/canonical-json.js';
import type { ClaimDecisionEntity } from './claim-decision.entity.js';
import type { ClaimEntity } from './claim.entity.js';
import type { ClaimReferenceEntity } from './claim-reference.entity.js';
import { claimLanesOf } from './claim-workflow.js';

/**
 * What a reviewer signs when they approve a claim: its code, product, wording in every language and
 * every reference (with the reference document's SHA-256). Any change gives another hash.
 */
export function claimContentSha256(claim: ClaimEntity, references: readonly ClaimReferenceEntity[]): string {
  const content = {
    code: claim.code,
    product: claim.product,
    statement: claim.statement,
    translations: claim.translations,
    references: references.map((r) => ({ citation: r.citation, doi: r.doi, pmid: r.pmid, locator: r.locator, documentSha256: r.sha256 })),
  };
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/** The text the search index is built from. */
export function claimSearchDocument(claim: Pick<ClaimEntity, 'code' | 'statement' | 'translations' | 'therapeuticArea'>, references: readonly Pick<ClaimReferenceEntity, 'citation' | 'doi' | 'pmid' | 'locator'>[]): string {
  return [claim.code, claim.statement, ...Object.values(claim.translations), claim.therapeuticArea ?? '', ...references.flatMap((r) => [r.citation, r.doi ?? '', r.pmid ?? '', r.locator ?? ''])]
    .filter((part) => part.length > 0)
    .join('\n');
}

export function toClaimReference(r: ClaimReferenceEntity): ClaimReference {
  return {
    id: r.id,
    citation: r.citation,
    doi: r.doi,
    pmid: r.pmid,
    locator: r.locator,
    document: r.storageKey && r.filename && r.mimeType && r.size !== null && r.sha256 ? { filename: r.filename, mimeType: r.mimeType, size: r.size, sha256: r.sha256 } : null,
    createdAt: r.createdAt.toISOString(),
  };
}

export function toClaim(claim: ClaimEntity, references: readonly ClaimReferenceEntity[]): Claim {
  return {
    id: claim.id,
    code: claim.code,
    statement: claim.statement,
    translations: claim.translations,
    product: claim.product,
    therapeuticArea: claim.therapeuticArea,
    markets: claim.markets,
    status: claim.status,
    lanes: claimLanesOf(claim),
    contentSha256: claimContentSha256(claim, references),
    references: references.map(toClaimReference),
    createdBy: claim.createdBy,
    approvedAt: claim.approvedAt?.toISOString() ?? null,
    expiresAt: claim.expiresAt?.toISOString() ?? null,
    withdrawnReason: claim.withdrawnReason,
    createdAt: claim.createdAt.toISOString(),
    updatedAt: claim.updatedAt.toISOString(),
  };
}

export function toClaimDecision(d: ClaimDecisionEntity): ClaimDecision {
  return { lane: d.lane, decision: d.decision, reviewerId: d.reviewerId, reviewerName: d.reviewerName, comment: d.comment, contentSha256: d.contentSha256, decidedAt: d.decidedAt.toISOString() };
}
