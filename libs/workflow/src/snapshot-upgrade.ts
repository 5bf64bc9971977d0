// Stored reviews outlive the machine that wrote them: each persisted snapshot carries the machine
// version, and a snapshot from an older machine is brought up to date here before it is restored.
import type { PersistedReviewSnapshot } from './review-actor.js';
import { REVIEW_MACHINE_VERSION } from './review.machine.js';

/** One step: turns a snapshot written by machine version `from` into one machine `from + 1` restores. */
type UpgradeStep = (snapshot: PersistedReviewSnapshot) => PersistedReviewSnapshot;

interface StoredSnapshot {
  value: unknown;
  context: Record<string, unknown>;
}

/** Keyed by the version a step upgrades from; a machine change that alters states or context adds one. */
export const SNAPSHOT_UPGRADES: Readonly<Record<number, UpgradeStep>> = {
  // Version 2 added approval with changes (confirmLanes) and revisions (servingVersion): an item
  // approved under version 1 serves the version it approved; nothing was awaiting confirmation.
  1: (snapshot) => {
    const stored = snapshot as unknown as StoredSnapshot;
    const approved = stored.value === 'approved';
    const { versionNumber = null, requiredLanes, lanes } = stored.context;
    const servedRound = approved ? { requiredLanes, lanes } : null;
    return {
      ...stored,
      context: { ...stored.context, confirmLanes: [], servingVersion: approved ? versionNumber : null, servedRound, lastSubmitted: versionNumber },
    } as unknown as PersistedReviewSnapshot;
  },
  // Version 3 added suspension and escalation: no round stored under version 2 was halted by the system.
  2: (snapshot) => {
    const stored = snapshot as unknown as StoredSnapshot;
    return { ...stored, context: { ...stored.context, roundHalted: false } } as unknown as PersistedReviewSnapshot;
  },
  // Version 4 added the final release a market may require: nothing stored under version 3 waits for one.
  3: (snapshot) => {
    const stored = snapshot as unknown as StoredSnapshot;
    return { ...stored, context: { ...stored.context, releaseRequired: false } } as unknown as PersistedReviewSnapshot;
  },
};

export class UnknownMachineVersionError extends Error {
  constructor(readonly storedVersion: number) {
    super(
      storedVersion > REVIEW_MACHINE_VERSION
        ? `review snapshot written by machine version ${storedVersion}, newer than this code (${REVIEW_MACHINE_VERSION}): run the newer release`
        : `review snapshot of machine version ${storedVersion} has no upgrade path to version ${REVIEW_MACHINE_VERSION}`,
    );
  }
}

/**
 * The snapshot as the current machine must see it. Pure: the caller stores the result (with
 * REVIEW_MACHINE_VERSION) at its next write. Refuses versions it cannot read rather than guess.
 */
export function upgradeReviewSnapshot(
  snapshot: PersistedReviewSnapshot,
  storedVersion: number,
  upgrades: Readonly<Record<number, UpgradeStep>> = SNAPSHOT_UPGRADES,
  currentVersion: number = REVIEW_MACHINE_VERSION,
): PersistedReviewSnapshot {
  if (!Number.isInteger(storedVersion) || storedVersion < 1 || storedVersion > currentVersion) throw new UnknownMachineVersionError(storedVersion);
  let upgraded = snapshot;
  for (let version = storedVersion; version < currentVersion; version++) {
    const step = upgrades[version];
    if (!step) throw new UnknownMachineVersionError(storedVersion);
    upgraded = step(upgraded);
  }
  return upgraded;
}
