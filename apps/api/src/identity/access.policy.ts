import type { Role } from '@vetted/contracts';

/**
 * Who may do what, in one place. Every route names one of these permissions (or is explicitly
 * public / open to any signed-in user); a route that names none is refused.
 */
export const ACCESS_POLICY = {
  'users.manage': ['admin'],
  'content.read': ['admin', 'editor', 'marketing_reviewer', 'medical_reviewer', 'regulatory_reviewer'],
  'content.write': ['editor'],
  'agenda.write': ['editor'],
  'review.decide': ['marketing_reviewer', 'medical_reviewer', 'regulatory_reviewer'],
  'review.comment': ['editor', 'marketing_reviewer', 'medical_reviewer', 'regulatory_reviewer'],
  'content.withdraw': ['regulatory_reviewer', 'admin'],
  'review.periodic': ['medical_reviewer', 'regulatory_reviewer'],
  'audit.read': ['admin', 'editor', 'marketing_reviewer', 'medical_reviewer', 'regulatory_reviewer'],
  'library.read': ['rep', 'editor', 'admin', 'marketing_reviewer', 'medical_reviewer', 'regulatory_reviewer'],
  'library.share': ['rep'],
  'library.feedback': ['editor', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof ACCESS_POLICY;

export function rolesAllowedTo(permission: Permission): readonly Role[] {
  return ACCESS_POLICY[permission];
}

export function isAllowed(roles: readonly Role[], permission: Permission): boolean {
  const allowed: readonly Role[] = ACCESS_POLICY[permission];
  return roles.some((r) => allowed.includes(r));
}
