import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role, SessionUser } from '@vetted/contracts';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.js';
import type { ResolvedConfig } from '../infra/resolved-config.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Refreshing last_seen_at on every request would write on every read; once a minute is precise enough. */
const TOUCH_INTERVAL_MS = 60_000;

/** Opaque session tokens: the same token works as the cookie and as a Bearer token for integrations. */
@Injectable()
export class SessionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  async open(userId: string, meta: { ip: string; userAgent: string | undefined }): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.dataSource.query(
      `insert into user_session (user_id, token_hash, expires_at, ip, user_agent)
       values ($1, $2, now() + make_interval(hours => $3), $4, $5)`,
      [userId, sha256(token), this.config.session.absoluteHours, meta.ip, meta.userAgent?.slice(0, 300) ?? null],
    );
    return token;
  }

  /**
   * The user behind a token, or null when it is unknown, revoked, expired, idle too long, or the user
   * is deactivated, or is a guest whose access to every item has ended (expired or revoked).
   */
  async resolve(token: string): Promise<{ sessionId: string; user: SessionUser } | null> {
    const rows = (await this.dataSource.query(
      `select s.id as session_id, s.last_seen_at, u.id, u.email, u.name, u.roles, u.markets,
              case when 'agency' = any(u.roles) then array(
                select g.item_id from guest_invitation g
                 where g.guest_id = u.id and g.accepted_at is not null and g.revoked_at is null and g.expires_at > now()
                 order by g.created_at) end as guest_item_ids
         from user_session s join app_user u on u.id = s.user_id
        where s.token_hash = $1 and s.revoked_at is null and s.expires_at > now()
          and s.last_seen_at > now() - make_interval(mins => $2) and u.active`,
      [sha256(token), this.config.session.idleMinutes],
    )) as Array<{ session_id: string; last_seen_at: Date; id: string; email: string; name: string; roles: Role[]; markets: string[]; guest_item_ids: string[] | null }>;
    const row = rows[0];
    if (!row) return null;
    if (row.guest_item_ids && row.guest_item_ids.length === 0) return null;
    if (Date.now() - row.last_seen_at.getTime() > TOUCH_INTERVAL_MS) {
      await this.dataSource.query('update user_session set last_seen_at = now() where id = $1', [row.session_id]);
    }
    const user: SessionUser = { id: row.id, email: row.email, name: row.name, roles: row.roles, markets: row.markets };
    if (row.guest_item_ids) user.guestItemIds = row.guest_item_ids;
    return { sessionId: row.session_id, user };
  }

  async revoke(sessionId: string): Promise<void> {
    await this.dataSource.query('update user_session set revoked_at = now() where id = $1 and revoked_at is null', [sessionId]);
  }

  async revokeAllFor(userId: string): Promise<void> {
    await this.dataSource.query('update user_session set revoked_at = now() where user_id = $1 and revoked_at is null', [userId]);
  }
}
