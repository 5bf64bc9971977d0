import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Locale, Notification } from '@vetted/contracts';
import { createTransport } from 'nodemailer';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.js';
import { UsersService } from '../identity/users.service.js';
import { JobsService } from '../infra/jobs/jobs.service.js';
import type { ResolvedConfig } from '../infra/resolved-config.js';
import { emailContent } from './email-content.js';
import { SEND_NOTIFICATION_EMAILS_JOB } from './notifications.outbox.js';
import { DEFAULT_SETTINGS } from './notifications.service.js';

/** A send holds its claim this long; a run that dies mid-way leaves the e-mail to the next one after it. */
const LEASE_SECONDS = 120;
const RETRY_MAX_SECONDS = 3600;
const SMTP_TIMEOUT_MS = 20_000;

interface ClaimedEmail {
  id: string;
  attempts: number;
  recipient_id: string;
  kind: 'instant' | 'digest';
  notification_ids: string[];
}

/**
 * Sends the e-mail outbox. Each row is claimed with FOR UPDATE SKIP LOCKED and leased before the SMTP
 * conversation starts, so two runs never send it at once; a refusal is retried with back-off
 * (NOTIFICATION_EMAIL_RETRY_BASE_SECONDS × 2^(attempt−1), at most an hour) until
 * NOTIFICATION_EMAIL_MAX_ATTEMPTS. Nothing here runs inside a review decision.
 */
@Injectable()
export class NotificationEmailService implements OnModuleDestroy {
  private readonly logger = new Logger(NotificationEmailService.name);
  private readonly transport;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {
    const url = config.notifications.smtpUrl;
    this.transport = url ? createTransport({ url, connectionTimeout: SMTP_TIMEOUT_MS, greetingTimeout: SMTP_TIMEOUT_MS, socketTimeout: SMTP_TIMEOUT_MS }) : null;
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }

  /** Sends what is due (at most `limit`), then asks for a run when the next retry is due. Safe to run twice. */
  async sendDue(limit = 200): Promise<number> {
    if (!this.transport) return 0;
    let sent = 0;
    for (let i = 0; i < limit; i++) {
      const email = await this.claim();
      if (!email) break;
      const error = await this.attempt(email);
      await this.record(email, error);
      if (!error) sent++;
    }
    await this.scheduleNext();
    return sent;
  }

  /**
   * One digest per user who chose `daily`, of what they have not read and were not sent since the
   * last one. The setting row is locked and moved on in the same transaction, so a second run adds nothing.
   */
  async queueDigests(): Promise<number> {
    if (!this.transport) return 0;
    const queued = await this.dataSource.transaction(async (tx) => {
      const rows = (await tx.query(
        `with due as (
           select user_id, coalesce(last_digest_at, '-infinity'::timestamptz) as since from notification_setting
            where email = 'daily' for update skip locked),
         picked as (
           select due.user_id, array_agg(n.id order by n.created_at) as ids from due
             join notification n on n.recipient_id = due.user_id and n.read_at is null and n.created_at > due.since
            group by due.user_id),
         moved as (
           update notification_setting s set last_digest_at = now() from due where s.user_id = due.user_id returning s.user_id)
         insert into notification_email (recipient_id, kind, notification_ids, next_attempt_at)
         select picked.user_id, 'digest', picked.ids, now() from picked join moved on moved.user_id = picked.user_id
         returning id`,
      )) as unknown[];
      return rows.length;
    });
    if (queued > 0) await this.jobs.runSoon(SEND_NOTIFICATION_EMAILS_JOB, 1);
    return queued;
  }

  private async claim(): Promise<ClaimedEmail | null> {
    const [rows] = (await this.dataSource.query(
      `with due as (
         select id from notification_email
          where status = 'pending' and next_attempt_at <= now()
          order by next_attempt_at, created_at limit 1
          for update skip locked)
       update notification_email e
          set attempts = e.attempts + 1, last_attempt_at = now(), next_attempt_at = now() + make_interval(secs => $1)
         from due where e.id = due.id
       returning e.id, e.attempts, e.recipient_id, e.kind, e.notification_ids`,
      [LEASE_SECONDS],
    )) as [ClaimedEmail[], number];
    return rows[0] ?? null;
  }

  /** Null when sent; otherwise what went wrong (never the SMTP URL, which may hold a password). */
  private async attempt(email: ClaimedEmail): Promise<string | null> {
    const [contact] = await this.users.contacts([email.recipient_id]);
    if (!contact) return 'skipped: the recipient is no longer active';
    const notifications = (await this.dataSource.query(
      `select type, item_id as "itemId", params from notification where id = any($1::uuid[]) order by created_at`,
      [email.notification_ids],
    )) as Array<Pick<Notification, 'type' | 'itemId' | 'params'>>;
    if (notifications.length === 0) return 'skipped: its notifications are gone';
    const [setting] = (await this.dataSource.query(`select locale from notification_setting where user_id = $1`, [email.recipient_id])) as Array<{ locale: Locale }>;
    const content = emailContent({
      notifications,
      locale: setting?.locale ?? DEFAULT_SETTINGS.locale,
      recipientName: contact.name,
      baseUrl: this.baseUrl(),
      digest: email.kind === 'digest',
    });
    try {
      await this.transport!.sendMail({ from: this.config.notifications.from, to: { name: contact.name, address: contact.email }, ...content });
      return null;
    } catch (error) {
      const e = error as { responseCode?: number; code?: string; message?: string };
      return `${e.responseCode ?? e.code ?? 'error'}: ${(e.message ?? String(error)).slice(0, 300)}`;
    }
  }

  private async record(email: ClaimedEmail, error: string | null): Promise<void> {
    const { maxAttempts, retryBaseSeconds } = this.config.notifications;
    const gaveUp = error?.startsWith('skipped:') ?? false;
    await this.dataSource.query(
      `update notification_email
          set status = case when $2::text is null then 'sent' when $6 or attempts >= $3 then 'failed' else 'pending' end,
              last_error = $2,
              sent_at = case when $2::text is null then now() end,
              next_attempt_at = case when $2::text is null or $6 or attempts >= $3 then null
                                     else now() + make_interval(secs => least($4::float8 * power(2::float8, least(attempts - 1, 30)), $5::float8)) end
        where id = $1 and attempts = $7 and status = 'pending'`,
      [email.id, error, maxAttempts, retryBaseSeconds, RETRY_MAX_SECONDS, gaveUp, email.attempts],
    );
    if (error) this.logger.warn(`notification e-mail ${email.id} attempt ${email.attempts} not sent: ${error}`);
  }

  private async scheduleNext(): Promise<void> {
    const [row] = (await this.dataSource.query(`select min(next_attempt_at) as next from notification_email where status = 'pending'`)) as Array<{ next: Date | null }>;
    if (!row?.next) return;
    if (row.next.getTime() <= Date.now()) await this.jobs.runSoon(SEND_NOTIFICATION_EMAILS_JOB, 1);
    else await this.jobs.runAt(SEND_NOTIFICATION_EMAILS_JOB, row.next);
  }

  private baseUrl(): string {
    return this.config.publicOrigins?.[0] ?? `http://localhost:${this.config.port}`;
  }
}
