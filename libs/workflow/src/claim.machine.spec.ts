import { applyClaimEvent, type ClaimEvent, type PersistedClaimSnapshot } from './claim.machine.js';

function run(events: ClaimEvent[]) {
  let stored: PersistedClaimSnapshot | null = null;
  let last = applyClaimEvent(null, { type: 'EXPIRE' });
  const accepted: boolean[] = [];
  for (const event of events) {
    last = applyClaimEvent(stored, event);
    accepted.push(last.accepted);
    stored = JSON.parse(JSON.stringify(last.snapshot)) as PersistedClaimSnapshot;
  }
  return { ...last, accepted };
}

describe('claim machine', () => {
  it('starts as a draft that cannot expire', () => {
    expect(run([{ type: 'EXPIRE' }])).toMatchObject({ status: 'draft', accepted: [false], lanes: { medical: 'not_started', regulatory: 'not_started' } });
  });

  it('is approved once medical and regulatory both approve, in either order', () => {
    for (const [first, second] of [['medical', 'regulatory'], ['regulatory', 'medical']] as const) {
      const result = run([{ type: 'SUBMIT' }, { type: 'APPROVE', lane: first }, { type: 'APPROVE', lane: second }]);
      expect(result).toMatchObject({ status: 'approved', accepted: [true, true, true], lanes: { medical: 'approved', regulatory: 'approved' } });
    }
  });

  it('stays in review after one approval and refuses a second approval of the same lane', () => {
    const result = run([{ type: 'SUBMIT' }, { type: 'APPROVE', lane: 'medical' }, { type: 'APPROVE', lane: 'medical' }]);
    expect(result).toMatchObject({ status: 'in_review', accepted: [true, true, false], lanes: { medical: 'approved', regulatory: 'pending' } });
  });

  it('goes back to its author on one request for changes, ending the other lane, and is reviewed afresh on resubmission', () => {
    const halted = run([{ type: 'SUBMIT' }, { type: 'REQUEST_CHANGES', lane: 'regulatory' }]);
    expect(halted).toMatchObject({ status: 'changes_requested', lanes: { medical: 'not_started', regulatory: 'changes_requested' } });
    const again = run([{ type: 'SUBMIT' }, { type: 'REQUEST_CHANGES', lane: 'regulatory' }, { type: 'SUBMIT' }]);
    expect(again).toMatchObject({ status: 'in_review', lanes: { medical: 'pending', regulatory: 'pending' } });
  });

  it('leaves the library for good when withdrawn or expired', () => {
    const approved: ClaimEvent[] = [{ type: 'SUBMIT' }, { type: 'APPROVE', lane: 'medical' }, { type: 'APPROVE', lane: 'regulatory' }];
    expect(run([...approved, { type: 'WITHDRAW' }, { type: 'SUBMIT' }])).toMatchObject({ status: 'withdrawn', accepted: [true, true, true, true, false] });
    expect(run([...approved, { type: 'EXPIRE' }, { type: 'WITHDRAW' }])).toMatchObject({ status: 'expired', accepted: [true, true, true, true, false] });
  });

  it('refuses a decision on a claim that is not in review', () => {
    expect(run([{ type: 'APPROVE', lane: 'medical' }, { type: 'REQUEST_CHANGES', lane: 'regulatory' }])).toMatchObject({ status: 'draft', accepted: [false, false] });
  });
});
