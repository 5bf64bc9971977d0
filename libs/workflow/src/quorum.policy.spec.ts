import fc from 'fast-check';
import type { ReviewDecision } from '@vetted/contracts';
import { approvalsIn, laneOutcome, quorumShortfall, requiredApprovals } from './quorum.policy.js';

describe('requiredApprovals', () => {
  it('asks one approval for any, all eligible members for all, and n for n_of_m', () => {
    expect(requiredApprovals({ rule: 'any' }, 5)).toBe(1);
    expect(requiredApprovals({ rule: 'all' }, 3)).toBe(3);
    expect(requiredApprovals({ rule: 'n_of_m', n: 2 }, 3)).toBe(2);
  });
});

describe('quorumShortfall', () => {
  it('refuses a lane nobody may decide', () => {
    expect(quorumShortfall({ rule: 'any' }, 0)).toMatch(/no member may decide/);
    expect(quorumShortfall({ rule: 'all' }, 0)).toMatch(/no member may decide/);
  });

  it('refuses 2 of 3 when only one member may decide (the others wrote the item, say)', () => {
    expect(quorumShortfall({ rule: 'n_of_m', n: 2 }, 1)).toBe('it needs 2 approvals and only 1 member may decide it');
  });

  it('accepts a quorum the eligible members can reach', () => {
    expect(quorumShortfall({ rule: 'n_of_m', n: 2 }, 2)).toBeNull();
    expect(quorumShortfall({ rule: 'all' }, 1)).toBeNull();
  });
});

describe('laneOutcome', () => {
  it('stays pending below the quorum: one approval of 2 of 3', () => {
    expect(laneOutcome(2, ['approve'])).toBe('pending');
    expect(laneOutcome(2, [])).toBe('pending');
  });

  it('approves at the quorum: two approvals of 2 of 3', () => {
    expect(laneOutcome(2, ['approve', 'approve'])).toBe('approved');
  });

  it('approves with changes when an approval counted set conditions', () => {
    expect(laneOutcome(2, ['approve_with_changes', 'approve'])).toBe('approved_with_changes');
    expect(laneOutcome(1, ['approve_with_changes'])).toBe('approved_with_changes');
  });

  it('ends the round at the first request for changes, even after approvals', () => {
    expect(laneOutcome(2, ['approve', 'request_changes'])).toBe('changes_requested');
    expect(laneOutcome(3, ['request_changes'])).toBe('changes_requested');
  });

  it('refuses a lane that needs no approval (nobody would have approved it)', () => {
    expect(() => laneOutcome(0, [])).toThrow(RangeError);
  });

  const decision = fc.constantFrom<ReviewDecision>('approve', 'approve_with_changes', 'request_changes');

  it('does not depend on the order the members decided in', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(decision, { maxLength: 8 }), (required, decisions) => {
        expect(laneOutcome(required, [...decisions].reverse())).toBe(laneOutcome(required, decisions));
      }),
    );
  });

  it('approves only with at least `required` approvals and no request for changes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(decision, { maxLength: 8 }), (required, decisions) => {
        const outcome = laneOutcome(required, decisions);
        if (outcome === 'approved' || outcome === 'approved_with_changes') {
          expect(approvalsIn(decisions)).toBeGreaterThanOrEqual(required);
          expect(decisions).not.toContain('request_changes');
        }
      }),
    );
  });
});
