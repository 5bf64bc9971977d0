import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ACCESS_TOKEN_PREFIX,
  type AccessToken,
  type AccessTokenList,
  type CreateAccessTokenRequest,
  type CreatedAccessToken,
  type Role,
  type SessionUser,
  type TokenScope,
} from '@vetted/contracts';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { NotFoundError } from '../common/domain-errors.js';

// A token is 256 random bits: no dictionary to guess from, so a fast hash is right (argon2 would
// slow every integration request down and add nothing).
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Characters of the token kept in clear, to recognise it in a list (4 of the 43 random ones). */
const SHOWN_PREFIX_LENGTH = ACCESS_TOKEN_PREFIX.length + 4;

/** last_used_at on every request would turn every read into a write; once a minute is precise enough. */
const TOUCH_INTERVAL_SECONDS = 60;

/** Who a personal access token acts as, and what it may do. */
export interface TokenPrincipal {
  tokenId: string;
  scopes: readonly TokenScope[];
  user: SessionUser;
}

interface TokenRow {
  id: string;
  name: string;
  scopes: TokenScope[];
  token_prefix: string;
  created_at: Date;
  last_used_at: Date | null;
  created_by: string;
  creator_name: string;
}

/**
 * Personal access tokens for integrations (a CRM pulling the library, recording shares). An admin
 * creates them; each acts as that admin within its scopes, and stops working when it is revoked or
 * when its creator is deactivated or no longer an admin.
 */
@Injectable()
export class AccessTokenService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  create(input: CreateAccessTokenRequest, actor: SessionUser): Promise<CreatedAccessToken> {
    const token = `${ACCESS_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    const scopes = [...input.scopes].sort();
    return this.dataSource.transaction(async (tx) => {
      const [row] = (await tx.query(
        `insert into access_token (name, scopes, token_hash, token_prefix, created_by) values ($1, $2, $3, $4, $5)
         returning id, created_at`,
        [input.name, scopes, sha256(token), token.slice(0, SHOWN_PREFIX_LENGTH), actor.id],
      )) as Array<{ id: string; created_at: Date }>;
      const view: AccessToken = {
        id: row.id,
        name: input.name,
        scopes,
        prefix: token.slice(0, SHOWN_PREFIX_LENGTH),
        createdAt: row.created_at.toISOString(),
        createdBy: { id: actor.id, name: actor.name },
        lastUsedAt: null,
      };
      await this.audit.record(tx, { actor, action: 'access_token.created', entity: 'access_token', entityId: row.id, after: { name: view.name, scopes, prefix: view.prefix } });
      return { ...view, token };
    });
  }

  async list(): Promise<AccessTokenList> {
    const rows = (await this.dataSource.query(
      `select t.id, t.name, t.scopes, t.token_prefix, t.created_at, t.last_used_at, t.created_by, u.name as creator_name
         from access_token t join app_user u on u.id = t.created_by
        where t.revoked_at is null
        order by t.created_at desc, t.id`,
    )) as TokenRow[];
    return { tokens: rows.map(toAccessToken) };
  }

  revoke(id: string, actor: SessionUser): Promise<void> {
    return this.dataSource.transaction(async (tx) => {
      const [rows] = (await tx.query(`update access_token set revoked_at = now() where id = $1 and revoked_at is null returning name, scopes, token_prefix`, [id])) as [
        Array<{ name: string; scopes: string[]; token_prefix: string }>,
        number,
      ];
      const revoked = rows[0];
      if (!revoked) throw new NotFoundError('Access token', id);
      await this.audit.record(tx, {
        actor,
        action: 'access_token.revoked',
        entity: 'access_token',
        entityId: id,
        before: { name: revoked.name, scopes: revoked.scopes, prefix: revoked.token_prefix },
      });
    });
  }

  /** The principal behind a token, or null when it is unknown, revoked, or its creator may no longer issue it. */
  async resolve(token: string): Promise<TokenPrincipal | null> {
    if (!token.startsWith(ACCESS_TOKEN_PREFIX)) return null;
    const rows = (await this.dataSource.query(
      `select t.id as token_id, t.name as token_name, t.scopes, t.last_used_at, u.id, u.email, u.name, u.roles, u.markets
         from access_token t join app_user u on u.id = t.created_by
        where t.token_hash = $1 and t.revoked_at is null and u.active and 'admin' = any(u.roles)`,
      [sha256(token)],
    )) as Array<{ token_id: string; token_name: string; scopes: TokenScope[]; last_used_at: Date | null; id: string; email: string; name: string; roles: Role[]; markets: string[] }>;
    const row = rows[0];
    if (!row) return null;
    if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > TOUCH_INTERVAL_SECONDS * 1000) {
      // Conditional, so concurrent requests of one integration write it once.
      await this.dataSource.query(
        `update access_token set last_used_at = now() where id = $1 and (last_used_at is null or last_used_at < now() - make_interval(secs => $2))`,
        [row.token_id, TOUCH_INTERVAL_SECONDS],
      );
    }
    return {
      tokenId: row.token_id,
      scopes: row.scopes,
      // The audit trail and share records name the integration, not just the admin who made its token.
      user: { id: row.id, email: row.email, name: `${row.name} (token: ${row.token_name})`, roles: row.roles, markets: row.markets },
    };
  }
}

function toAccessToken(r: TokenRow): AccessToken {
  return {
    id: r.id,
    name: r.name,
    scopes: r.scopes,
    prefix: r.token_prefix,
    createdAt: r.created_at.toISOString(),
    createdBy: { id: r.created_by, name: r.creator_name },
    lastUsedAt: r.last_used_at?.toISOString() ?? null,
  };
}
