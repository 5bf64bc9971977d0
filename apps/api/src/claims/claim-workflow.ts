import type { ClaimLaneState } from '@vetted/contracts';
import { applyClaimEvent, CLAIM_MACHINE_VERSION, type ClaimEvent, type ClaimEventResult, type PersistedClaimSnapshot } from '@vetted/workflow';
import { ConflictError } from '../common/domain-errors.js';
import type { ClaimEntity } from './claim.entity.js';

const NOT_STARTED = { medical: 'not_started', regulatory: 'not_started' } as const satisfies Record<string, ClaimLaneState>;

export function claimLanesOf(claim: ClaimEntity): { medical: ClaimLaneState; regulatory: ClaimLaneState } {
  const stored = claim.workflowSnapshot as { context?: { lanes?: { medical: ClaimLaneState; regulatory: ClaimLaneState } } } | null;
  return stored?.context?.lanes ?? { ...NOT_STARTED };
}

/** Applies one event to the stored claim, or refuses with its status (409). */
export function transitionClaim(claim: ClaimEntity, event: ClaimEvent, what: string): ClaimEventResult {
  if (claim.workflowSnapshot !== null && claim.workflowVersion !== CLAIM_MACHINE_VERSION) {
    throw new ConflictError(`Claim ${claim.code} was stored by claim machine version ${claim.workflowVersion}; this release runs version ${CLAIM_MACHINE_VERSION}`);
  }
  const result = applyClaimEvent(claim.workflowSnapshot as PersistedClaimSnapshot | null, event);
  if (!result.accepted) {
    throw new ConflictError(`Cannot ${what}: claim ${claim.code} is ${claim.status}`, { status: claim.status, lanes: claimLanesOf(claim) }, 'claim_state');
  }
  claim.workflowSnapshot = result.snapshot as object;
  claim.workflowVersion = CLAIM_MACHINE_VERSION;
  claim.status = result.status;
  return result;
}
