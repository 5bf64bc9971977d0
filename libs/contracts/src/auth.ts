import { z } from 'zod';
import { roleSchema } from './roles.js';
import { PASSWORD_MIN_LENGTH } from './users.js';

export const loginRequestSchema = z.object({
  email: z.email().transform((e) => e.toLowerCase()),
  password: z.string().min(1, 'password is required').max(1000, 'password: at most 1000 characters'),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const sessionUserSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  roles: z.array(roleSchema),
  /** For reps: the markets whose material they see (read with the session, so the library needs no extra query). */
  markets: z.array(z.string()).optional(),
  /** For agency guests: the items they are invited to now (accepted, not revoked, not expired). */
  guestItemIds: z.array(z.uuid()).optional(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const loginResponseSchema = z.object({ accessToken: z.string(), user: sessionUserSchema });
export type LoginResponse = z.infer<typeof loginResponseSchema>;

/** Re-entering the password is what makes an action an electronic signature (21 CFR 11.200). */
export const signatureFieldsSchema = z.object({ password: z.string().min(1, 'password is required to sign') });

/** A guest's one-time invitation link carries this token; they choose their password with it. */
export const acceptInviteRequestSchema = z.object({
  token: z.string().min(1, 'token is required').max(200),
  password: z.string().min(PASSWORD_MIN_LENGTH, `password must be at least ${PASSWORD_MIN_LENGTH} characters`).max(200),
});
export type AcceptInviteRequest = z.infer<typeof acceptInviteRequestSchema>;

export const acceptInviteResponseSchema = z.object({ email: z.string() });
export type AcceptInviteResponse = z.infer<typeof acceptInviteResponseSchema>;
