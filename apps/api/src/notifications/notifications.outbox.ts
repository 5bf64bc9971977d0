import { Inject, Injectable } from '@nestjs/common';
import type { NotificationParams, NotificationType } from '@vetted/contracts';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG } from '../config/config.js';
import { UsersService } from '../identity/users.service.js';
import { JobsService } from '../infra/jobs/jobs.service.js';
import type { ResolvedConfig } from '../infra/resolved-config.js';
import { mentionedIn } from './mentions.js';

export const SEND_NOTIFICATION_EMAILS_JOB = 'send-notification-emails';

export interface NotifyInput {
  type: NotificationType;
  recipientIds: readonly string[];
  itemId: string | null;
  params: NotificationParams;
  /** Whoever caused it: never told of their own act. */
  actorId?: string | null;
  /** For reminders a job may write twice: one notification per recipient and key. */
  dedupeKey?: string;
}

/**
 * What other modules call, inside the transaction of the change they announce: the notifications,
 * and for recipients who want instant e-mail (when SMTP_URL is set) their e-mail rows and the job that
 * sends them, commit with the change or not at all. Sending happens later, in a job: a slow or
 * refusing mail server never holds up or fails the decision.
 */
@Injectable()
export class NotificationsOutbox {
  constructor(
    private readonly jobs: JobsService,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  async notifyIn(tx: EntityManager, input: NotifyInput): Promise<void> {
    const recipients = [...new Set(input.recipientIds)].filter((id) => id !== input.actorId);
    if (recipients.length === 0) return;
    const inserted = (await tx.query(
      `insert into notification (recipient_id, type, item_id, params, dedupe_key)
       select r, $2, $3, $4, $5 from unnest($1::uuid[]) r
       on conflict (recipient_id, dedupe_key) do nothing
       returning id, recipient_id`,
      [recipients, input.type, input.itemId, input.params, input.dedupeKey ?? null],
    )) as Array<{ id: string; recipient_id: string }>;
    if (inserted.length === 0 || !this.config.notifications.smtpUrl) return;
    const emails = (await tx.query(
      `insert into notification_email (recipient_id, kind, notification_ids, next_attempt_at)
       select n.recipient_id, 'instant', array[n.id], now()
         from unnest($1::uuid[], $2::uuid[]) as n(id, recipient_id)
         left join notification_setting s on s.user_id = n.recipient_id
        where coalesce(s.email, 'instant') = 'instant'
       returning id`,
      [inserted.map((n) => n.id), inserted.map((n) => n.recipient_id)],
    )) as unknown[];
    if (emails.length > 0) await this.jobs.runAfterCommit(tx, SEND_NOTIFICATION_EMAILS_JOB);
  }

  /** Tells the staff a comment mentions (see mentions.ts for the rule), except its author. */
  async notifyMentionsIn(tx: EntityManager, input: { body: string; itemId: string; itemTitle: string; threadId: string; author: { id: string; name: string } }): Promise<void> {
    if (!input.body.includes('@')) return;
    const mentioned = mentionedIn(input.body, await this.users.activeStaff(tx));
    await this.notifyIn(tx, {
      type: 'mentioned',
      recipientIds: mentioned.map((p) => p.id),
      itemId: input.itemId,
      actorId: input.author.id,
      params: { itemTitle: input.itemTitle, actorName: input.author.name, excerpt: excerpt(input.body), threadId: input.threadId },
    });
  }
}

/** The first characters of a comment or reason, on one line. */
export function excerpt(text: string, max = 200): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
