import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIdentity1764000000000 implements MigrationInterface {
  name = 'CreateIdentity1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table app_user (
        id uuid primary key default gen_random_uuid(),
        email text not null,
        name text not null,
        password_hash text not null,
        roles text[] not null,
        active boolean not null default true,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint app_user_email_lowercase check (email = lower(email)),
        constraint app_user_roles_known check (
          cardinality(roles) > 0 and
          roles <@ array['admin','editor','marketing_reviewer','medical_reviewer','regulatory_reviewer','rep']::text[])
      )`);
    await q.query(`create unique index app_user_email_key on app_user (email)`);
    await q.query(`
      create table user_session (
        id uuid primary key default gen_random_uuid(),
        user_id uuid not null references app_user(id),
        token_hash text not null unique,
        created_at timestamptz not null default now(),
        last_seen_at timestamptz not null default now(),
        expires_at timestamptz not null,
        revoked_at timestamptz,
        ip text,
        user_agent text
      )`);
    await q.query(`create index user_session_user_idx on user_session (user_id)`);
    await q.query(`
      create table login_failure (
        id bigserial primary key,
        email text not null,
        ip text not null,
        at timestamptz not null default now()
      )`);
    await q.query(`create index login_failure_email_idx on login_failure (email, at)`);
    await q.query(`create index login_failure_ip_idx on login_failure (ip, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table login_failure`);
    await q.query(`drop table user_session`);
    await q.query(`drop table app_user`);
  }
}
