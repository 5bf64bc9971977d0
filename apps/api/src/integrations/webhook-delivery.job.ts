import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { JobsService } from '../infra/jobs/jobs.service.js';
import { DELIVER_WEBHOOKS_JOB } from './integration-events.outbox.js';
import { WebhookDeliveryService } from './webhook-delivery.service.js';

/**
 * Each change with subscribers queues a run in its own transaction and each run queues the next
 * retry, so deliveries go out within seconds; the run every minute catches anything a lost job missed.
 */
@Injectable()
export class WebhookDeliveryJob implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobsService,
    private readonly delivery: WebhookDeliveryService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.every(DELIVER_WEBHOOKS_JOB, '* * * * *', () => this.delivery.sendDue());
  }
}
