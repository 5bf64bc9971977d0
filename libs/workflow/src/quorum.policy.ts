// Quorum of a review lane staffed by a group: how many approvals the lane needs, and what the lane
// says once its members' signed decisions are counted. The API sends the lane's event to the review
// machine only when this says the lane is decided, so the machine itself stays one event per lane.
import type { Quorum, ReviewDecision } from '@vetted/contracts';

/** What a lane's members decided so far, reduced to the event the machine gets (or none yet). */
export type LaneOutcome = 'pending' | 'approved' | 'approved_with_changes' | 'changes_requested';

/**
 * Approvals the lane needs, given the members who may decide this round (active, holding the lane's
 * role, neither the item's author nor the version's uploader). `all` is all of those eligible members.
 */
export function requiredApprovals(quorum: Quorum, eligibleMembers: number): number {
  if (quorum.rule === 'any') return 1;
  if (quorum.rule === 'all') return eligibleMembers;
  return quorum.n ?? 1;
}

/**
 * Why the lane can never reach its quorum this round, or null when it can: no eligible member at all,
 * or fewer eligible members than `n` approvals.
 */
export function quorumShortfall(quorum: Quorum, eligibleMembers: number): string | null {
  if (eligibleMembers === 0) return 'no member may decide it (the members are inactive, lack the role, or wrote or uploaded the item)';
  const required = requiredApprovals(quorum, eligibleMembers);
  if (required > eligibleMembers) {
    return `it needs ${required} approvals and only ${eligibleMembers} ${eligibleMembers === 1 ? 'member' : 'members'} may decide it`;
  }
  return null;
}

/**
 * The lane's outcome from its members' decisions this round, in any order. One request for changes
 * ends the round whatever the approvals (a reviewer's objection is never outvoted); otherwise the lane
 * is approved once `required` members approved, and approved with changes when any of the approvals
 * counted set conditions (the conditions must then be confirmed on the corrected version).
 */
export function laneOutcome(required: number, decisions: readonly ReviewDecision[]): LaneOutcome {
  if (!Number.isSafeInteger(required) || required < 1) throw new RangeError(`a lane needs at least one approval, got ${required}`);
  if (decisions.includes('request_changes')) return 'changes_requested';
  const approvals = decisions.filter((d) => d === 'approve' || d === 'approve_with_changes');
  if (approvals.length < required) return 'pending';
  return approvals.includes('approve_with_changes') ? 'approved_with_changes' : 'approved';
}

/** The approvals that count towards the quorum (an approval with changes is an approval, on conditions). */
export function approvalsIn(decisions: readonly ReviewDecision[]): number {
  return decisions.filter((d) => d === 'approve' || d === 'approve_with_changes').length;
}
