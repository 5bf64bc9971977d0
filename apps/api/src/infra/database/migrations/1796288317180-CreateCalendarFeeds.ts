import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Secret calendar feed URLs, one row per subscription a user made; only a SHA-256 of the token is kept. */
export class CreateCalendarFeeds1796288317180 implements MigrationInterface {
  name = 'CreateCalendarFeeds1796288317180';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table calendar_feed (
        id uuid primary key default gen_random_uuid(),
        user_id uuid not null references app_user(id),
        name text not null,
        token_hash text not null unique,
        created_at timestamptz not null default now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);
    await q.query(`create index calendar_feed_user_idx on calendar_feed (user_id) where revoked_at is null`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table calendar_feed`);
  }
}
