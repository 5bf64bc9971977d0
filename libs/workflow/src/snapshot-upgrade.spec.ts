import { REVIEW_LANES } from '@vetted/contracts';
import { restoreReview, startReview } from './review-actor.js';
import { reviewInvariantViolations } from './review-invariants.js';
import { itemStatusOf } from './review-snapshot.js';
import { REVIEW_MACHINE_VERSION } from './review.machine.js';
import { UnknownMachineVersionError, upgradeReviewSnapshot } from './snapshot-upgrade.js';

function aStoredSnapshot() {
  const actor = startReview({ requiredLanes: [...REVIEW_LANES] });
  const snapshot = actor.getPersistedSnapshot();
  actor.stop();
  return snapshot;
}

describe('upgradeReviewSnapshot', () => {
  it('returns a snapshot of the current machine unchanged', () => {
    const snapshot = aStoredSnapshot();
    expect(upgradeReviewSnapshot(snapshot, REVIEW_MACHINE_VERSION)).toBe(snapshot);
  });

  it('upgrades a version-1 snapshot: an approved item serves the version it approved, and nothing awaits confirmation', () => {
    const v1Approved = {
      status: 'active',
      value: 'approved',
      historyValue: {},
      context: { requiredLanes: ['regulatory'], versionNumber: 3, lanes: { marketing: 'waived', medical: 'waived', regulatory: 'approved' } },
      children: {},
    };
    const upgraded = upgradeReviewSnapshot(v1Approved as never, 1);
    const restored = restoreReview(upgraded).getSnapshot();
    expect(restored.context).toEqual({
      ...v1Approved.context,
      confirmLanes: [],
      servingVersion: 3,
      servedRound: { requiredLanes: v1Approved.context.requiredLanes, lanes: v1Approved.context.lanes },
      lastSubmitted: 3,
      roundHalted: false,
      releaseRequired: false,
    });
    expect(itemStatusOf(restored)).toBe('approved');
    expect(restored.can({ type: 'SUBMIT', versionNumber: 4 })).toBe(true);
    expect(reviewInvariantViolations(restored)).toEqual([]);
    const v1Draft = { ...v1Approved, value: 'draft', context: { ...v1Approved.context, versionNumber: null, lanes: { marketing: 'not_started', medical: 'not_started', regulatory: 'not_started' } } };
    expect((upgradeReviewSnapshot(v1Draft as never, 1) as unknown as { context: { servingVersion: unknown } }).context.servingVersion).toBeNull();
  });

  it('upgrades a version-2 snapshot: no stored round was halted by the system', () => {
    const v2ChangesRequested = {
      status: 'active',
      value: 'changes_requested',
      historyValue: {},
      context: {
        requiredLanes: ['marketing', 'medical', 'regulatory'],
        versionNumber: 1,
        lanes: { marketing: 'approved', medical: 'changes_requested', regulatory: 'not_started' },
        confirmLanes: [],
        servingVersion: null,
        servedRound: null,
        lastSubmitted: 1,
      },
      children: {},
    };
    const restored = restoreReview(upgradeReviewSnapshot(v2ChangesRequested as never, 2)).getSnapshot();
    expect(restored.context.roundHalted).toBe(false);
    expect(reviewInvariantViolations(restored)).toEqual([]);
    expect(restored.can({ type: 'SUBMIT', versionNumber: 2 })).toBe(true);
  });

  it('upgrades a version-3 snapshot: an approved item stored before release policies waits for no release', () => {
    const lanes = { marketing: 'approved', medical: 'approved', regulatory: 'approved' };
    const v3Approved = {
      status: 'active',
      value: 'approved',
      historyValue: {},
      context: { requiredLanes: ['marketing', 'medical', 'regulatory'], versionNumber: 2, lanes, confirmLanes: [], servingVersion: 2, servedRound: { requiredLanes: ['marketing', 'medical', 'regulatory'], lanes }, lastSubmitted: 2, roundHalted: false },
      children: {},
    };
    const restored = restoreReview(upgradeReviewSnapshot(v3Approved as never, 3)).getSnapshot();
    expect(restored.context.releaseRequired).toBe(false);
    expect(reviewInvariantViolations(restored)).toEqual([]);
    expect(restored.can({ type: 'RELEASE' })).toBe(false);
  });

  it('refuses a snapshot from a newer machine, and versions that never existed', () => {
    for (const version of [REVIEW_MACHINE_VERSION + 1, 0, -1, 1.5]) {
      expect(() => upgradeReviewSnapshot(aStoredSnapshot(), version)).toThrow(UnknownMachineVersionError);
    }
  });

  it('applies each step in order from the stored version to the current one', () => {
    const tag = (name: string) => (s: object) => ({ ...s, steps: [...((s as { steps?: string[] }).steps ?? []), name] }) as never;
    const upgraded = upgradeReviewSnapshot(aStoredSnapshot(), 1, { 1: tag('1→2'), 2: tag('2→3') }, 3) as unknown as { steps: string[] };
    expect(upgraded.steps).toEqual(['1→2', '2→3']);
    expect(() => upgradeReviewSnapshot(aStoredSnapshot(), 1, { 2: tag('2→3') }, 3)).toThrow(/no upgrade path/);
  });
});
