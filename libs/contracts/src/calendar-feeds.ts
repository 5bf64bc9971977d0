// A personal calendar subscription: a secret URL a calendar app polls, with no cookie and no login.
import { z } from 'zod';
import { text } from './input-primitives.js';

/** Every feed token starts with this (never accepted as a Bearer token: it only opens the feed). */
export const CALENDAR_FEED_TOKEN_PREFIX = 'vcal_';

/** How far ahead the feed reaches. */
export const CALENDAR_FEED_MONTHS = 6;

export const createCalendarFeedRequestSchema = z.strictObject({
  /** What the subscription is for, e.g. "Outlook (work laptop)"; helps revoke the right one later. */
  name: text({ min: 1, max: 100 }).optional(),
});
export type CreateCalendarFeedRequest = z.infer<typeof createCalendarFeedRequestSchema>;

export const calendarFeedSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  createdAt: z.string(),
  /** Updated at most once a minute. */
  lastUsedAt: z.string().nullable(),
});
export type CalendarFeed = z.infer<typeof calendarFeedSchema>;

/** POST /api/calendar/feeds: the only time the URL (which holds the secret) is shown. */
export const createdCalendarFeedSchema = calendarFeedSchema.extend({ url: z.string() });
export type CreatedCalendarFeed = z.infer<typeof createdCalendarFeedSchema>;

export const calendarFeedListSchema = z.object({ feeds: z.array(calendarFeedSchema) });
export type CalendarFeedList = z.infer<typeof calendarFeedListSchema>;

/** GET /api/calendar.ics?token=… */
export const calendarFeedQuerySchema = z.strictObject({ token: z.string().min(1, 'token is required').max(200) });
export type CalendarFeedQuery = z.infer<typeof calendarFeedQuerySchema>;
