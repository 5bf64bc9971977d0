import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WEBHOOK_SIGNATURE_HEADER, type WebhookEvent, type WebhookEventType } from '@vetted/contracts';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.js';
import { JobsService } from '../infra/jobs/jobs.service.js';
import type { ResolvedConfig } from '../infra/resolved-config.js';
import { DELIVER_WEBHOOKS_JOB } from './integration-events.outbox.js';
import { DestinationRefusedError, resolveDestination } from './webhook-destination.policy.js';
import { openSecret, SecretUnavailableError } from './webhook-secret-box.js';
import { postToDestination, type SendOutcome } from './webhook-sender.js';
import { signatureHeader } from './webhook-signature.js';

/** Deliveries sent side by side in one run: a slow receiver does not hold the others up. */
const LANES = 4;

interface ClaimedDelivery {
  id: string;
  attempts: number;
  url: string;
  sealed_secret: string;
  event_id: string;
  type: WebhookEventType;
  data: WebhookEvent['data'];
  created_at: Date;
}

/**
 * Sends due webhook deliveries. Each is claimed with FOR UPDATE SKIP LOCKED and leased (its next
 * attempt moved past the request timeout) before the request leaves, so two runs, in one process or
 * several, never send it at the same time; a run that dies mid-way leaves it to be sent again once
 * the lease runs out. Receivers deduplicate on the event id, which stays the same across attempts.
 */
@Injectable()
export class WebhookDeliveryService {
  private readonly logger = new Logger(WebhookDeliveryService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  /** Sends what is due (at most `limit`), then asks for a run when the next retry is due. Safe to run twice. */
  async sendDue(limit = 200): Promise<number> {
    let claimed = 0;
    const lane = async () => {
      while (claimed < limit) {
        const delivery = await this.claim();
        if (!delivery) return;
        claimed++;
        await this.record(delivery, await this.attempt(delivery));
      }
    };
    await Promise.all(Array.from({ length: LANES }, lane));
    await this.scheduleNext();
    return claimed;
  }

  private async claim(): Promise<ClaimedDelivery | null> {
    const leaseSeconds = Math.ceil(this.config.webhooks.timeoutMs / 1000) + 30;
    const [rows] = (await this.dataSource.query(
      `with due as (
         select id from webhook_delivery
          where status = 'pending' and next_attempt_at <= now()
          order by next_attempt_at, created_at
          limit 1
          for update skip locked)
       update webhook_delivery d
          set attempts = d.attempts + 1, last_attempt_at = now(), next_attempt_at = now() + make_interval(secs => $1)
         from due, webhook w, integration_event e
        where d.id = due.id and w.id = d.webhook_id and e.id = d.event_id
       returning d.id, d.attempts, w.url, w.sealed_secret, e.id as event_id, e.type, e.data, e.created_at`,
      [leaseSeconds],
    )) as [ClaimedDelivery[], number];
    return rows[0] ?? null;
  }

  private async attempt(delivery: ClaimedDelivery): Promise<SendOutcome> {
    const { webhooks } = this.config;
    try {
      // Resolved again now, not trusted from registration: the name may point elsewhere since (DNS rebinding).
      const destination = await resolveDestination(delivery.url, webhooks.allowPrivateDestinations);
      const secret = openSecret(delivery.sealed_secret, webhooks.secretKey);
      const event: WebhookEvent = { id: delivery.event_id, type: delivery.type, createdAt: delivery.created_at.toISOString(), data: delivery.data };
      const body = JSON.stringify(event);
      const headers = {
        'Content-Type': 'application/json',
        'User-Agent': 'Vetted-Webhooks/1',
        [WEBHOOK_SIGNATURE_HEADER]: signatureHeader(secret, body, Math.floor(Date.now() / 1000)),
        'Vetted-Event-Id': delivery.event_id,
        'Vetted-Event-Type': delivery.type,
        'Vetted-Delivery-Id': delivery.id,
      };
      return await postToDestination(destination, headers, body, webhooks.timeoutMs);
    } catch (error) {
      if (error instanceof DestinationRefusedError) return { ok: false, status: null, error: `destination refused: ${error.message}` };
      if (error instanceof SecretUnavailableError) return { ok: false, status: null, error: `cannot sign: ${error.message}` };
      this.logger.error(error);
      return { ok: false, status: null, error: 'could not be sent (see the server log)' };
    }
  }

  /** Only the run that holds the claim records its outcome (attempts still as it left them). */
  private async record(delivery: ClaimedDelivery, outcome: SendOutcome): Promise<void> {
    const { maxAttempts, retryBaseSeconds, retryMaxSeconds } = this.config.webhooks;
    await this.dataSource.query(
      `update webhook_delivery
          set status = case when $2 then 'delivered' when attempts >= $5 then 'failed' else 'pending' end,
              last_response_code = $3,
              last_error = $4,
              delivered_at = case when $2 then now() end,
              next_attempt_at = case when $2 or attempts >= $5 then null
                                     else now() + make_interval(secs => least($6::float8 * power(2::float8, least(attempts - 1, 30)), $7::float8)) end
        where id = $1 and attempts = $8 and status = 'pending'`,
      [delivery.id, outcome.ok, outcome.status, outcome.ok ? null : outcome.error, maxAttempts, retryBaseSeconds, retryMaxSeconds, delivery.attempts],
    );
    if (!outcome.ok) this.logger.warn(`webhook delivery ${delivery.id} (${delivery.type}) attempt ${delivery.attempts} failed: ${outcome.error}`);
  }

  private async scheduleNext(): Promise<void> {
    const [row] = (await this.dataSource.query(`select min(next_attempt_at) as next from webhook_delivery where status = 'pending'`)) as Array<{ next: Date | null }>;
    if (!row?.next) return;
    // Still due now: this run stopped at its limit, so the next one starts at once.
    if (row.next.getTime() <= Date.now()) await this.jobs.runSoon(DELIVER_WEBHOOKS_JOB, 1);
    else await this.jobs.runAt(DELIVER_WEBHOOKS_JOB, row.next);
  }
}
