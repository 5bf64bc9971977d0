import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TooManyRequestsError } from '../common/domain-errors.js';
import { APP_CONFIG } from '../config/config.js';
import type { ResolvedConfig } from '../infra/resolved-config.js';

/** A shared office IP should not lock everyone out because of one person, so the IP limit is wider. */
const IP_LIMIT_FACTOR = 5;

/**
 * Counts failed password checks (logins and signatures) per account and per IP in PostgreSQL,
 * so the limit holds across API replicas and restarts.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  async assertNotThrottled(email: string, ip: string): Promise<void> {
    const { maxFailures, windowMinutes } = this.config.throttle;
    const [row] = (await this.dataSource.query(
      `select
         count(*) filter (where email = $1)::int as by_email,
         count(*) filter (where ip = $2)::int as by_ip,
         extract(epoch from (min(at) filter (where email = $1) + make_interval(mins => $3) - now()))::int as email_wait,
         extract(epoch from (min(at) filter (where ip = $2) + make_interval(mins => $3) - now()))::int as ip_wait
       from login_failure
       where (email = $1 or ip = $2) and at > now() - make_interval(mins => $3)`,
      [email, ip, windowMinutes],
    )) as Array<{ by_email: number; by_ip: number; email_wait: number | null; ip_wait: number | null }>;
    if (row.by_email >= maxFailures || row.by_ip >= maxFailures * IP_LIMIT_FACTOR) {
      const wait = Math.max(1, row.by_email >= maxFailures ? (row.email_wait ?? 60) : (row.ip_wait ?? 60));
      throw new TooManyRequestsError(`Too many failed password attempts. Try again in ${Math.ceil(wait / 60)} minute(s).`, wait);
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await this.dataSource.query('insert into login_failure (email, ip) values ($1, $2)', [email, ip]);
  }

  async clearFailures(email: string): Promise<void> {
    await this.dataSource.query('delete from login_failure where email = $1', [email]);
  }
}
