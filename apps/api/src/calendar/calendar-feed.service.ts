import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CALENDAR_FEED_MONTHS,
  CALENDAR_FEED_TOKEN_PREFIX,
  libraryMarkets,
  REVISION_STATUSES,
  type CalendarFeed,
  type CalendarFeedList,
  type CreateCalendarFeedRequest,
  type CreatedCalendarFeed,
  type SessionUser,
} from '@vetted/contracts';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { NotFoundError, UnauthenticatedError } from '../common/domain-errors.js';
import { isAllowed } from '../identity/access.policy.js';
import { UsersService } from '../identity/users.service.js';
import { renderCalendarFeed, type FeedAgendaEvent, type FeedItem } from './calendar-feed.ics.js';

// 256 random bits: a fast hash is enough, and the token in the URL is never stored.
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const TOUCH_INTERVAL_SECONDS = 60;
/** More than any plan holds in six months; a bound so one feed can never be an unbounded read. */
const MAX_FEED_ENTRIES = 5000;

interface FeedRow {
  id: string;
  name: string;
  created_at: Date;
  last_used_at: Date | null;
}

/**
 * Secret calendar feed URLs: each user makes and revokes their own. The feed shows what its owner may
 * see today (their current roles and markets), read at every poll: staff get the planned items and the
 * HCP agenda, reps only the approved material of their markets. A report: it reads content, review
 * and agenda rows and writes only calendar_feed.
 */
@Injectable()
export class CalendarFeedService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  create(input: CreateCalendarFeedRequest, user: SessionUser, origin: string): Promise<CreatedCalendarFeed> {
    const token = `${CALENDAR_FEED_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    const name = input.name ?? 'Calendar feed';
    return this.dataSource.transaction(async (tx) => {
      const [row] = (await tx.query(`insert into calendar_feed (user_id, name, token_hash) values ($1, $2, $3) returning id, name, created_at, last_used_at`, [
        user.id,
        name,
        sha256(token),
      ])) as FeedRow[];
      await this.audit.record(tx, { actor: user, action: 'calendar_feed.created', entity: 'calendar_feed', entityId: row.id, after: { name, userId: user.id } });
      return { ...toFeed(row), url: `${origin}/api/calendar.ics?token=${token}` };
    });
  }

  async list(user: SessionUser): Promise<CalendarFeedList> {
    const rows = (await this.dataSource.query(
      `select id, name, created_at, last_used_at from calendar_feed where user_id = $1 and revoked_at is null order by created_at desc, id`,
      [user.id],
    )) as FeedRow[];
    return { feeds: rows.map(toFeed) };
  }

  /** Only the owner revokes a feed; anyone else's id is a 404, as if it did not exist. */
  revoke(id: string, user: SessionUser): Promise<void> {
    return this.dataSource.transaction(async (tx) => {
      const [rows] = (await tx.query(`update calendar_feed set revoked_at = now() where id = $1 and user_id = $2 and revoked_at is null returning name`, [id, user.id])) as [
        Array<{ name: string }>,
        number,
      ];
      if (!rows[0]) throw new NotFoundError('Calendar feed', id);
      await this.audit.record(tx, { actor: user, action: 'calendar_feed.revoked', entity: 'calendar_feed', entityId: id, before: { name: rows[0].name, userId: user.id } });
    });
  }

  /** The iCalendar text for a feed token; 401 for an unknown or revoked token, or a deactivated owner. */
  async render(token: string): Promise<string> {
    const feed = await this.resolve(token);
    const user = feed && (await this.users.activeSessionUser(feed.userId));
    if (!feed || !user) throw new UnauthenticatedError('This calendar feed does not exist or was revoked; create a new one in Vetted', undefined, 'feed_token_invalid');
    const staff = isAllowed(user.roles, 'content.read');
    const from = new Date(new Date().setUTCHours(0, 0, 0, 0));
    const to = new Date(from);
    to.setUTCMonth(to.getUTCMonth() + CALENDAR_FEED_MONTHS);
    const items = await this.plannedItems(from, to, staff ? null : libraryMarkets(user) ?? []);
    const agenda = staff ? await this.agenda(from, to) : [];
    return renderCalendarFeed(`Vetted: ${feed.name}`, items, agenda);
  }

  private async resolve(token: string): Promise<{ id: string; userId: string; name: string } | null> {
    if (!token.startsWith(CALENDAR_FEED_TOKEN_PREFIX)) return null;
    const [row] = (await this.dataSource.query(`select id, user_id, name, last_used_at from calendar_feed where token_hash = $1 and revoked_at is null`, [sha256(token)])) as Array<{
      id: string;
      user_id: string;
      name: string;
      last_used_at: Date | null;
    }>;
    if (!row) return null;
    if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > TOUCH_INTERVAL_SECONDS * 1000) {
      await this.dataSource.query(`update calendar_feed set last_used_at = now() where id = $1 and (last_used_at is null or last_used_at < now() - make_interval(secs => $2))`, [
        row.id,
        TOUCH_INTERVAL_SECONDS,
      ]);
    }
    return { id: row.id, userId: row.user_id, name: row.name };
  }

  /**
   * Staff (`repMarkets` null): every item planned in the window that can still reach someone. Reps:
   * only what their library holds (approved, unexpired, the signed file intact, market-less or theirs).
   */
  private async plannedItems(from: Date, to: Date, repMarkets: readonly string[] | null): Promise<FeedItem[]> {
    const libraryOnly = `and r.status in ('approved', ${REVISION_STATUSES.map((s) => `'${s}'`).join(', ')}) and r.expires_at > now()
      and exists (select 1 from content_version v where v.id = r.approved_version_id and v.sha256 = r.approved_sha256)
      and (i.market is null or i.market = any($3::text[]))`;
    const rows = (await this.dataSource.query(
      `select i.id, i.title, i.description, i.format, i.planned_at, i.updated_at, i.channels, i.segments, r.status
         from content_item i join item_review r on r.item_id = i.id
        where i.planned_at >= $1 and i.planned_at < $2 and r.status not in ('withdrawn', 'expired', 'retired')
          ${repMarkets ? libraryOnly : ''}
        order by i.planned_at, i.id
        limit ${MAX_FEED_ENTRIES}`,
      repMarkets ? [from, to, repMarkets] : [from, to],
    )) as Array<{ id: string; title: string; description: string | null; format: string; planned_at: Date; updated_at: Date; channels: string[]; segments: string[]; status: string }>;
    const revisions = await this.audit.countActions(
      'content_item',
      rows.map((r) => r.id),
      ['content_item.rescheduled', 'content_item.updated'],
    );
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      description: r.description,
      format: r.format,
      plannedAt: r.planned_at,
      updatedAt: r.updated_at,
      channels: r.channels,
      segments: r.segments,
      status: repMarkets ? null : r.status,
      revisions: revisions.get(r.id) ?? 0,
    }));
  }

  private async agenda(from: Date, to: Date): Promise<FeedAgendaEvent[]> {
    const rows = (await this.dataSource.query(
      `select id, title, kind, to_char(starts_on, 'YYYY-MM-DD') as starts_on, to_char(ends_on, 'YYYY-MM-DD') as ends_on, location, url, updated_at
         from agenda_event
        where starts_on < $2::date and ends_on >= $1::date
        order by starts_on, id
        limit ${MAX_FEED_ENTRIES}`,
      [from.toISOString().slice(0, 10), to.toISOString().slice(0, 10)],
    )) as Array<{ id: string; title: string; kind: string; starts_on: string; ends_on: string; location: string | null; url: string | null; updated_at: Date }>;
    const revisions = await this.audit.countActions(
      'agenda_event',
      rows.map((r) => r.id),
      ['agenda_event.updated'],
    );
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      kind: r.kind,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      location: r.location,
      url: r.url,
      updatedAt: r.updated_at,
      revisions: revisions.get(r.id) ?? 0,
    }));
  }
}

function toFeed(r: FeedRow): CalendarFeed {
  return { id: r.id, name: r.name, createdAt: r.created_at.toISOString(), lastUsedAt: r.last_used_at?.toISOString() ?? null };
}
