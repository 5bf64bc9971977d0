import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * In-app notifications, each user's e-mail preference and language, and the e-mail outbox:
 * notification rows (and their e-mail rows) are written in the transaction of the change they tell of.
 */
export class CreateNotifications1796302443740 implements MigrationInterface {
  name = 'CreateNotifications1796302443740';

  async up(q: QueryRunner): Promise<void> {
    const types = `'task_assigned','task_due_soon','task_overdue','changes_requested','item_approved','item_approved_with_changes','item_suspended','item_withdrawn','item_expiring','mentioned'`;
    await q.query(`
      create table notification (
        id uuid primary key default gen_random_uuid(),
        recipient_id uuid not null references app_user(id) on delete cascade,
        type text not null,
        item_id uuid references content_item(id) on delete cascade,
        params jsonb not null,
        -- Reminders written by a job that may run twice: one per recipient and key (task-due:<taskId>, …).
        dedupe_key text,
        read_at timestamptz,
        created_at timestamptz not null default clock_timestamp(),
        constraint notification_type_known check (type in (${types})),
        constraint notification_once unique (recipient_id, dedupe_key)
      )`);
    await q.query(`create index notification_inbox_idx on notification (recipient_id, created_at desc)`);
    await q.query(`create index notification_unread_idx on notification (recipient_id) where read_at is null`);
    await q.query(`
      create table notification_setting (
        user_id uuid primary key references app_user(id) on delete cascade,
        email text not null default 'instant',
        locale text not null default 'en',
        last_digest_at timestamptz,
        updated_at timestamptz not null default now(),
        constraint notification_setting_email_known check (email in ('instant', 'daily', 'off')),
        constraint notification_setting_locale_known check (locale in ('fr', 'en'))
      )`);
    await q.query(`
      create table notification_email (
        id uuid primary key default gen_random_uuid(),
        recipient_id uuid not null references app_user(id) on delete cascade,
        kind text not null,
        notification_ids uuid[] not null,
        status text not null default 'pending',
        attempts int not null default 0,
        last_error text,
        last_attempt_at timestamptz,
        next_attempt_at timestamptz,
        sent_at timestamptz,
        created_at timestamptz not null default now(),
        constraint notification_email_kind_known check (kind in ('instant', 'digest')),
        constraint notification_email_not_empty check (cardinality(notification_ids) > 0),
        constraint notification_email_status_known check (status in ('pending', 'sent', 'failed')),
        constraint notification_email_pending_is_scheduled check ((status = 'pending') = (next_attempt_at is not null))
      )`);
    await q.query(`create index notification_email_due_idx on notification_email (next_attempt_at) where status = 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table notification_email`);
    await q.query(`drop table notification_setting`);
    await q.query(`drop table notification`);
  }
}
