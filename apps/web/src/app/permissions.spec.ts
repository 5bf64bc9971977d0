import { homePathFor, reviewerLanes } from './permissions';

describe('homePathFor', () => {
  it('sends reps to the Library', () => {
    expect(homePathFor(['rep'])).toBe('/library');
  });
  it('sends reviewers to their inbox', () => {
    expect(homePathFor(['medical_reviewer'])).toBe('/reviews');
  });
  it('sends agency guests to the items shared with them', () => {
    expect(homePathFor(['agency'])).toBe('/shared');
  });
  it('sends editors and admins to the Calendar', () => {
    expect(homePathFor(['editor'])).toBe('/calendar');
    expect(homePathFor(['admin'])).toBe('/calendar');
  });
});

describe('reviewerLanes', () => {
  it('lists the lanes matching reviewer roles only', () => {
    expect(reviewerLanes(['editor', 'regulatory_reviewer', 'marketing_reviewer'])).toEqual(['marketing', 'regulatory']);
  });
});
