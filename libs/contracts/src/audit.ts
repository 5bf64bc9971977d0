import { z } from 'zod';

export const auditQuerySchema = z.object({
  entity: z.string().min(1).optional(),
  entityId: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  /** Page back in time: only events before this sequence number. */
  beforeSeq: z.coerce.number().int().positive().optional(),
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
