// The fast track's last check: what the file itself says. A fast-tracked reuse keeps its single lane
// only if the text read from its latest version makes no claim beyond the ones it declares.
import { REVIEW_LANES } from '@vetted/contracts';
import type { ReviewPolicy } from './fast-track.policy.js';

/** A claim the text check found in the file (automatic or accepted by medical). */
export interface DetectedClaim {
  claimId: string;
  code: string;
  text: string;
  /** Where it is, in words: "page 2, box at …". */
  where: string;
}

/** A sentence that reads like a claim and matches none in the library. */
export interface DetectedStatement {
  text: string;
  where: string;
}

export type VersionTextCheck =
  | { status: 'pending' }
  | { status: 'failed'; reason: string }
  | { status: 'done'; claims: readonly DetectedClaim[]; unsupported: readonly DetectedStatement[] };

export interface TextCheckGuardInput {
  policy: ReviewPolicy;
  versionNumber: number;
  declaredClaimIds: readonly string[];
  check: VersionTextCheck;
}

/** What the guard makes of the policy: kept, changed to full review, or not decidable until the check is done. */
export type GuardedPolicy = { decided: true; policy: ReviewPolicy } | { decided: false };

const quote = (text: string): string => `“${text.length > 160 ? `${text.slice(0, 157)}…` : text}”`;

/** Full review, with the file's words quoted, when the file says what its declared claims do not. */
export function guardFastTrack({ policy, versionNumber, declaredClaimIds, check }: TextCheckGuardInput): GuardedPolicy {
  if (!policy.fastTrack) return { decided: true, policy };
  const full = (why: string): GuardedPolicy => ({ decided: true, policy: { fastTrack: false, requiredLanes: [...REVIEW_LANES], reason: `full review: ${why}` } });
  if (check.status === 'pending') return { decided: false };
  if (check.status === 'failed') return full(`the text of version ${versionNumber} could not be read (${check.reason}), so nothing shows it makes only its declared claims`);
  const declared = new Set(declaredClaimIds);
  const undeclared = check.claims.filter((claim) => !declared.has(claim.claimId));
  const problems = [
    ...undeclared.map((claim) => `${quote(claim.text)} (${claim.where}) makes claim ${claim.code}, which the item does not declare`),
    ...check.unsupported.map((statement) => `${quote(statement.text)} (${statement.where}) is supported by no approved claim`),
  ];
  if (problems.length === 0) return { decided: true, policy };
  return full(`version ${versionNumber} says ${problems.join('; ')}`);
}
