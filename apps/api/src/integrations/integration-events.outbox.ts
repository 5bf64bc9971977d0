import { Injectable } from '@nestjs/common';
import type { WebhookEventData, WebhookEventType } from '@vetted/contracts';
import type { EntityManager } from 'typeorm';
import { JobsService } from '../infra/jobs/jobs.service.js';

export const DELIVER_WEBHOOKS_JOB = 'deliver-webhooks';

/**
 * The transactional outbox. Other modules call `record` inside the transaction of the change the
 * event announces: the event, one delivery per webhook subscribed to its type, and the job that
 * sends them all commit with the change or not at all. So a CRM is never told of an approval that
 * rolled back, and never misses one that committed (a crash after commit leaves the rows, which
 * the scheduled run sends).
 */
@Injectable()
export class IntegrationEventsOutbox {
  constructor(private readonly jobs: JobsService) {}

  async record<T extends WebhookEventType>(tx: EntityManager, type: T, data: WebhookEventData<T>): Promise<void> {
    const [event] = (await tx.query(`insert into integration_event (type, data) values ($1, $2) returning id`, [type, data])) as Array<{ id: string }>;
    const deliveries = (await tx.query(
      `insert into webhook_delivery (webhook_id, event_id, next_attempt_at)
       select id, $1, now() from webhook where $2 = any(events)
       returning id`,
      [event.id, type],
    )) as unknown[];
    if (deliveries.length > 0) await this.jobs.runAfterCommit(tx, DELIVER_WEBHOOKS_JOB);
  }
}
