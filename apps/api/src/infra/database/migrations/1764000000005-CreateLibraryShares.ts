import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateLibraryShares1764000000005 implements MigrationInterface {
  name = 'CreateLibraryShares1764000000005';

  async up(q: QueryRunner): Promise<void> {
    // What a rep shared, through which channel, to which audience segment, and when: never who the
    // doctor was. rep_name is kept as printed at the time, as signatures keep the signer's name.
    await q.query(`
      create table library_share (
        id uuid primary key default gen_random_uuid(),
        item_id uuid not null references content_item(id),
        rep_id uuid not null references app_user(id),
        rep_name text not null,
        channel text not null check (channel in ('email','rep-visit','social','other')),
        audience_segment text check (char_length(audience_segment) between 1 and 60),
        note text check (char_length(note) <= 1000),
        shared_at timestamptz not null default now()
      )`);
    await q.query(`create index library_share_item_idx on library_share (item_id, shared_at desc)`);
    await q.query(`create index library_share_shared_at_idx on library_share (shared_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table library_share`);
  }
}
