import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAgenda1764000000006 implements MigrationInterface {
  name = 'CreateAgenda1764000000006';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table agenda_event (
        id uuid primary key default gen_random_uuid(),
        title text not null,
        kind text not null check (kind in ('congress','awareness_day','training','other')),
        starts_on date not null,
        ends_on date not null,
        specialties text[] not null default '{}',
        location text,
        url text,
        created_by uuid references app_user(id),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint agenda_event_dates_ordered check (ends_on >= starts_on)
      )`);
    await q.query(`create index agenda_event_dates_idx on agenda_event (starts_on, ends_on)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table agenda_event`);
  }
}
