import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { GUEST_ACCESS_MAX_DAYS, GUEST_ROLE, isGuest, type AcceptInviteRequest, type AcceptInviteResponse, type ItemGuest, type SessionUser } from '@vetted/contracts';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { BadInputError, ConflictError, NotFoundError, UnauthenticatedError } from '../common/domain-errors.js';
import { GuestInvitationEntity } from './guest-invitation.entity.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { hashPassword, verifyPassword } from './password-hasher.js';
import { SessionService } from './session.service.js';
import { UserEntity } from './user.entity.js';

const DAY_MS = 86_400_000;
/** An invitation link works for a week at most (and never past the access it grants). */
const LINK_VALID_DAYS = 7;
/** Not an argon2 hash: verification always fails, so nobody signs in as a guest before they chose a password. */
const NO_PASSWORD_YET = '!invited';
/** Throttling key for tokens that match no invitation (guesses count against the address). */
const UNKNOWN_INVITATION = 'invitation:unknown';

/** First key of the two-key advisory lock taken per invited e-mail address. */
const GUEST_LOCK_CLASS = 727_004;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export interface IssuedInvitation {
  guestId: string;
  token: string;
  inviteExpiresAt: Date;
  email: string;
  name: string;
  expiresAt: Date;
  renewed: boolean;
}

/**
 * Agency guests: accounts holding only the `agency` role, each invited to single items by their
 * owners. The link's token is stored hashed, works once, and expires; access ends at the
 * invitation's expiry or when it is revoked (the sessions end with it).
 */
@Injectable()
export class GuestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly throttle: LoginThrottleService,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  /** Invites (or invites again) a guest to one item, in the caller's transaction; content checked the item and its owner. */
  async inviteIn(tx: EntityManager, itemId: string, input: { email: string; name: string; expiresAt: string }, actor: SessionUser): Promise<IssuedInvitation> {
    const [{ now }] = (await tx.query('select now() as now')) as Array<{ now: Date }>;
    const expiresAt = new Date(input.expiresAt);
    if (expiresAt <= now) throw new BadInputError('expiresAt: the guest’s access must end in the future');
    if (expiresAt.getTime() - now.getTime() > GUEST_ACCESS_MAX_DAYS * DAY_MS) throw new BadInputError(`expiresAt: guest access lasts at most ${GUEST_ACCESS_MAX_DAYS} days`);
    // Two invitations of the same new address at once: the second waits and finds the account the first created.
    await tx.query('select pg_advisory_xact_lock($1, hashtext($2))', [GUEST_LOCK_CLASS, input.email]);
    const users = tx.getRepository(UserEntity);
    let guest = await users.findOne({ where: { email: input.email }, lock: { mode: 'pessimistic_write' } });
    if (guest && !isGuest(guest)) throw new ConflictError(`${input.email} belongs to a Vetted user; guests are people from outside (agencies)`);
    if (guest && !guest.active) throw new ConflictError(`The guest account ${input.email} is deactivated; ask an admin`);
    if (!guest) {
      guest = await users.save(users.create({ email: input.email, name: input.name, roles: [GUEST_ROLE], markets: [], passwordHash: NO_PASSWORD_YET, active: true }));
      await this.audit.record(tx, { actor, action: 'user.created', entity: 'user', entityId: guest.id, after: { email: guest.email, name: guest.name, roles: guest.roles, invitedTo: itemId } });
    }
    const token = randomBytes(32).toString('base64url');
    const inviteExpiresAt = new Date(Math.min(expiresAt.getTime(), now.getTime() + LINK_VALID_DAYS * DAY_MS));
    const repo = tx.getRepository(GuestInvitationEntity);
    const live = await repo.findOne({ where: { itemId, guestId: guest.id, revokedAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
    if (live?.acceptedAt && live.expiresAt > now) {
      throw new ConflictError(`${guest.email} already has access to this item until ${live.expiresAt.toISOString()}; revoke it first to invite again`, { guestId: guest.id });
    }
    // Inviting again (the link was lost, or the access ran out) renews the one live invitation: the old link stops working.
    await repo.save(repo.create({ ...(live ?? {}), itemId, guestId: guest.id, invitedBy: actor.id, tokenHash: sha256(token), tokenExpiresAt: inviteExpiresAt, expiresAt, acceptedAt: null }));
    return { guestId: guest.id, token, inviteExpiresAt, email: guest.email, name: guest.name, expiresAt, renewed: live !== null };
  }

  async list(itemId: string): Promise<ItemGuest[]> {
    const rows = (await this.dataSource.query(
      `select g.guest_id, u.email, u.name, g.expires_at, g.created_at, g.accepted_at, g.revoked_at, i.name as invited_by,
              case when g.revoked_at is not null then 'revoked' when g.expires_at <= now() then 'expired'
                   when g.accepted_at is not null then 'active' else 'invited' end as status
         from guest_invitation g join app_user u on u.id = g.guest_id join app_user i on i.id = g.invited_by
        where g.item_id = $1 order by g.created_at desc`,
      [itemId],
    )) as Array<{ guest_id: string; email: string; name: string; expires_at: Date; created_at: Date; accepted_at: Date | null; revoked_at: Date | null; invited_by: string; status: ItemGuest['status'] }>;
    return rows.map((r) => ({
      guestId: r.guest_id,
      email: r.email,
      name: r.name,
      status: r.status,
      expiresAt: r.expires_at.toISOString(),
      invitedAt: r.created_at.toISOString(),
      invitedBy: r.invited_by,
      acceptedAt: r.accepted_at?.toISOString() ?? null,
      revokedAt: r.revoked_at?.toISOString() ?? null,
    }));
  }

  /** Revokes the guest's live invitation to the item (404 when none); says whether they keep access to other items. */
  async revokeIn(tx: EntityManager, itemId: string, guestId: string): Promise<{ email: string; name: string; keepsOtherAccess: boolean }> {
    const repo = tx.getRepository(GuestInvitationEntity);
    const live = await repo.findOne({ where: { itemId, guestId, revokedAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
    if (!live) throw new NotFoundError('Guest invitation', `${guestId} on item ${itemId}`);
    const [{ now }] = (await tx.query('select now() as now')) as Array<{ now: Date }>;
    live.revokedAt = now;
    live.tokenHash = null;
    await repo.save(live);
    const guest = await tx.getRepository(UserEntity).findOneOrFail({ where: { id: guestId } });
    const [{ others }] = (await tx.query(
      `select count(*)::int as others from guest_invitation where guest_id = $1 and revoked_at is null and accepted_at is not null and expires_at > now()`,
      [guestId],
    )) as Array<{ others: number }>;
    return { email: guest.email, name: guest.name, keepsOtherAccess: others > 0 };
  }

  /** Ends every session of a guest left with no item (after the revoking transaction committed). */
  endSessions(guestId: string): Promise<void> {
    return this.sessions.revokeAllFor(guestId);
  }

  /**
   * The guest follows the link: with a valid token they choose their password (or, invited before,
   * confirm the one they have) and may then sign in. Throttled like a sign-in; the token works once.
   */
  async accept(input: AcceptInviteRequest, ip: string): Promise<AcceptInviteResponse> {
    const tokenHash = sha256(input.token);
    const found = await this.dataSource.query(
      `select g.id, u.email, u.password_hash, (g.token_expires_at > now() and g.expires_at > now() and g.revoked_at is null) as usable
         from guest_invitation g join app_user u on u.id = g.guest_id where g.token_hash = $1 and u.active`,
      [tokenHash],
    ) as Array<{ id: string; email: string; password_hash: string; usable: boolean }>;
    const invitation = found[0];
    const accepted = await this.throttle.guard(invitation?.email ?? UNKNOWN_INVITATION, ip, 'login', async () => {
      if (!invitation?.usable) return false;
      return invitation.password_hash === NO_PASSWORD_YET || (await verifyPassword(invitation.password_hash, input.password));
    });
    if (!accepted || !invitation) {
      throw new UnauthenticatedError(
        'This invitation link is not valid: it was used already, revoked or expired, or (if you were invited before) the password is not the one you chose. Ask the person who invited you for a new link.',
        undefined,
        'invitation_invalid',
      );
    }
    const newHash = invitation.password_hash === NO_PASSWORD_YET ? await hashPassword(input.password) : null;
    return this.dataSource.transaction(async (tx) => {
      const repo = tx.getRepository(GuestInvitationEntity);
      const row = await repo.findOne({ where: { id: invitation.id }, lock: { mode: 'pessimistic_write' } });
      // Two tabs sending the same link: only the first one uses it.
      if (!row || row.tokenHash !== tokenHash || row.revokedAt) throw new UnauthenticatedError('This invitation link was used already', undefined, 'invitation_invalid');
      const [{ now }] = (await tx.query('select now() as now')) as Array<{ now: Date }>;
      row.acceptedAt = now;
      row.tokenHash = null;
      await repo.save(row);
      const users = tx.getRepository(UserEntity);
      const guest = await users.findOneOrFail({ where: { id: row.guestId }, lock: { mode: 'pessimistic_write' } });
      if (newHash && guest.passwordHash === NO_PASSWORD_YET) {
        guest.passwordHash = newHash;
        await users.save(guest);
      }
      await this.audit.record(tx, {
        actor: { id: guest.id, name: guest.name },
        action: 'user.invitation_accepted',
        entity: 'user',
        entityId: guest.id,
        after: { itemId: row.itemId, expiresAt: row.expiresAt.toISOString(), ip },
      });
      return { email: guest.email };
    });
  }

  /** For sign-in: does this guest account have access to at least one item now? */
  async hasLiveAccess(guestId: string): Promise<boolean> {
    const rows = (await this.dataSource.query(
      `select 1 from guest_invitation where guest_id = $1 and accepted_at is not null and revoked_at is null and expires_at > now() limit 1`,
      [guestId],
    )) as unknown[];
    return rows.length > 0;
  }
}
