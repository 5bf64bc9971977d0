import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TooManyRequestsError } from '../common/domain-errors.js';
import { APP_CONFIG } from '../config/config.js';
import type { ResolvedConfig } from '../infra/resolved-config.js';

/** A shared office address should not lock everyone out because of one person, so the address limit is wider. */
const IP_LIMIT_FACTOR = 5;
/** Guesses spread over many addresses still stop at this many times the strict limit per account… */
const ACCOUNT_CEILING_FACTOR = 5;
/** …except from an address the account signed in from this recently, so a stranger cannot lock the owner out. */
const KNOWN_ADDRESS_DAYS = 90;
/** First key of the two-key advisory locks below (a key space apart from the single-key locks of migrations and audit). */
const THROTTLE_LOCK_CLASS = 727_003;

/** A check still pending after this long is taken as a failure (its process died between check and verdict). */
const PENDING_COUNTS_AS_FAILURE_SECONDS = 60;
/**
 * How long a check waits for checks in flight on the same account or address before giving up with 429.
 * Generous: checks in flight settle within a password hash, and a burst of right passwords from another
 * API process may keep the slots busy for a while (its local queue hands them on at once).
 */
const MAX_WAIT_FOR_IN_FLIGHT_MS = 60_000;

/** One password check in flight: counted until the caller says whether the password was right. */
export interface PasswordAttempt {
  id: string;
  email: string;
  ip: string;
}

interface Counts {
  pair: number;
  account: number;
  address: number;
  pair_inflight: number;
  account_inflight: number;
  address_inflight: number;
  pair_wait: number | null;
  account_wait: number | null;
  address_wait: number | null;
  known_address: boolean;
}

/**
 * Counts failed password checks (logins and signatures) in PostgreSQL, so the limits hold across API
 * replicas and restarts. The strict limit is per account and client address; an account has a higher
 * ceiling over all addresses it never signed in from, and an address a higher one over all accounts.
 *
 * Atomic: a check is registered (pending) before the password is verified, under advisory locks on the
 * address and the account, and failures plus checks in flight never exceed a limit. A check that would
 * exceed it waits for those in flight to settle: if they were wrong passwords it gets 429, if they were
 * right it goes ahead. So 25 wrong guesses at once verify exactly the limit, while a reviewer signing
 * many decisions at once is only queued.
 */
@Injectable()
export class LoginThrottleService {
  /** Checks in flight per account in this process: waiters queue here instead of polling the database. */
  private readonly local = new Map<string, { active: number; waiting: Array<() => void> }>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  /**
   * Runs `verify` (the password check) only if no limit is reached (else 429), counting it as a failure
   * unless it returns true. `kind` says what a right password does: a sign-in also forgives this address's
   * failures on the account and makes the address known; a signature only stops this check counting.
   */
  async guard(email: string, ip: string, kind: 'login' | 'signature', verify: () => Promise<boolean>): Promise<boolean> {
    await this.enterLocal(email);
    try {
      const attempt = await this.reserveAttempt(email, ip);
      let ok = false;
      try {
        ok = await verify();
      } finally {
        if (!ok) await this.failed(attempt).catch(() => undefined);
      }
      if (!ok) throw new PasswordRefused();
      if (kind === 'login') await this.signedIn(attempt);
      else await this.passwordAccepted(attempt);
      return true;
    } catch (error) {
      if (error instanceof PasswordRefused) return false;
      throw error;
    } finally {
      this.leaveLocal(email);
    }
  }

  private async enterLocal(email: string): Promise<void> {
    const slot = this.local.get(email) ?? { active: 0, waiting: [] };
    this.local.set(email, slot);
    if (slot.active < this.config.throttle.maxFailures) {
      slot.active++;
      return;
    }
    await new Promise<void>((resolve) => slot.waiting.push(resolve));
  }

  private leaveLocal(email: string): void {
    const slot = this.local.get(email);
    if (!slot) return;
    const next = slot.waiting.shift();
    if (next) return next(); // the slot passes on, still counted as active
    slot.active--;
    if (slot.active === 0) this.local.delete(email);
  }

  /** Throws 429 when a limit is reached; otherwise registers this check (as a failure until settled) and returns it. */
  private async reserveAttempt(email: string, ip: string): Promise<PasswordAttempt> {
    const deadline = Date.now() + MAX_WAIT_FOR_IN_FLIGHT_MS;
    for (let round = 0; ; round++) {
      const attempt = await this.tryReserve(email, ip);
      if (attempt) return attempt;
      if (Date.now() > deadline) throw new TooManyRequestsError('Too many password checks at once for this account. Try again in a moment.', 1);
      // Checks in flight settle within one password hash (tens of milliseconds): a short, jittered back-off,
      // so this process gets its turn against another one's local queue. At most maxFailures pollers per account.
      await new Promise((r) => setTimeout(r, Math.min(100, 10 * 2 ** Math.min(round, 4)) * (0.5 + Math.random())));
    }
  }

  private tryReserve(email: string, ip: string): Promise<PasswordAttempt | null> {
    const { maxFailures, windowMinutes } = this.config.throttle;
    return this.dataSource.transaction(async (tx) => {
      // Always the address first, then the account: one order for every caller, so no deadlock.
      await tx.query('select pg_advisory_xact_lock($1, hashtext($2)), pg_advisory_xact_lock($1, hashtext($3))', [THROTTLE_LOCK_CLASS, `ip:${ip}`, `email:${email}`]);
      const [row] = (await tx.query(
        `with recent as (
           select email, ip, at, (pending and at > now() - make_interval(secs => $5)) as inflight
             from login_failure
            where (email = $1 or ip = $2) and at > now() - make_interval(mins => $3))
         select
           count(*) filter (where email = $1 and ip = $2 and not inflight)::int as pair,
           count(*) filter (where email = $1 and not inflight)::int as account,
           count(*) filter (where ip = $2 and not inflight)::int as address,
           count(*) filter (where email = $1 and ip = $2 and inflight)::int as pair_inflight,
           count(*) filter (where email = $1 and inflight)::int as account_inflight,
           count(*) filter (where ip = $2 and inflight)::int as address_inflight,
           ceil(extract(epoch from (min(at) filter (where email = $1 and ip = $2 and not inflight) + make_interval(mins => $3) - now())))::int as pair_wait,
           ceil(extract(epoch from (min(at) filter (where email = $1 and not inflight) + make_interval(mins => $3) - now())))::int as account_wait,
           ceil(extract(epoch from (min(at) filter (where ip = $2 and not inflight) + make_interval(mins => $3) - now())))::int as address_wait,
           exists (select 1 from login_known_address k
                    where k.email = $1 and k.ip = $2 and k.last_success_at > now() - make_interval(days => $4)) as known_address
         from recent`,
        [email, ip, windowMinutes, KNOWN_ADDRESS_DAYS, PENDING_COUNTS_AS_FAILURE_SECONDS],
      )) as Counts[];
      const limits = [
        { failures: row.pair, inflight: row.pair_inflight, limit: maxFailures, wait: row.pair_wait },
        { failures: row.address, inflight: row.address_inflight, limit: maxFailures * IP_LIMIT_FACTOR, wait: row.address_wait },
        ...(row.known_address ? [] : [{ failures: row.account, inflight: row.account_inflight, limit: maxFailures * ACCOUNT_CEILING_FACTOR, wait: row.account_wait }]),
      ];
      const reached = limits.filter((l) => l.failures >= l.limit);
      if (reached.length) {
        const wait = Math.max(1, ...reached.map((l) => l.wait ?? 60));
        throw new TooManyRequestsError(`Too many failed password attempts. Try again in ${Math.ceil(wait / 60)} minute(s).`, wait);
      }
      if (limits.some((l) => l.failures + l.inflight >= l.limit)) return null;
      const [inserted] = (await tx.query('insert into login_failure (email, ip, pending) values ($1, $2, true) returning id', [email, ip])) as Array<{ id: string }>;
      return { id: String(inserted.id), email, ip };
    });
  }

  /** A wrong password: the check stays, now as a failure. */
  private async failed(attempt: PasswordAttempt): Promise<void> {
    await this.dataSource.query('update login_failure set pending = false where id = $1', [attempt.id]);
  }

  /** A right password at sign-in: this address's failures on the account are forgiven and the address becomes known. */
  private async signedIn(attempt: PasswordAttempt): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      await tx.query('delete from login_failure where email = $1 and ip = $2 and (id = $3 or not pending)', [attempt.email, attempt.ip, attempt.id]);
      await tx.query(
        `insert into login_known_address (email, ip) values ($1, $2)
         on conflict (email, ip) do update set last_success_at = now()`,
        [attempt.email, attempt.ip],
      );
    });
  }

  /** A right password for a signature: only this check stops counting. */
  private async passwordAccepted(attempt: PasswordAttempt): Promise<void> {
    await this.dataSource.query('delete from login_failure where id = $1', [attempt.id]);
  }
}

/** Internal: the password was checked and was wrong (already counted). */
class PasswordRefused extends Error {}
