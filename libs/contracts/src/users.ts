import { z } from 'zod';
import { text } from './input-primitives.js';
import { marketSchema } from './markets.js';
import { roleSchema } from './roles.js';

export const PASSWORD_MIN_LENGTH = 12;

export const createUserRequestSchema = z.object({
  email: z.email().transform((e) => e.toLowerCase()),
  name: text({ min: 1, max: 200 }),
  password: z.string().min(PASSWORD_MIN_LENGTH, `password must be at least ${PASSWORD_MIN_LENGTH} characters`).max(200),
  roles: z.array(roleSchema).min(1, 'a user needs at least one role'),
  /** For reps: the markets whose material they may see (besides market-less material). */
  markets: z.array(marketSchema).max(50).default([]),
});
export type CreateUserRequest = z.input<typeof createUserRequestSchema>;

export const updateUserRequestSchema = z
  .object({
    name: text({ min: 1, max: 200 }).optional(),
    roles: z.array(roleSchema).min(1).optional(),
    active: z.boolean().optional(),
    markets: z.array(marketSchema).max(50).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'nothing to update: send name, roles, active or markets');
export type UpdateUserRequest = z.infer<typeof updateUserRequestSchema>;

export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  roles: z.array(roleSchema),
  active: z.boolean(),
  markets: z.array(z.string()),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;
