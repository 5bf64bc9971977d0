import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAuditTrail1764000000001 implements MigrationInterface {
  name = 'CreateAuditTrail1764000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table audit_event (
        seq bigint primary key,
        at timestamptz not null,
        actor_id uuid,
        actor_name text,
        action text not null,
        entity text not null,
        entity_id text not null,
        before jsonb,
        after jsonb,
        prev_hash text not null,
        hash text not null unique
      )`);
    await q.query(`create sequence audit_event_seq owned by audit_event.seq`);
    await q.query(`create index audit_event_entity_idx on audit_event (entity, entity_id, seq)`);
    // 21 CFR 11.10(e): the trail must not be alterable. The database itself refuses, whatever the client.
    await q.query(`
      create function audit_event_is_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_event is append-only: % is not allowed', tg_op using errcode = 'insufficient_privilege';
      end $$`);
    await q.query(`
      create trigger audit_event_no_update_delete before update or delete on audit_event
      for each row execute function audit_event_is_append_only()`);
    await q.query(`
      create trigger audit_event_no_truncate before truncate on audit_event
      for each statement execute function audit_event_is_append_only()`);
    await q.query(`
      create table signature (
        id uuid primary key default gen_random_uuid(),
        signer_id uuid not null references app_user(id),
        signer_name text not null,
        signed_at timestamptz not null,
        meaning text not null,
        entity text not null,
        entity_id text not null,
        content_sha256 text not null
      )`);
    await q.query(`create index signature_entity_idx on signature (entity, entity_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table signature`);
    await q.query(`drop table audit_event`);
    await q.query(`drop function audit_event_is_append_only`);
  }
}
