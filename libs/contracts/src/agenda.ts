import { z } from 'zod';
import { day, text, webUrl } from './input-primitives.js';

/** What fills doctors' agendas: content is planned around these, not on top of them. */
export const AGENDA_KINDS = ['congress', 'awareness_day', 'training', 'other'] as const;
export const agendaKindSchema = z.enum(AGENDA_KINDS);
export type AgendaKind = z.infer<typeof agendaKindSchema>;

export const agendaEventInputSchema = z
  .object({
    title: text({ min: 1, minMessage: 'title is required', max: 300 }),
    kind: agendaKindSchema,
    startsOn: day(),
    endsOn: day(),
    specialties: z.array(text({ min: 1, max: 60 })).max(20).default([]),
    location: text({ max: 200 }).optional(),
    url: webUrl(500).optional(),
  })
  .refine((e) => e.endsOn >= e.startsOn, { message: 'endsOn must be on or after startsOn', path: ['endsOn'] });
export type AgendaEventInput = z.input<typeof agendaEventInputSchema>;

export const agendaQuerySchema = z
  .strictObject({ from: day(), to: day(), kind: agendaKindSchema.optional() })
  .refine((q) => q.to >= q.from, { message: 'to must be on or after from', path: ['to'] });
export type AgendaQuery = z.infer<typeof agendaQuerySchema>;

export const agendaEventSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  kind: agendaKindSchema,
  startsOn: z.string(),
  endsOn: z.string(),
  specialties: z.array(z.string()),
  location: z.string().nullable(),
  url: z.string().nullable(),
});
export type AgendaEvent = z.infer<typeof agendaEventSchema>;

export const agendaEventListSchema = z.object({ events: z.array(agendaEventSchema) });
export type AgendaEventList = z.infer<typeof agendaEventListSchema>;

/** GET /api/calendar/saturation: how many pieces each segment gets per week, against the committee's limit. */
export const saturationQuerySchema = z
  .strictObject({ from: day(), to: day() })
  .refine((q) => q.to >= q.from, { message: 'to must be on or after from', path: ['to'] });
export type SaturationQuery = z.infer<typeof saturationQuerySchema>;

export const segmentWeekSchema = z.object({ weekStart: z.string(), segment: z.string(), count: z.number().int(), over: z.boolean() });
export type SegmentWeek = z.infer<typeof segmentWeekSchema>;

/** Pieces one segment gets through one channel in a week, against the pair's cap (null: uncapped). */
export const pairWeekSchema = z.object({ weekStart: z.string(), segment: z.string(), channel: z.string(), count: z.number().int(), cap: z.number().int().nullable(), over: z.boolean() });
export type PairWeek = z.infer<typeof pairWeekSchema>;

/** A cap an admin set on a (segment, channel) pair; pairs without one get `defaultPairCap`. */
export const pairCapSchema = z.object({ segment: z.string(), channel: z.string(), weeklyCap: z.number().int() });
export type PairCap = z.infer<typeof pairCapSchema>;

export const saturationSchema = z.object({
  /** Pieces one segment may get in a week across every channel (the committee's overall limit). */
  weeklyLimit: z.number().int(),
  weeks: z.array(segmentWeekSchema),
  /** Per segment and channel, for every week of the range with a planned piece. */
  pairs: z.array(pairWeekSchema),
  caps: z.array(pairCapSchema),
  defaultPairCap: z.number().int().nullable(),
});
export type Saturation = z.infer<typeof saturationSchema>;
