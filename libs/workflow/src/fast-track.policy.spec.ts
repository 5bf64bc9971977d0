import type { ClaimStatus } from '@vetted/contracts';
import { decideReviewPolicy, type FastTrackSource, type LibraryClaim } from './fast-track.policy.js';

function approvedSource(claimIds: string[], extra: Partial<FastTrackSource> = {}): FastTrackSource {
  return { id: 'item-7', status: 'approved', claimIds, ...extra };
}

function claim(id: string, status: ClaimStatus = 'approved'): LibraryClaim {
  return { id, code: id.toUpperCase(), status };
}

const FULL = ['marketing', 'medical', 'regulatory'];

describe('decideReviewPolicy', () => {
  it('fast-tracks a reuse whose claims are all approved in the library and on the source, naming them', () => {
    expect(decideReviewPolicy({ sourceItem: approvedSource(['c1', 'c2', 'c3', 'c4'], { title: 'Infographie' }), claims: [claim('c1'), claim('c2'), claim('c3')] })).toEqual({
      fastTrack: true,
      requiredLanes: ['regulatory'],
      reason: 'fast-track: reuses approved item “Infographie” (item-7); all 3 claims approved in the library and on the source: C1, C2, C3',
    });
  });

  it('counts a claim named twice once', () => {
    const policy = decideReviewPolicy({ sourceItem: approvedSource(['c1']), claims: [claim('c1'), claim('c1')] });
    expect(policy.reason).toBe('fast-track: reuses approved item item-7; its claim approved in the library and on the source: C1');
  });

  it('fast-tracks a reuse without claims of a source without claims', () => {
    expect(decideReviewPolicy({ sourceItem: approvedSource([]), claims: [] })).toEqual({
      fastTrack: true,
      requiredLanes: ['regulatory'],
      reason: 'fast-track: reuses approved item item-7; neither it nor the source makes a claim',
    });
  });

  it('sends a reuse that drops the source’s claims to full review', () => {
    const policy = decideReviewPolicy({ sourceItem: approvedSource(['c1', 'c2']), claims: [] });
    expect(policy).toMatchObject({ fastTrack: false, requiredLanes: FULL });
    expect(policy.reason).toBe('full review: it makes no claim but source item item-7 makes 2: a reuse that drops claims changes the message');
  });

  it('sends a reuse with claims the source did not make to full review, naming them', () => {
    expect(decideReviewPolicy({ sourceItem: approvedSource(['c1']), claims: [claim('c1'), claim('c2'), claim('c3')] })).toEqual({
      fastTrack: false,
      requiredLanes: FULL,
      reason: 'full review: C2, C3 are not approved on source item item-7',
    });
  });

  it.each(['draft', 'in_review', 'changes_requested', 'withdrawn', 'expired'] as const)('sends a reuse making a claim that is %s in the library to full review', (status) => {
    const policy = decideReviewPolicy({ sourceItem: approvedSource(['c1']), claims: [claim('c1', status)] });
    expect(policy.fastTrack).toBe(false);
    expect(policy.reason).toBe(`full review: C1 is ${status.replace('_', ' ')} in the claims library`);
  });

  it.each(['draft', 'in_review', 'changes_requested', 'expired', 'withdrawn', 'suspended'] as const)('sends content reusing a source in %s to full review', (status) => {
    const policy = decideReviewPolicy({ sourceItem: { id: 'item-9', status, claimIds: ['c1'] }, claims: [claim('c1')] });
    expect(policy).toMatchObject({ fastTrack: false, requiredLanes: FULL, reason: `full review: source item item-9 is ${status}, not approved` });
  });

  it('sends a reuse of an approved source past its expiry date to full review', () => {
    expect(decideReviewPolicy({ sourceItem: approvedSource(['c1'], { expired: true }), claims: [claim('c1')] }).reason).toBe('full review: source item item-7 is past its expiry date');
  });

  it('keeps an escalated item on full review whatever its source', () => {
    expect(decideReviewPolicy({ sourceItem: approvedSource([]), claims: [], escalation: { reason: 'the layout is new' } })).toEqual({
      fastTrack: false,
      requiredLanes: FULL,
      reason: 'full review: escalated by regulatory: the layout is new',
    });
  });

  it('sends new content to full review', () => {
    expect(decideReviewPolicy({ sourceItem: null, claims: [claim('c1')] })).toEqual({ fastTrack: false, requiredLanes: FULL, reason: 'full review: new content, no approved source item' });
  });

  it('returns lane lists the caller may change without touching the policy', () => {
    decideReviewPolicy({ sourceItem: approvedSource([]), claims: [] }).requiredLanes.push('medical');
    expect(decideReviewPolicy({ sourceItem: approvedSource([]), claims: [] }).requiredLanes).toEqual(['regulatory']);
  });
});
