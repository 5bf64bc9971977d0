import type { ReviewPolicy } from './fast-track.policy.js';
import { guardFastTrack } from './text-check-guard.policy.js';

const fastTrack: ReviewPolicy = { fastTrack: true, requiredLanes: ['regulatory'], reason: 'fast-track: reuses approved item x; its claim approved in the library and on the source: HF-001' };
const hf001 = { claimId: 'c1', code: 'HF-001', text: 'Cardiovel réduit de 21 % le risque', where: 'page 1' };

describe('guardFastTrack', () => {
  it('keeps the fast track when the file makes only its declared claims', () => {
    const result = guardFastTrack({ policy: fastTrack, versionNumber: 2, declaredClaimIds: ['c1'], check: { status: 'done', claims: [hf001], unsupported: [] } });
    expect(result).toEqual({ decided: true, policy: fastTrack });
  });

  it('sends to full review a file making a claim the item does not declare, quoting it', () => {
    const result = guardFastTrack({ policy: fastTrack, versionNumber: 2, declaredClaimIds: [], check: { status: 'done', claims: [hf001], unsupported: [] } });
    expect(result).toEqual({
      decided: true,
      policy: { fastTrack: false, requiredLanes: ['marketing', 'medical', 'regulatory'], reason: 'full review: version 2 says “Cardiovel réduit de 21 % le risque” (page 1) makes claim HF-001, which the item does not declare' },
    });
  });

  it('sends to full review a file with an unsupported statement, quoting it and where it is', () => {
    const result = guardFastTrack({ policy: fastTrack, versionNumber: 1, declaredClaimIds: ['c1'], check: { status: 'done', claims: [hf001], unsupported: [{ text: '37 % de crises en moins.', where: 'box at 5% across, 60% down' }] } });
    expect(result.decided && result.policy.fastTrack).toBe(false);
    expect(result.decided && result.policy.reason).toBe('full review: version 1 says “37 % de crises en moins.” (box at 5% across, 60% down) is supported by no approved claim');
  });

  it('waits for a check still running, and reviews in full a file that could not be read', () => {
    expect(guardFastTrack({ policy: fastTrack, versionNumber: 1, declaredClaimIds: [], check: { status: 'pending' } })).toEqual({ decided: false });
    const failed = guardFastTrack({ policy: fastTrack, versionNumber: 1, declaredClaimIds: [], check: { status: 'failed', reason: 'broken PDF' } });
    expect(failed.decided && failed.policy.requiredLanes).toEqual(['marketing', 'medical', 'regulatory']);
    expect(failed.decided && failed.policy.reason).toContain('broken PDF');
  });

  it('leaves a full review as it is, whatever the check says', () => {
    const full: ReviewPolicy = { fastTrack: false, requiredLanes: ['marketing', 'medical', 'regulatory'], reason: 'full review: new content' };
    expect(guardFastTrack({ policy: full, versionNumber: 1, declaredClaimIds: [], check: { status: 'pending' } })).toEqual({ decided: true, policy: full });
  });
});
