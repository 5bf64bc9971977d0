import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCommentThreads1764000000007 implements MigrationInterface {
  name = 'CreateCommentThreads1764000000007';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table comment_thread (
        id uuid primary key default gen_random_uuid(),
        item_id uuid not null references content_item(id),
        version_number int not null check (version_number > 0),
        anchor jsonb,
        resolved_at timestamptz,
        resolved_by text,
        created_at timestamptz not null default now(),
        constraint comment_thread_resolution_complete check ((resolved_at is null) = (resolved_by is null))
      )`);
    await q.query(`create index comment_thread_item_idx on comment_thread (item_id, version_number)`);
    await q.query(`
      create table thread_comment (
        id uuid primary key default gen_random_uuid(),
        thread_id uuid not null references comment_thread(id),
        author_id uuid not null references app_user(id),
        author_name text not null,
        body text not null,
        created_at timestamptz not null default now()
      )`);
    await q.query(`create index thread_comment_thread_idx on thread_comment (thread_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table thread_comment`);
    await q.query(`drop table comment_thread`);
  }
}
