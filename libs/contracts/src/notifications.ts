// In-app notifications and their e-mail: what happened to me or my items, and how I want to hear of it.
import { z } from 'zod';
import { queryInt } from './input-primitives.js';

/**
 * What a notification is about. Tasks: a review task assigned to me (or to someone I cover for),
 * due within a day, overdue. My items: changes requested, approved (or with changes), suspended,
 * withdrawn, expiring within 30 days. Discussions: a comment that mentions me.
 */
export const NOTIFICATION_TYPES = [
  'task_assigned',
  'task_due_soon',
  'task_overdue',
  'changes_requested',
  'item_approved',
  'item_approved_with_changes',
  'item_suspended',
  'item_withdrawn',
  'item_expiring',
  'mentioned',
] as const;
export const notificationTypeSchema = z.enum(NOTIFICATION_TYPES);
export type NotificationType = z.infer<typeof notificationTypeSchema>;

/** Days before an approval runs out that its owners are told. */
export const EXPIRY_NOTICE_DAYS = 30;

/**
 * What the sentence needs, fixed when the notification is written (the item's title then, who acted):
 * a later rename does not rewrite what someone was told.
 */
export const notificationParamsSchema = z.object({
  itemTitle: z.string(),
  lane: z.string().optional(),
  dueAt: z.string().optional(),
  expiresAt: z.string().optional(),
  actorName: z.string().optional(),
  /** A task assigned to the absent colleague this delegate covers for. */
  onBehalfOfName: z.string().optional(),
  claimCode: z.string().optional(),
  /** The first characters of the comment or the reason given. */
  excerpt: z.string().optional(),
  threadId: z.string().optional(),
});
export type NotificationParams = z.infer<typeof notificationParamsSchema>;

export const notificationSchema = z.object({
  id: z.uuid(),
  type: notificationTypeSchema,
  itemId: z.uuid().nullable(),
  params: notificationParamsSchema,
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const NOTIFICATIONS_PAGE_SIZE = 30;

export const notificationsQuerySchema = z.strictObject({
  /** `true`: only the unread ones. */
  unread: z.enum(['true', 'false'], { message: 'unread must be true or false' }).optional(),
  page: queryInt({ min: 1, max: 10_000, name: 'page' }).default(1),
});
export type NotificationsQuery = z.infer<typeof notificationsQuerySchema>;

export const notificationListSchema = z.object({
  notifications: z.array(notificationSchema),
  /** Unread notifications in all, whatever the page (the bell's number). */
  unread: z.number().int(),
  /** Notifications matching the query, all pages. */
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type NotificationList = z.infer<typeof notificationListSchema>;

/** instant: one e-mail per notification; daily: one digest a day of what is still unread; off: in the app only. */
export const EMAIL_PREFERENCES = ['instant', 'daily', 'off'] as const;
export const LOCALES = ['fr', 'en'] as const;
export const localeSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof localeSchema>;

export const notificationSettingsSchema = z.strictObject({
  email: z.enum(EMAIL_PREFERENCES),
  /** The language of the e-mails (the app's own language is chosen in the browser). */
  locale: localeSchema,
});
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

/** PUT /api/users/me/notification-settings: either or both. */
export const updateNotificationSettingsSchema = notificationSettingsSchema.partial().refine((s) => s.email !== undefined || s.locale !== undefined, 'send email, locale or both');
export type UpdateNotificationSettings = z.infer<typeof updateNotificationSettingsSchema>;

export const readAllResultSchema = z.object({ marked: z.number().int() });
export type ReadAllResult = z.infer<typeof readAllResultSchema>;
