import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  NOTIFICATIONS_PAGE_SIZE,
  type Notification,
  type NotificationList,
  type NotificationSettings,
  type NotificationsQuery,
  type ReadAllResult,
  type SessionUser,
  type UpdateNotificationSettings,
} from '@vetted/contracts';
import { DataSource } from 'typeorm';
import { NotFoundError } from '../common/domain-errors.js';

interface NotificationRow {
  id: string;
  type: Notification['type'];
  item_id: string | null;
  params: Notification['params'];
  created_at: Date;
  read_at: Date | null;
}

export const DEFAULT_SETTINGS: NotificationSettings = { email: 'instant', locale: 'en' };

/** A user's own notifications and preferences: nobody reads or marks anyone else's. */
@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(user: SessionUser, query: NotificationsQuery): Promise<NotificationList> {
    const unreadOnly = query.unread === 'true';
    const offset = (query.page - 1) * NOTIFICATIONS_PAGE_SIZE;
    const rows = (await this.dataSource.query(
      `select id, type, item_id, params, created_at, read_at from notification
        where recipient_id = $1 and ($2::boolean is false or read_at is null)
        order by created_at desc, id desc limit $3 offset $4`,
      [user.id, unreadOnly, NOTIFICATIONS_PAGE_SIZE, offset],
    )) as NotificationRow[];
    const [counts] = (await this.dataSource.query(
      `select count(*) filter (where read_at is null)::int as unread, count(*) filter (where $2::boolean is false or read_at is null)::int as total
         from notification where recipient_id = $1`,
      [user.id, unreadOnly],
    )) as Array<{ unread: number; total: number }>;
    return { notifications: rows.map(toNotification), unread: counts.unread, total: counts.total, page: query.page, pageSize: NOTIFICATIONS_PAGE_SIZE };
  }

  /** Marking a read notification again changes nothing (its first reading time stays). */
  async markRead(user: SessionUser, id: string): Promise<Notification> {
    const [rows] = (await this.dataSource.query(
      `update notification set read_at = coalesce(read_at, now()) where id = $1 and recipient_id = $2
       returning id, type, item_id, params, created_at, read_at`,
      [id, user.id],
    )) as [NotificationRow[], number];
    // Someone else's notification is as unknown as a missing one.
    if (!rows[0]) throw new NotFoundError('Notification', id);
    return toNotification(rows[0]);
  }

  async markAllRead(user: SessionUser): Promise<ReadAllResult> {
    const [, marked] = (await this.dataSource.query(`update notification set read_at = now() where recipient_id = $1 and read_at is null`, [user.id])) as [unknown, number];
    return { marked };
  }

  async settings(user: SessionUser): Promise<NotificationSettings> {
    const [row] = (await this.dataSource.query(`select email, locale from notification_setting where user_id = $1`, [user.id])) as NotificationSettings[];
    return row ?? DEFAULT_SETTINGS;
  }

  async updateSettings(user: SessionUser, input: UpdateNotificationSettings): Promise<NotificationSettings> {
    const [row] = (await this.dataSource.query(
      `insert into notification_setting (user_id, email, locale, last_digest_at) values ($1, coalesce($2, $4), coalesce($3, $5), now())
       on conflict (user_id) do update set
         email = coalesce($2, notification_setting.email),
         locale = coalesce($3, notification_setting.locale),
         -- A user switching to the digest starts from now: what they were already told one by one is not sent again.
         last_digest_at = case when $2 = 'daily' and notification_setting.email <> 'daily' then now() else notification_setting.last_digest_at end,
         updated_at = now()
       returning email, locale`,
      [user.id, input.email ?? null, input.locale ?? null, DEFAULT_SETTINGS.email, DEFAULT_SETTINGS.locale],
    )) as NotificationSettings[];
    return row;
  }
}

function toNotification(row: NotificationRow): Notification {
  return { id: row.id, type: row.type, itemId: row.item_id, params: row.params, createdAt: row.created_at.toISOString(), readAt: row.read_at?.toISOString() ?? null };
}
