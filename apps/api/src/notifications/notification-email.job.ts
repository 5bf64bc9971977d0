import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.js';
import { JobsService } from '../infra/jobs/jobs.service.js';
import type { ResolvedConfig } from '../infra/resolved-config.js';
import { NotificationEmailService } from './notification-email.service.js';
import { SEND_NOTIFICATION_EMAILS_JOB } from './notifications.outbox.js';

export const QUEUE_DIGESTS_JOB = 'queue-notification-digests';

/**
 * Instant e-mail goes out within seconds (each change with recipients queues a run, each run queues
 * the next retry); the run every minute catches anything a lost job missed. Digests once a day.
 */
@Injectable()
export class NotificationEmailJob implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobsService,
    private readonly emails: NotificationEmailService,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.notifications.smtpUrl) return;
    await this.jobs.every(SEND_NOTIFICATION_EMAILS_JOB, '* * * * *', () => this.emails.sendDue());
    await this.jobs.every(QUEUE_DIGESTS_JOB, `0 ${this.config.notifications.digestHourUtc} * * *`, () => this.emails.queueDigests());
  }
}
