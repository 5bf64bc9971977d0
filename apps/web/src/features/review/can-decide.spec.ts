import { canDecide, canEscalate, canSubmitForReview, decidableLanes } from './can-decide';
import { aContentItem, aUser, aVersion, SUBMITTED_V1 } from '../../testing/content-items';

describe('canDecide', () => {
  it('lets a medical reviewer decide the pending medical lane only', () => {
    expect(decidableLanes(aContentItem(), aUser())).toEqual(['medical']);
  });

  it('offers nothing once the lane is decided', () => {
    const item = aContentItem({}, [...SUBMITTED_V1, { type: 'APPROVE', lane: 'medical', versionNumber: 1 }]);
    expect(canDecide(item, aUser(), 'medical')).toBe(false);
  });

  it('offers nothing on items that are not in review', () => {
    expect(canDecide(aContentItem({}, []), aUser(), 'medical')).toBe(false);
  });

  it('never lets the author review their own item', () => {
    expect(canDecide(aContentItem({ ownerId: 'medical-1' }), aUser(), 'medical')).toBe(false);
  });

  it('never lets the uploader of the version under review decide it, whoever owns the item', () => {
    expect(canDecide(aContentItem({ versions: [aVersion({ createdBy: 'medical-1' })] }), aUser(), 'medical')).toBe(false);
  });

  it('skips lanes that are not required (waived by fast track)', () => {
    const item = aContentItem({ requiredLanes: ['medical', 'regulatory'] });
    expect(decidableLanes(item, aUser({ roles: ['marketing_reviewer', 'medical_reviewer'] }))).toEqual(['medical']);
  });

  it('rejects a second lane decision by the same reviewer on the same version', () => {
    const twoHats = aUser({ roles: ['medical_reviewer', 'regulatory_reviewer'] });
    const item = aContentItem({}, [...SUBMITTED_V1, { type: 'APPROVE', lane: 'medical', versionNumber: 1 }]);
    const decisions = [{ lane: 'medical' as const, versionNumber: 1, reviewerId: twoHats.id }];
    expect(canDecide(item, twoHats, 'regulatory', decisions)).toBe(false);
    expect(canDecide(item, twoHats, 'regulatory', [{ ...decisions[0], versionNumber: 0 }])).toBe(true);
  });
});

describe('canSubmitForReview', () => {
  it('needs an editor, a draft and a version', () => {
    const editor = aUser({ id: 'editor-1', roles: ['editor'] });
    expect(canSubmitForReview(aContentItem({}, []), editor)).toBe(true);
    expect(canSubmitForReview(aContentItem({ currentVersion: null }, []), editor)).toBe(false);
    expect(canSubmitForReview(aContentItem({}, []), aUser())).toBe(false);
    expect(canSubmitForReview(aContentItem({}, []), aUser({ id: 'editor-2', roles: ['editor'] }))).toBe(false);
    expect(canSubmitForReview(aContentItem({ coOwnerIds: ['editor-2'] }, []), aUser({ id: 'editor-2', roles: ['editor'] }))).toBe(true);
  });
});

describe('canEscalate', () => {
  const regulatory = aUser({ id: 'regulatory-1', roles: ['regulatory_reviewer'] });

  it('offers escalation to a regulatory reviewer on a fast-tracked round only', () => {
    expect(canEscalate(aContentItem({ requiredLanes: ['regulatory'] }), regulatory)).toBe(true);
    expect(canEscalate(aContentItem({ requiredLanes: ['regulatory'] }), aUser())).toBe(false);
    expect(canEscalate(aContentItem(), regulatory)).toBe(false);
  });

  it('never offers it to the item’s author', () => {
    expect(canEscalate(aContentItem({ requiredLanes: ['regulatory'], ownerId: 'regulatory-1' }), regulatory)).toBe(false);
  });
});
