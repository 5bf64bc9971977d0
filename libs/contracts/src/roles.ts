import { z } from 'zod';

export const ROLES = [
  'admin',
  'editor',
  'marketing_reviewer',
  'medical_reviewer',
  'regulatory_reviewer',
  'rep',
] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/**
 * Roles whose holders sign regulated decisions. An admin never grants one to their own account:
 * another admin must, so no single person can make themselves an approver.
 */
export const SIGNING_ROLES: readonly Role[] = ['marketing_reviewer', 'medical_reviewer', 'regulatory_reviewer'];
