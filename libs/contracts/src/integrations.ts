// What integrations (a CRM, a CLM) use: personal access tokens with scopes, webhooks and the events
// they carry. The event bodies are a public contract: docs/integrations.md documents them from here.
import { z } from 'zod';
import { queryInt, text } from './input-primitives.js';

/** What a personal access token may do: list and download the approved library; record shares. */
export const TOKEN_SCOPES = ['library:read', 'shares:write'] as const;
export const tokenScopeSchema = z.enum(TOKEN_SCOPES);
export type TokenScope = z.infer<typeof tokenScopeSchema>;

/** Every personal access token starts with this, so a secret scanner (and a reader) can tell it from a session token. */
export const ACCESS_TOKEN_PREFIX = 'vtd_';

export const createAccessTokenRequestSchema = z.strictObject({
  name: text({ min: 1, minMessage: 'name is required (what the token is for, e.g. "CRM sync")', max: 100 }),
  scopes: z
    .array(tokenScopeSchema)
    .min(1, 'a token needs at least one scope')
    .max(TOKEN_SCOPES.length)
    .refine((s) => new Set(s).size === s.length, 'each scope at most once'),
});
export type CreateAccessTokenRequest = z.infer<typeof createAccessTokenRequestSchema>;

/** A token as listed: never its secret, only the few characters that let an admin recognise it. */
export const accessTokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  scopes: z.array(tokenScopeSchema),
  /** The first characters of the token (`vtd_AbCd`), to recognise it in a CRM's settings. */
  prefix: z.string(),
  createdAt: z.string(),
  createdBy: z.object({ id: z.uuid(), name: z.string() }),
  /** Updated at most once a minute. */
  lastUsedAt: z.string().nullable(),
});
export type AccessToken = z.infer<typeof accessTokenSchema>;

/** POST /api/tokens: the only time the token itself is shown. */
export const createdAccessTokenSchema = accessTokenSchema.extend({ token: z.string() });
export type CreatedAccessToken = z.infer<typeof createdAccessTokenSchema>;

export const accessTokenListSchema = z.object({ tokens: z.array(accessTokenSchema) });
export type AccessTokenList = z.infer<typeof accessTokenListSchema>;

/** The events Vetted sends to webhooks. */
export const WEBHOOK_EVENT_TYPES = ['item.approved', 'item.superseded', 'item.withdrawn', 'item.expired', 'item.suspended'] as const;
export const webhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES);
export type WebhookEventType = z.infer<typeof webhookEventTypeSchema>;

/** The `data` of each event type: ids, version numbers, hashes and times; never a person's data. */
export const webhookEventDataSchemas = {
  /** The item (or a revision of it) is approved: `versionId` is now what the library serves. */
  'item.approved': z.object({
    itemId: z.uuid(),
    versionId: z.uuid(),
    versionNumber: z.number().int(),
    sha256: z.string(),
    approvedAt: z.string(),
    expiresAt: z.string(),
  }),
  /** An approved revision replaced `versionId`: stop using that file (its successor comes with item.approved). */
  'item.superseded': z.object({ itemId: z.uuid(), versionId: z.uuid(), byVersionId: z.uuid(), byVersionNumber: z.number().int() }),
  /** The item was withdrawn: it left the library at once; stop using `versionId`. */
  'item.withdrawn': z.object({ itemId: z.uuid(), versionId: z.uuid() }),
  /** The approval ran out: the item left the library. */
  'item.expired': z.object({ itemId: z.uuid(), versionId: z.uuid(), expiresAt: z.string() }),
  /** A claim the approved item makes was withdrawn or expired: `versionId` left the library at once. */
  'item.suspended': z.object({ itemId: z.uuid(), versionId: z.uuid(), claimId: z.uuid(), claimCode: z.string(), cause: z.enum(['withdrawn', 'expired']) }),
} as const satisfies Record<WebhookEventType, z.ZodType<{ itemId: string }>>;
export type WebhookEventData<T extends WebhookEventType = WebhookEventType> = z.infer<(typeof webhookEventDataSchemas)[T]>;

/** The JSON body of every webhook request; `id` stays the same across retries (receivers deduplicate on it). */
export const webhookEventSchema = z.object({
  id: z.uuid(),
  type: webhookEventTypeSchema,
  createdAt: z.string(),
  data: z.object({ itemId: z.uuid() }).loose(),
});
export type WebhookEvent = z.infer<typeof webhookEventSchema>;

/** The header carrying `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`. */
export const WEBHOOK_SIGNATURE_HEADER = 'Vetted-Signature';

export const WEBHOOK_SECRET_MIN_LENGTH = 24;

export const createWebhookRequestSchema = z.strictObject({
  url: z
    .string()
    .max(2000, 'url: at most 2000 characters')
    .refine((v) => {
      try {
        const u = new URL(v);
        return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname !== '';
      } catch {
        return false;
      }
    }, 'must be an http:// or https:// address, e.g. https://crm.example.com/hooks/vetted'),
  events: z
    .array(webhookEventTypeSchema)
    .min(1, 'subscribe to at least one event')
    .max(WEBHOOK_EVENT_TYPES.length)
    .refine((e) => new Set(e).size === e.length, 'each event at most once'),
  /** Shared with the receiver, which checks Vetted-Signature with it. Never shown again. */
  secret: text({ min: WEBHOOK_SECRET_MIN_LENGTH, minMessage: `secret must be at least ${WEBHOOK_SECRET_MIN_LENGTH} characters (use a random string)`, max: 200, trim: false }),
});
export type CreateWebhookRequest = z.infer<typeof createWebhookRequestSchema>;

/** A webhook as listed: never its secret. */
export const webhookSchema = z.object({
  id: z.uuid(),
  url: z.string(),
  events: z.array(webhookEventTypeSchema),
  createdAt: z.string(),
  createdBy: z.object({ id: z.uuid(), name: z.string() }),
});
export type Webhook = z.infer<typeof webhookSchema>;

export const webhookListSchema = z.object({ webhooks: z.array(webhookSchema) });
export type WebhookList = z.infer<typeof webhookListSchema>;

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export const webhookDeliveryStatusSchema = z.enum(WEBHOOK_DELIVERY_STATUSES);
export type WebhookDeliveryStatus = z.infer<typeof webhookDeliveryStatusSchema>;

/** One event for one webhook: pending (waiting for its next attempt), delivered (a 2xx answer), or failed (out of attempts). */
export const webhookDeliverySchema = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  eventType: webhookEventTypeSchema,
  status: webhookDeliveryStatusSchema,
  attempts: z.number().int(),
  /** The receiver's HTTP status at the last attempt; null when it did not answer. */
  lastResponseCode: z.number().int().nullable(),
  /** Why the last attempt failed, in a few words (never the receiver's body). */
  lastError: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
});
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;

export const webhookDeliveryListSchema = z.object({ deliveries: z.array(webhookDeliverySchema) });
export type WebhookDeliveryList = z.infer<typeof webhookDeliveryListSchema>;

export const webhookDeliveriesQuerySchema = z.strictObject({
  status: webhookDeliveryStatusSchema.optional(),
  limit: queryInt({ min: 1, max: 200, name: 'limit' }).default(50),
});
export type WebhookDeliveriesQuery = z.infer<typeof webhookDeliveriesQuerySchema>;
