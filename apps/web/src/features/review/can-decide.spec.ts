import type { LaneMember } from '@vetted/contracts';
import { canAddVersion, canDecide, canEscalate, canSubmitForReview, decidableLanes, laneTaskFor } from './can-decide';
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

describe('canDecide with a reviewer group', () => {
  const member = (id: string, overrides: Partial<LaneMember> = {}): LaneMember => ({
    id,
    name: `Dr ${id}`,
    taskId: `00000000-0000-4000-8000-0000000000${id.length}${id.charCodeAt(0) % 10}`,
    taskStatus: 'open',
    decision: null,
    decidedAt: null,
    decidedBy: null,
    closedReason: null,
    coveredBy: null,
    ...overrides,
  });
  const grouped = (members: LaneMember[]) =>
    aContentItem({ laneProgress: { medical: { approvals: 0, required: 2, rule: 'n_of_m', groupId: '00000000-0000-4000-8000-0000000000c1', groupName: 'Cardiologie', members } } });

  it('offers the lane to its members only', () => {
    expect(canDecide(grouped([member('medical-1'), member('m2')]), aUser(), 'medical')).toBe(true);
    expect(canDecide(grouped([member('m2'), member('m3')]), aUser(), 'medical')).toBe(false);
  });

  it('offers the task of an absent member to the colleague covering for them, saying whose it is', () => {
    const item = grouped([member('m2', { coveredBy: { id: 'medical-1', name: 'Dr Medical' } }), member('m3')]);
    expect(canDecide(item, aUser(), 'medical')).toBe(true);
    expect(laneTaskFor(item, aUser(), 'medical')).toMatchObject({ kind: 'covering', member: { id: 'm2' } });
  });

  it('offers nothing more to a member who signed, or signed for someone else, in the lane', () => {
    expect(canDecide(grouped([member('medical-1', { taskStatus: 'done', decision: 'approve' }), member('m2')]), aUser(), 'medical')).toBe(false);
    const signedForM2 = member('m2', { taskStatus: 'done', decision: 'approve', decidedBy: { id: 'medical-1', name: 'Dr Medical' } });
    expect(canDecide(grouped([signedForM2, member('m3', { coveredBy: { id: 'medical-1', name: 'Dr Medical' } })]), aUser(), 'medical')).toBe(false);
  });

  it('keeps a lane no group staffs open to everyone with the role', () => {
    const item = aContentItem({ laneProgress: { medical: { approvals: 0, required: 1, rule: 'any', groupId: null, groupName: null, members: [member('m2')] } } });
    expect(canDecide(item, aUser(), 'medical')).toBe(true);
  });
});

describe('canAddVersion', () => {
  it('lets an agency guest upload to the item they are invited to, not to others', () => {
    const draft = aContentItem({}, []);
    expect(canAddVersion(draft, aUser({ id: 'guest-1', roles: ['agency'], guestItemIds: [draft.id] }))).toBe(true);
    expect(canAddVersion(draft, aUser({ id: 'guest-1', roles: ['agency'], guestItemIds: [] }))).toBe(false);
  });
});
