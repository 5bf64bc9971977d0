// Agency guests: an item's owner invites someone from the creative agency to that one item. The
// invitation link is shown once; the guest chooses a password with it and then signs in normally.
import { z } from 'zod';
import { instant, text } from './input-primitives.js';

/** The longest guest access one invitation gives; renew with a new invitation. */
export const GUEST_ACCESS_MAX_DAYS = 365;

export const inviteGuestRequestSchema = z.object({
  email: z.email().transform((e) => e.toLowerCase()),
  name: text({ min: 1, max: 200 }),
  /** When the guest's access to the item ends (sign-in refused, sessions over). */
  expiresAt: instant('expiresAt'),
});
export type InviteGuestRequest = z.input<typeof inviteGuestRequestSchema>;

export const guestInvitationCreatedSchema = z.object({
  guestId: z.uuid(),
  /** One-time link to show the inviting editor (it carries the token in its #fragment, which servers never log). */
  inviteUrl: z.string(),
  inviteExpiresAt: z.string(),
});
export type GuestInvitationCreated = z.infer<typeof guestInvitationCreatedSchema>;

export const GUEST_STATUSES = ['invited', 'active', 'expired', 'revoked'] as const;

export const itemGuestSchema = z.object({
  guestId: z.uuid(),
  email: z.string(),
  name: z.string(),
  status: z.enum(GUEST_STATUSES),
  expiresAt: z.string(),
  invitedAt: z.string(),
  invitedBy: z.string(),
  acceptedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ItemGuest = z.infer<typeof itemGuestSchema>;

export const itemGuestListSchema = z.object({ guests: z.array(itemGuestSchema) });
export type ItemGuestList = z.infer<typeof itemGuestListSchema>;
