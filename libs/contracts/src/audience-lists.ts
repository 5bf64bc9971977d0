// The managed lists content items are planned with: channels (e-mail, rep visit…) and audience
// segments (science-driven cardiologists…), kept by admins, each with a colour for the calendar's
// chips; and the committee's weekly caps per (segment, channel) that the calendar warns about.
import { z } from 'zod';
import { text } from './input-primitives.js';

/** A list entry's name: what content items store in `channels` and `segments` (unique, case-insensitively). */
export const listEntryName = text({ min: 1, minMessage: 'name is required', max: 60 });

/** A colour for the chips: `#rrggbb` (what <input type="color"> gives), stored in lower case. */
export const listColour = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'colour must be #rrggbb, e.g. #2a5db0')
  .transform((c) => c.toLowerCase());

/** The colour of entries the migration imported from existing items, until an admin picks one. */
export const DEFAULT_LIST_COLOUR = '#64748b';

/** Most pieces a segment may receive through one channel in a week; 0 forbids the channel for that segment. */
export const weeklyCap = z.number().int('weeklyCap must be a whole number').min(0, 'weeklyCap cannot be negative').max(1000);

export const channelCapInputSchema = z.strictObject({ channelId: z.uuid(), weeklyCap });
export type ChannelCapInput = z.infer<typeof channelCapInputSchema>;

const channelCaps = z
  .array(channelCapInputSchema)
  .max(100)
  .refine((caps) => new Set(caps.map((c) => c.channelId)).size === caps.length, 'channelCaps: each channel at most once');

export const createChannelRequestSchema = z.strictObject({ name: listEntryName, colour: listColour.default(DEFAULT_LIST_COLOUR) });
export type CreateChannelRequest = z.input<typeof createChannelRequestSchema>;

/** A name changes only while no item uses it (items store the name); archived: true takes it out of the pickers. */
export const updateChannelRequestSchema = z
  .strictObject({ name: listEntryName.optional(), colour: listColour.optional(), archived: z.boolean().optional() })
  .refine((v) => Object.keys(v).length > 0, 'nothing to update: send name, colour or archived');
export type UpdateChannelRequest = z.infer<typeof updateChannelRequestSchema>;

export const createSegmentRequestSchema = z.strictObject({
  name: listEntryName,
  colour: listColour.default(DEFAULT_LIST_COLOUR),
  /** Who the segment is, in the committee's words ("Science-driven cardiologists"). */
  description: text({ max: 300 }).optional(),
  /** Weekly caps per channel; a channel not listed gets the configured default (or none). */
  channelCaps: channelCaps.default([]),
});
export type CreateSegmentRequest = z.input<typeof createSegmentRequestSchema>;

export const updateSegmentRequestSchema = z
  .strictObject({
    name: listEntryName.optional(),
    colour: listColour.optional(),
    /** null clears it. */
    description: text({ max: 300 }).nullable().optional(),
    /** Replaces every cap of the segment. */
    channelCaps: channelCaps.optional(),
    archived: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'nothing to update: send name, colour, description, channelCaps or archived');
export type UpdateSegmentRequest = z.infer<typeof updateSegmentRequestSchema>;

export const channelSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  colour: z.string(),
  archived: z.boolean(),
  /** Content items that name it (an entry in use is archived, never deleted). */
  itemCount: z.number().int(),
});
export type Channel = z.infer<typeof channelSchema>;

export const channelCapSchema = z.object({ channelId: z.uuid(), channel: z.string(), weeklyCap: z.number().int() });
export type ChannelCap = z.infer<typeof channelCapSchema>;

export const segmentSchema = channelSchema.extend({ description: z.string().nullable(), channelCaps: z.array(channelCapSchema) });
export type Segment = z.infer<typeof segmentSchema>;

/** DELETE of a list entry: removed when no item names it, else archived (items keep their value). */
export const channelListSchema = z.array(channelSchema);
export const segmentListSchema = z.array(segmentSchema);
export const listEntryRemovalSchema = z.object({ outcome: z.enum(['deleted', 'archived']) });
export type ListEntryRemoval = z.infer<typeof listEntryRemovalSchema>;
