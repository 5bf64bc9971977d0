import { z } from 'zod';

export const ROLES = [
  'admin',
  'editor',
  'marketing_reviewer',
  'medical_reviewer',
  'regulatory_reviewer',
  // Signs the final release for distribution where a market requires one (France: the pharmacien responsable).
  'responsible_pharmacist',
  'rep',
  // An outside agency's guest: invited to single items by their owners, never a staff member (see GUEST_ROLE).
  'agency',
] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/**
 * Roles whose holders sign regulated decisions. An admin never grants one to their own account:
 * another admin must, so no single person can make themselves an approver.
 */
export const SIGNING_ROLES: readonly Role[] = ['marketing_reviewer', 'medical_reviewer', 'regulatory_reviewer', 'responsible_pharmacist'];

/** The role of agency guests: created only by an item owner's invitation, never granted by an admin. */
export const GUEST_ROLE = 'agency' satisfies Role;

/** A guest sees the items they are invited to and nothing else. A guest account holds no other role. */
export function isGuest(user: { roles: readonly string[] }): boolean {
  return user.roles.includes(GUEST_ROLE);
}
