// What the signed-in user's roles let the web show. Mirrors the API's access policy; the API
// still decides, these only avoid offering what would be refused.
import { GUEST_ROLE, LANE_ROLE, REVIEW_LANES, type ReviewLane, type Role } from '@vetted/contracts';

const CONTENT_READERS: readonly Role[] = ['admin', 'editor', 'marketing_reviewer', 'medical_reviewer', 'regulatory_reviewer'];

export function canReadContent(roles: readonly Role[]): boolean {
  return roles.some((r) => CONTENT_READERS.includes(r));
}

export function canWriteContent(roles: readonly Role[]): boolean {
  return roles.includes('editor');
}

/** Editors, reviewers and invited agency guests discuss versions in comment threads. */
export function canComment(roles: readonly Role[]): boolean {
  return roles.includes('editor') || roles.includes(GUEST_ROLE) || reviewerLanes(roles).length > 0;
}

/** An agency guest sees only the items they are invited to. */
export function isGuestRole(roles: readonly Role[]): boolean {
  return roles.includes(GUEST_ROLE);
}

/** The analytics dashboard: the editorial committee (editors) and admins. */
export function canReadDashboard(roles: readonly Role[]): boolean {
  return roles.includes('editor') || roles.includes('admin');
}

/** The auditor's package of an item (mirrors audit.package): admins and regulatory reviewers. */
export function canExportAuditPackage(roles: readonly Role[]): boolean {
  return roles.includes('admin') || roles.includes('regulatory_reviewer');
}

/** The Form FDA 2253 package of approved US material (mirrors filings.fda2253): admins and regulatory reviewers. */
export function canFileFda2253(roles: readonly Role[]): boolean {
  return canExportAuditPackage(roles);
}

export function isAdmin(roles: readonly Role[]): boolean {
  return roles.includes('admin');
}

/** The review lanes this user decides, from their reviewer roles. */
export function reviewerLanes(roles: readonly Role[]): ReviewLane[] {
  return REVIEW_LANES.filter((lane) => roles.includes(LANE_ROLE[lane]));
}

/** Where a user lands after signing in: reps in the Library, reviewers in their inbox, guests on their items, others in the Calendar. */
export function homePathFor(roles: readonly Role[]): string {
  if (isGuestRole(roles)) return '/shared';
  if (reviewerLanes(roles).length > 0) return '/reviews';
  if (canReadContent(roles)) return '/calendar';
  return '/library';
}
