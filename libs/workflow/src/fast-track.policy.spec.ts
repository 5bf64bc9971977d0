import { decideReviewPolicy, type FastTrackSource } from './fast-track.policy.js';

function approvedSource(approvedClaimIds: string[]): FastTrackSource {
  return { id: 'item-7', status: 'approved', approvedClaimIds };
}

describe('decideReviewPolicy', () => {
  it('fast-tracks reused content whose claims were all approved in the source', () => {
    expect(decideReviewPolicy({ sourceItem: approvedSource(['c1', 'c2', 'c3', 'c4']), claimIds: ['c1', 'c2', 'c3'] })).toEqual({
      fastTrack: true,
      requiredLanes: ['regulatory'],
      reason: 'fast-track: reuses approved item item-7; all 3 claims already approved',
    });
  });

  it('counts a claim named twice once', () => {
    const policy = decideReviewPolicy({ sourceItem: approvedSource(['c1']), claimIds: ['c1', 'c1'] });
    expect(policy.reason).toBe('fast-track: reuses approved item item-7; its 1 claim already approved');
  });

  it('fast-tracks reused content that makes no claims', () => {
    expect(decideReviewPolicy({ sourceItem: approvedSource([]), claimIds: [] })).toEqual({
      fastTrack: true,
      requiredLanes: ['regulatory'],
      reason: 'fast-track: reuses approved item item-7; it makes no claims',
    });
  });

  it('sends content with claims not approved in the source to full review, naming them', () => {
    expect(decideReviewPolicy({ sourceItem: approvedSource(['c1']), claimIds: ['c1', 'c2', 'c3'] })).toEqual({
      fastTrack: false,
      requiredLanes: ['marketing', 'medical', 'regulatory'],
      reason: 'full review: 2 claims not approved in source item item-7: c2, c3',
    });
  });

  it.each(['draft', 'in_review', 'changes_requested', 'expired', 'withdrawn'] as const)(
    'sends content reusing a source in %s to full review',
    (status) => {
      const policy = decideReviewPolicy({ sourceItem: { id: 'item-9', status, approvedClaimIds: ['c1'] }, claimIds: ['c1'] });
      expect(policy.fastTrack).toBe(false);
      expect(policy.requiredLanes).toEqual(['marketing', 'medical', 'regulatory']);
      expect(policy.reason).toBe(`full review: source item item-9 is ${status}, not approved`);
    },
  );

  it('sends new content to full review', () => {
    expect(decideReviewPolicy({ sourceItem: null, claimIds: [] })).toEqual({
      fastTrack: false,
      requiredLanes: ['marketing', 'medical', 'regulatory'],
      reason: 'full review: new content, no approved source item',
    });
  });

  it('returns lane lists the caller may change without touching the policy', () => {
    decideReviewPolicy({ sourceItem: approvedSource([]), claimIds: [] }).requiredLanes.push('medical');
    expect(decideReviewPolicy({ sourceItem: approvedSource([]), claimIds: [] }).requiredLanes).toEqual(['regulatory']);
  });
});
