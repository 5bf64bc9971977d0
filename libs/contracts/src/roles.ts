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
