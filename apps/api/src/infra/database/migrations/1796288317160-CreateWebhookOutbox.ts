import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhooks and their transactional outbox: integration_event rows are written in the same
 * transaction as the change they announce, with one webhook_delivery per subscribed webhook.
 */
export class CreateWebhookOutbox1796288317160 implements MigrationInterface {
  name = 'CreateWebhookOutbox1796288317160';

  async up(q: QueryRunner): Promise<void> {
    const types = `array['item.approved','item.superseded','item.withdrawn','item.expired','item.suspended']::text[]`;
    await q.query(`
      create table webhook (
        id uuid primary key default gen_random_uuid(),
        url text not null,
        events text[] not null,
        -- 'aes-256-gcm:<base64 iv|tag|ciphertext>' under WEBHOOK_SECRET_KEY, or 'plain:<secret>' without one.
        sealed_secret text not null,
        created_by uuid not null references app_user(id),
        created_by_name text not null,
        created_at timestamptz not null default now(),
        constraint webhook_events_known check (cardinality(events) > 0 and events <@ ${types})
      )`);
    await q.query(`
      create table integration_event (
        id uuid primary key default gen_random_uuid(),
        seq bigserial not null unique,
        type text not null,
        data jsonb not null,
        created_at timestamptz not null default clock_timestamp(),
        constraint integration_event_type_known check (type = any(${types})),
        constraint integration_event_names_item check (data ? 'itemId')
      )`);
    await q.query(`
      create table webhook_delivery (
        id uuid primary key default gen_random_uuid(),
        webhook_id uuid not null references webhook(id) on delete cascade,
        event_id uuid not null references integration_event(id),
        status text not null default 'pending',
        attempts int not null default 0,
        last_response_code int,
        last_error text,
        last_attempt_at timestamptz,
        next_attempt_at timestamptz,
        delivered_at timestamptz,
        created_at timestamptz not null default now(),
        constraint webhook_delivery_once unique (webhook_id, event_id),
        constraint webhook_delivery_status_known check (status in ('pending', 'delivered', 'failed')),
        constraint webhook_delivery_pending_is_scheduled check ((status = 'pending') = (next_attempt_at is not null))
      )`);
    await q.query(`create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where status = 'pending'`);
    await q.query(`create index webhook_delivery_log_idx on webhook_delivery (webhook_id, created_at desc)`);
    await q.query(`create index webhook_delivery_event_idx on webhook_delivery (event_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table webhook_delivery`);
    await q.query(`drop table integration_event`);
    await q.query(`drop table webhook`);
  }
}
