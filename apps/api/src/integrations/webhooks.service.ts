import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CreateWebhookRequest, SessionUser, Webhook, WebhookDelivery, WebhookDeliveriesQuery, WebhookDeliveryList, WebhookList } from '@vetted/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { NotFoundError } from '../common/domain-errors.js';
import { APP_CONFIG } from '../config/config.js';
import { JobsService } from '../infra/jobs/jobs.service.js';
import type { ResolvedConfig } from '../infra/resolved-config.js';
import { DELIVER_WEBHOOKS_JOB } from './integration-events.outbox.js';
import { assertRegistrableDestination } from './webhook-destination.policy.js';
import { sealSecret } from './webhook-secret-box.js';

interface WebhookRow {
  id: string;
  url: string;
  events: Webhook['events'];
  created_by: string;
  created_by_name: string;
  created_at: Date;
}

interface DeliveryRow {
  id: string;
  event_id: string;
  type: WebhookDelivery['eventType'];
  status: WebhookDelivery['status'];
  attempts: number;
  last_response_code: number | null;
  last_error: string | null;
  last_attempt_at: Date | null;
  next_attempt_at: Date | null;
  delivered_at: Date | null;
  created_at: Date;
}

const DELIVERY_COLUMNS = `d.id, d.event_id, e.type, d.status, d.attempts, d.last_response_code, d.last_error, d.last_attempt_at, d.next_attempt_at, d.delivered_at, d.created_at`;

/** Admins' webhooks and their delivery log. The secret goes in once and never comes out of the API. */
@Injectable()
export class WebhooksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  async register(input: CreateWebhookRequest, actor: SessionUser): Promise<Webhook> {
    await assertRegistrableDestination(input.url, this.config.webhooks.allowPrivateDestinations);
    const url = new URL(input.url).toString();
    const events = [...input.events].sort();
    return this.dataSource.transaction(async (tx) => {
      const [row] = (await tx.query(
        `insert into webhook (url, events, sealed_secret, created_by, created_by_name) values ($1, $2, $3, $4, $5)
         returning id, url, events, created_by, created_by_name, created_at`,
        [url, events, sealSecret(input.secret, this.config.webhooks.secretKey), actor.id, actor.name],
      )) as WebhookRow[];
      const view = toWebhook(row);
      await this.audit.record(tx, { actor, action: 'webhook.created', entity: 'webhook', entityId: view.id, after: { url: view.url, events: view.events } });
      return view;
    });
  }

  async list(): Promise<WebhookList> {
    const rows = (await this.dataSource.query(`select id, url, events, created_by, created_by_name, created_at from webhook order by created_at desc, id`)) as WebhookRow[];
    return { webhooks: rows.map(toWebhook) };
  }

  /** Removes the webhook and its delivery log (the audit trail keeps that it existed); nothing more is sent to it. */
  remove(id: string, actor: SessionUser): Promise<void> {
    return this.dataSource.transaction(async (tx) => {
      const [rows] = (await tx.query(`delete from webhook where id = $1 returning id, url, events, created_by, created_by_name, created_at`, [id])) as [WebhookRow[], number];
      if (!rows[0]) throw new NotFoundError('Webhook', id);
      await this.audit.record(tx, { actor, action: 'webhook.deleted', entity: 'webhook', entityId: id, before: { url: rows[0].url, events: rows[0].events } });
    });
  }

  async deliveries(id: string, query: WebhookDeliveriesQuery): Promise<WebhookDeliveryList> {
    await this.assertExists(id);
    const rows = (await this.dataSource.query(
      `select ${DELIVERY_COLUMNS}
         from webhook_delivery d join integration_event e on e.id = d.event_id
        where d.webhook_id = $1 and ($2::text is null or d.status = $2)
        order by d.created_at desc, e.seq desc
        limit $3`,
      [id, query.status ?? null, query.limit],
    )) as DeliveryRow[];
    return { deliveries: rows.map(toDelivery) };
  }

  /** Sends the delivery again now, whatever its status (a failed one gets one more attempt; the event id is unchanged). */
  async retry(id: string, deliveryId: string, actor: SessionUser): Promise<WebhookDelivery> {
    const delivery = await this.dataSource.transaction(async (tx) => {
      const [updated] = (await tx.query(
        `update webhook_delivery set status = 'pending', next_attempt_at = now() where id = $1 and webhook_id = $2 returning id`,
        [deliveryId, id],
      )) as [Array<{ id: string }>, number];
      if (!updated[0]) throw new NotFoundError('Webhook delivery', deliveryId);
      const [row] = (await tx.query(`select ${DELIVERY_COLUMNS} from webhook_delivery d join integration_event e on e.id = d.event_id where d.id = $1`, [deliveryId])) as DeliveryRow[];
      const view = toDelivery(row);
      await this.audit.record(tx, { actor, action: 'webhook.delivery_retried', entity: 'webhook', entityId: id, after: { deliveryId, eventId: view.eventId, eventType: view.eventType } });
      return view;
    });
    await this.jobs.runSoon(DELIVER_WEBHOOKS_JOB, 0);
    return delivery;
  }

  private async assertExists(id: string): Promise<void> {
    const rows = (await this.dataSource.query(`select 1 from webhook where id = $1`, [id])) as unknown[];
    if (rows.length === 0) throw new NotFoundError('Webhook', id);
  }
}

function toWebhook(r: WebhookRow): Webhook {
  return { id: r.id, url: r.url, events: r.events, createdAt: r.created_at.toISOString(), createdBy: { id: r.created_by, name: r.created_by_name } };
}

function toDelivery(r: DeliveryRow): WebhookDelivery {
  return {
    id: r.id,
    eventId: r.event_id,
    eventType: r.type,
    status: r.status,
    attempts: r.attempts,
    lastResponseCode: r.last_response_code,
    lastError: r.last_error,
    lastAttemptAt: r.last_attempt_at?.toISOString() ?? null,
    nextAttemptAt: r.next_attempt_at?.toISOString() ?? null,
    deliveredAt: r.delivered_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
  };
}
