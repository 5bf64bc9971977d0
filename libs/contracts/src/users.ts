import { z } from 'zod';
import { instant, text } from './input-primitives.js';
import { marketSchema } from './markets.js';
import { GUEST_ROLE, roleSchema } from './roles.js';

export const PASSWORD_MIN_LENGTH = 12;

/** Staff roles only: agency guests come from an item owner's invitation, never from the user admin. */
const staffRoles = (min: number, minMessage?: string) =>
  z
    .array(roleSchema)
    .min(min, minMessage)
    .refine((roles) => !roles.includes(GUEST_ROLE), `${GUEST_ROLE} is not granted here: an item's owner invites agency guests from the item`);

export const createUserRequestSchema = z.object({
  email: z.email().transform((e) => e.toLowerCase()),
  name: text({ min: 1, max: 200 }),
  password: z.string().min(PASSWORD_MIN_LENGTH, `password must be at least ${PASSWORD_MIN_LENGTH} characters`).max(200),
  roles: staffRoles(1, 'a user needs at least one role'),
  /** For reps: the markets whose material they may see (besides market-less material). */
  markets: z.array(marketSchema).max(50).default([]),
});
export type CreateUserRequest = z.input<typeof createUserRequestSchema>;

export const updateUserRequestSchema = z
  .object({
    name: text({ min: 1, max: 200 }).optional(),
    roles: staffRoles(1).optional(),
    active: z.boolean().optional(),
    markets: z.array(marketSchema).max(50).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'nothing to update: send name, roles, active or markets');
export type UpdateUserRequest = z.infer<typeof updateUserRequestSchema>;

/** Out of office: from `from` to `to`, the delegate also sees (and may decide) the person's review tasks. */
export const outOfOfficeRequestSchema = z
  .object({
    from: instant('from'),
    to: instant('to'),
    delegateId: z.uuid({ message: 'delegateId must be the id of the colleague who covers for you' }),
  })
  .refine((v) => new Date(v.to).getTime() > new Date(v.from).getTime(), { path: ['to'], message: 'to must be after from' });
export type OutOfOfficeRequest = z.infer<typeof outOfOfficeRequestSchema>;

export const outOfOfficeSchema = z.object({
  from: z.string(),
  to: z.string(),
  delegateId: z.uuid(),
  delegateName: z.string(),
  /** True between from and to (database time): the delegate sees the tasks now. */
  active: z.boolean(),
});
export type OutOfOffice = z.infer<typeof outOfOfficeSchema>;

/** A colleague who may cover for me: active, holding every reviewer role I hold. */
export const delegateCandidateSchema = z.object({ id: z.uuid(), name: z.string(), email: z.string() });
export type DelegateCandidate = z.infer<typeof delegateCandidateSchema>;

export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  roles: z.array(roleSchema),
  active: z.boolean(),
  markets: z.array(z.string()),
  createdAt: z.string(),
  /** Set while a period of absence is planned or running: who covers for this user. */
  outOfOffice: outOfOfficeSchema.nullable(),
  /** The people this user covers for now. */
  covering: z.array(z.object({ id: z.uuid(), name: z.string(), to: z.string() })),
});
export type User = z.infer<typeof userSchema>;
