import ical from 'ical-generator';

const DAY_MS = 86_400_000;
/** A timed plan is a moment (a send, a publication); calendars show it as a half-hour slot. */
const PLANNED_SLOT_MS = 30 * 60_000;

export interface FeedItem {
  id: string;
  title: string;
  description: string | null;
  format: string;
  plannedAt: Date;
  updatedAt: Date;
  channels: string[];
  segments: string[];
  /** Shown to staff; reps see only approved material and no review state. */
  status: string | null;
  /** Times the plan was changed after creation (RFC 5545 SEQUENCE). */
  revisions: number;
}

export interface FeedAgendaEvent {
  id: string;
  title: string;
  kind: string;
  startsOn: string;
  endsOn: string;
  location: string | null;
  url: string | null;
  updatedAt: Date;
  revisions: number;
}

/**
 * The iCalendar text of one user's feed. UIDs are the rows' ids, so a calendar app updates an event
 * in place when it is rescheduled (SEQUENCE and LAST-MODIFIED move on) and drops it once it leaves
 * the feed. Instants are written in UTC (each app shows them in its own time zone); a plan given as a
 * plain date (stored as midnight UTC) and agenda days are all-day dates, the same day everywhere.
 */
export function renderCalendarFeed(name: string, items: readonly FeedItem[], agenda: readonly FeedAgendaEvent[]): string {
  const calendar = ical({ name, prodId: { company: 'Vetted', product: 'Vetted calendar feed', language: 'EN' }, ttl: 3600 });
  for (const item of items) {
    const allDay = item.plannedAt.getTime() % DAY_MS === 0;
    calendar.createEvent({
      id: `content-item-${item.id}@vetted`,
      start: item.plannedAt,
      end: new Date(item.plannedAt.getTime() + (allDay ? DAY_MS : PLANNED_SLOT_MS)),
      allDay,
      summary: item.title,
      description: [
        item.description,
        `Format: ${item.format}`,
        item.status ? `Review status: ${item.status.replaceAll('_', ' ')}` : null,
        item.channels.length ? `Channels: ${item.channels.join(', ')}` : null,
        item.segments.length ? `Segments: ${item.segments.join(', ')}` : null,
      ]
        .filter(Boolean)
        .join('\n'),
      categories: [{ name: item.format }],
      sequence: item.revisions,
      // Without a METHOD, DTSTAMP is the last revision's time (RFC 5545 3.8.7.2), not the download's.
      stamp: item.updatedAt,
      lastModified: item.updatedAt,
    });
  }
  for (const event of agenda) {
    calendar.createEvent({
      id: `agenda-event-${event.id}@vetted`,
      start: new Date(`${event.startsOn}T00:00:00Z`),
      // DTEND of an all-day event is the day after the last one.
      end: new Date(Date.parse(`${event.endsOn}T00:00:00Z`) + DAY_MS),
      allDay: true,
      summary: event.title,
      description: `HCP agenda: ${event.kind.replaceAll('_', ' ')}`,
      location: event.location,
      url: event.url,
      categories: [{ name: 'HCP agenda' }],
      sequence: event.revisions,
      stamp: event.updatedAt,
      lastModified: event.updatedAt,
    });
  }
  return calendar.toString();
}
