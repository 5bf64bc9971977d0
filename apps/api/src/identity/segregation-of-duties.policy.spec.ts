import { segregationOfDutiesViolation } from './segregation-of-duties.policy.js';

describe('segregation of duties', () => {
  it('refuses a review by the item author', () => {
    expect(segregationOfDutiesViolation({ reviewerId: 'a', authorId: 'a', lane: 'medical', decisionsOnThisVersion: [] })).toMatch(/author/);
  });

  it('refuses a second lane decided by the same person on the same version', () => {
    const reason = segregationOfDutiesViolation({
      reviewerId: 'r',
      authorId: 'a',
      lane: 'regulatory',
      decisionsOnThisVersion: [{ lane: 'medical', reviewerId: 'r' }],
    });
    expect(reason).toMatch(/already decided the medical lane/);
  });

  it('allows a reviewer whose only other decision is by someone else', () => {
    expect(
      segregationOfDutiesViolation({ reviewerId: 'r', authorId: 'a', lane: 'regulatory', decisionsOnThisVersion: [{ lane: 'medical', reviewerId: 'x' }] }),
    ).toBeNull();
  });
});
