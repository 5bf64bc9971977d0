import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Personal access tokens for integrations: only a SHA-256 of each is kept (it is 256 random bits,
 * so a fast hash is enough), with the scopes an admin gave it and when it was last used.
 */
export class CreateAccessTokens1796288317146 implements MigrationInterface {
  name = 'CreateAccessTokens1796288317146';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table access_token (
        id uuid primary key default gen_random_uuid(),
        name text not null,
        scopes text[] not null,
        token_hash text not null unique,
        token_prefix text not null,
        created_by uuid not null references app_user(id),
        created_at timestamptz not null default now(),
        last_used_at timestamptz,
        revoked_at timestamptz,
        constraint access_token_scopes_known check (
          cardinality(scopes) > 0 and scopes <@ array['library:read','shares:write']::text[])
      )`);
    await q.query(`create index access_token_active_idx on access_token (created_at) where revoked_at is null`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table access_token`);
  }
}
