import { canExportAuditPackage, canReadDashboard, homePathFor, reviewerLanes } from './permissions';

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

describe('the dashboard and the auditor’s package (mirroring analytics.read and audit.package)', () => {
  it('offers the dashboard to editors and admins only', () => {
    expect(['editor', 'admin', 'rep', 'medical_reviewer', 'regulatory_reviewer', 'agency'].filter((r) => canReadDashboard([r as never]))).toEqual(['editor', 'admin']);
  });
  it('offers the auditor’s package to admins and regulatory reviewers only', () => {
    expect(['editor', 'admin', 'rep', 'medical_reviewer', 'regulatory_reviewer', 'agency'].filter((r) => canExportAuditPackage([r as never]))).toEqual(['admin', 'regulatory_reviewer']);
  });
});
