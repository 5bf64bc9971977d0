import { describeChange } from './audit-change';

describe('describeChange', () => {
  it('lists only the fields that changed', () => {
    expect(describeChange({ status: 'draft', title: 'A' }, { status: 'in_review', title: 'A' })).toEqual([{ field: 'status', before: 'draft', after: 'in_review' }]);
  });

  it('shows created fields against an empty before', () => {
    expect(describeChange(null, { lanes: ['medical'] })).toEqual([{ field: 'lanes', before: '—', after: '["medical"]' }]);
  });
});
