import { matchReviewerGroup, type ReviewerGroupScope } from './reviewer-group.policy.js';

const at = (day: number) => new Date(Date.UTC(2026, 0, day));
const group = (id: string, overrides: Partial<ReviewerGroupScope> = {}): ReviewerGroupScope => ({ id, lane: 'medical', products: [], markets: [], createdAt: at(1), ...overrides });

describe('matchReviewerGroup', () => {
  const fallback = group('default');
  const heartFailure = group('hf', { products: ['Cardiva'] });
  const france = group('fr', { markets: ['FR'] });
  const heartFailureInFrance = group('hf-fr', { products: ['Cardiva'], markets: ['FR'] });
  const all = [fallback, heartFailure, france, heartFailureInFrance];

  it('picks the group naming both the product and the market', () => {
    expect(matchReviewerGroup(all, 'medical', { product: 'Cardiva', market: 'FR' })?.id).toBe('hf-fr');
  });

  it('prefers the product group to the market group', () => {
    expect(matchReviewerGroup([fallback, france, heartFailure], 'medical', { product: 'Cardiva', market: 'FR' })?.id).toBe('hf');
  });

  it('uses the market group for another product of that market', () => {
    expect(matchReviewerGroup(all, 'medical', { product: 'Respira', market: 'FR' })?.id).toBe('fr');
  });

  it('falls back to the default group when nothing more specific covers the item', () => {
    expect(matchReviewerGroup(all, 'medical', { product: 'Respira', market: 'US' })?.id).toBe('default');
    expect(matchReviewerGroup(all, 'medical', { product: null, market: null })?.id).toBe('default');
  });

  it('never matches a group naming products to an item that names none', () => {
    expect(matchReviewerGroup([heartFailure, france], 'medical', { product: null, market: 'DE' })).toBeNull();
  });

  it('answers null when the lane has no group that covers the item', () => {
    expect(matchReviewerGroup(all, 'regulatory', { product: 'Cardiva', market: 'FR' })).toBeNull();
  });

  it('breaks ties by the narrower lists, then the older group, whatever the order given', () => {
    const wide = group('wide', { products: ['Cardiva', 'Respira'] });
    const older = group('older', { products: ['Cardiva'], createdAt: at(1) });
    const newer = group('newer', { products: ['Cardiva'], createdAt: at(5) });
    expect(matchReviewerGroup([wide, newer, older], 'medical', { product: 'Cardiva', market: null })?.id).toBe('older');
    expect(matchReviewerGroup([older, newer, wide].reverse(), 'medical', { product: 'Cardiva', market: null })?.id).toBe('older');
  });
});
