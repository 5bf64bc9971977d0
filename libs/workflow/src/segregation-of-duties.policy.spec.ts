import { segregationOfDutiesViolation, type SegregationOfDutiesInput } from './segregation-of-duties.policy.js';

const base: SegregationOfDutiesInput = { reviewerId: 'r', authorId: 'a', uploaderId: 'a', lane: 'medical', decisionsOnThisVersion: [] };

describe('segregation of duties', () => {
  it('refuses a review by the item author', () => {
    expect(segregationOfDutiesViolation({ ...base, reviewerId: 'a' })).toMatch(/author/);
  });

  it('refuses a review by the uploader of the version, even when someone else owns the item', () => {
    expect(segregationOfDutiesViolation({ ...base, uploaderId: 'r' })).toMatch(/uploaded this version/);
  });

  it('refuses a second lane decided by the same person on the same version', () => {
    const reason = segregationOfDutiesViolation({ ...base, lane: 'regulatory', decisionsOnThisVersion: [{ lane: 'medical', reviewerId: 'r' }] });
    expect(reason).toMatch(/already decided the medical lane/);
  });

  it('allows the same person to decide the same lane again (a later round) and a reviewer whose only other decision is by someone else', () => {
    expect(segregationOfDutiesViolation({ ...base, decisionsOnThisVersion: [{ lane: 'medical', reviewerId: 'r' }] })).toBeNull();
    expect(segregationOfDutiesViolation({ ...base, lane: 'regulatory', decisionsOnThisVersion: [{ lane: 'medical', reviewerId: 'x' }] })).toBeNull();
  });
});
