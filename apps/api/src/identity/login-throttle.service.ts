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

/** One password check that has been counted as a failure until the caller says the password was right. */
export interface PasswordAttempt {
  id: string;
  email: string;
  ip: string;
}

/**
 * Counts failed password checks (logins and signatures) in PostgreSQL, so the limits hold across API
 * replicas and restarts. The strict limit is per account and client address; an account has a higher
 * ceiling over all addresses it never signed in from, and an address a higher one over all accounts.
 *
 * Each check is reserved (counted) before the password is verified, under advisory locks on the address
 * and the account: concurrent guesses see each other, so 25 at once stop at the limit, not after it.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  /** Throws 429 when a limit is reached; otherwise records this attempt as a failure and returns it. */
  async reserveAttempt(email: string, ip: string): Promise<PasswordAttempt> {
    const { maxFailures, windowMinutes } = this.config.throttle;
    return this.dataSource.transaction(async (tx) => {
      // Always the address first, then the account: one order for every caller, so no deadlock.
      await tx.query('select pg_advisory_xact_lock($1, hashtext($2))', [THROTTLE_LOCK_CLASS, `ip:${ip}`]);
      await tx.query('select pg_advisory_xact_lock($1, hashtext($2))', [THROTTLE_LOCK_CLASS, `email:${email}`]);
      const [row] = (await tx.query(
        `select
           count(*) filter (where email = $1 and ip = $2)::int as pair,
           count(*) filter (where email = $1)::int as account,
           count(*) filter (where ip = $2)::int as address,
           ceil(extract(epoch from (min(at) filter (where email = $1 and ip = $2) + make_interval(mins => $3) - now())))::int as pair_wait,
           ceil(extract(epoch from (min(at) filter (where email = $1) + make_interval(mins => $3) - now())))::int as account_wait,
           ceil(extract(epoch from (min(at) filter (where ip = $2) + make_interval(mins => $3) - now())))::int as address_wait,
           exists (select 1 from login_known_address k
                    where k.email = $1 and k.ip = $2 and k.last_success_at > now() - make_interval(days => $4)) as known_address
         from login_failure
         where (email = $1 or ip = $2) and at > now() - make_interval(mins => $3)`,
        [email, ip, windowMinutes, KNOWN_ADDRESS_DAYS],
      )) as Array<{ pair: number; account: number; address: number; pair_wait: number | null; account_wait: number | null; address_wait: number | null; known_address: boolean }>;
      const reached = [
        { count: row.pair, limit: maxFailures, wait: row.pair_wait },
        { count: row.address, limit: maxFailures * IP_LIMIT_FACTOR, wait: row.address_wait },
        ...(row.known_address ? [] : [{ count: row.account, limit: maxFailures * ACCOUNT_CEILING_FACTOR, wait: row.account_wait }]),
      ].filter((l) => l.count >= l.limit);
      if (reached.length) {
        const wait = Math.max(1, ...reached.map((l) => l.wait ?? 60));
        throw new TooManyRequestsError(`Too many failed password attempts. Try again in ${Math.ceil(wait / 60)} minute(s).`, wait);
      }
      const [inserted] = (await tx.query('insert into login_failure (email, ip) values ($1, $2) returning id', [email, ip])) as Array<{ id: string }>;
      return { id: String(inserted.id), email, ip };
    });
  }

  /** A right password at sign-in: this address's failures on the account are forgiven and the address becomes known. */
  async signedIn(attempt: PasswordAttempt): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      await tx.query('delete from login_failure where email = $1 and ip = $2', [attempt.email, attempt.ip]);
      await tx.query(
        `insert into login_known_address (email, ip) values ($1, $2)
         on conflict (email, ip) do update set last_success_at = now()`,
        [attempt.email, attempt.ip],
      );
    });
  }

  /** A right password for a signature: only this attempt stops counting. */
  async passwordAccepted(attempt: PasswordAttempt): Promise<void> {
    await this.dataSource.query('delete from login_failure where id = $1', [attempt.id]);
  }
}
