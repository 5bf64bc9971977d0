import { z } from 'zod';
import { queryInt, text } from './input-primitives.js';

export const auditQuerySchema = z.strictObject({
  entity: text({ min: 1, max: 100 }).optional(),
  entityId: text({ min: 1, max: 100 }).optional(),
  limit: queryInt({ min: 1, max: 1000, name: 'limit' }).default(200),
  /** Page back in time: only events before this sequence number. */
  beforeSeq: queryInt({ min: 1, max: Number.MAX_SAFE_INTEGER, name: 'beforeSeq' }).optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditEventSchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  hash: z.string(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditTrailSchema = z.object({
  events: z.array(auditEventSchema),
  verified: z.boolean(),
  firstBrokenSeq: z.number().int().nullable(),
});
export type AuditTrail = z.infer<typeof auditTrailSchema>;
