import type { Role, TokenScope } from '@vetted/contracts';

/**
 * Who may do what, in one place. Every route names one of these permissions (or is explicitly
 * public / open to any signed-in user); a route that names none is refused.
 */
export const ACCESS_POLICY = {
  'users.manage': ['admin'],
  'content.read': ['admin', 'editor', 'marketing_reviewer', 'medical_reviewer', 'regulatory_reviewer', 'responsible_pharmacist'],
  // One item's page, files, decisions and discussion: staff, and agency guests on the items they are invited to (the guard checks which).
  'item.read': ['admin', 'editor', 'marketing_reviewer', 'medical_reviewer', 'regulatory_reviewer', 'responsible_pharmacist', 'agency'],
  'content.write': ['editor'],
  // New versions: the item's owners, and its invited agency guests.
  'content.upload': ['editor', 'agency'],
  'agenda.write': ['editor'],
  // The lists of channels and audience segments (and their weekly caps) items are planned with: admins keep them, staff read them.
  'lists.manage': ['admin'],
  'review.decide': ['marketing_reviewer', 'medical_reviewer', 'regulatory_reviewer'],
  'review.comment': ['editor', 'marketing_reviewer', 'medical_reviewer', 'regulatory_reviewer', 'agency'],
  // Reviewer groups (who staffs each lane, with which quorum) shape who signs: admins only.
  'review.groups': ['admin'],
  'content.withdraw': ['regulatory_reviewer', 'admin'],
  'review.periodic': ['medical_reviewer', 'regulatory_reviewer'],
  // The whole trail: it holds every user's e-mail, roles and sign-in address, so admins only.
  'audit.read': ['admin'],
  // One item's whole evidence (files, signatures, audit events) for an inspection: admins and regulatory.
  'audit.package': ['admin', 'regulatory_reviewer'],
  // Regulatory filings of approved material (the Form FDA 2253 package of US items).
  'filings.fda2253': ['admin', 'regulatory_reviewer'],
  // The dashboard of review and field trends: the editorial committee and admins.
  'analytics.read': ['editor', 'admin'],
  'library.read': ['rep', 'editor', 'admin', 'marketing_reviewer', 'medical_reviewer', 'regulatory_reviewer', 'responsible_pharmacist'],
  'library.share': ['rep'],
  'library.feedback': ['editor', 'admin'],
  // The claims library: staff read it (reps never: they get approved material, not its substantiation).
  'claims.read': ['admin', 'editor', 'marketing_reviewer', 'medical_reviewer', 'regulatory_reviewer'],
  'claims.write': ['editor'],
  'claims.review': ['medical_reviewer', 'regulatory_reviewer'],
  'claims.withdraw': ['medical_reviewer', 'regulatory_reviewer', 'admin'],
  // Only regulatory sends a fast-tracked item to full review: it is the one lane that reviewed it.
  'review.escalate': ['regulatory_reviewer'],
  // The final release for distribution a market requires after MLR approval (France: the pharmacien responsable).
  'review.release': ['responsible_pharmacist'],
  // Personal access tokens and webhooks: credentials and outbound calls for CRM/CLM integrations.
  'integrations.manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof ACCESS_POLICY;

/**
 * Refusals a guest is told about (403) on an item they are invited to: the item is theirs to see, the
 * act is not theirs to do. Any other refusal of a guest is a 404, so nothing else is known to exist.
 */
export const DECISION_PERMISSIONS: readonly Permission[] = ['review.decide', 'review.periodic', 'review.escalate', 'review.release', 'content.withdraw'];

export function rolesAllowedTo(permission: Permission): readonly Role[] {
  return ACCESS_POLICY[permission];
}

export function isAllowed(roles: readonly Role[], permission: Permission): boolean {
  const allowed: readonly Role[] = ACCESS_POLICY[permission];
  return roles.some((r) => allowed.includes(r));
}

/**
 * What a personal access token's scopes open: these permissions and nothing else (not even routes open
 * to any signed-in user). The scope is the authority here, granted by an admin; the token acts as that
 * admin, so it sees the library without a rep's market limit.
 */
export const TOKEN_SCOPE_PERMISSIONS: Readonly<Record<TokenScope, readonly Permission[]>> = {
  'library:read': ['library.read'],
  'shares:write': ['library.share'],
};

/** The scope that would open `permission` to a token, if any does. */
export function scopeFor(permission: Permission): TokenScope | undefined {
  return (Object.keys(TOKEN_SCOPE_PERMISSIONS) as TokenScope[]).find((scope) => TOKEN_SCOPE_PERMISSIONS[scope].includes(permission));
}

/**
 * An entity's own trail is readable by whoever may see the entity; anything else (the whole trail, user
 * events, an entity type not listed here) needs `audit.read`.
 */
const ENTITY_TRAIL_READERS: Readonly<Record<string, Permission>> = {
  content_item: 'content.read',
  agenda_event: 'content.read',
};

export function mayReadTrail(roles: readonly Role[], filter: { entity?: string; entityId?: string }): boolean {
  if (isAllowed(roles, 'audit.read')) return true;
  const permission = filter.entity !== undefined && filter.entityId !== undefined ? ENTITY_TRAIL_READERS[filter.entity] : undefined;
  return permission !== undefined && isAllowed(roles, permission);
}
