import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Channels and audience segments become lists admins keep (issue 16): name, colour and, for a
 * segment, a description; and weekly caps per (segment, channel). Items keep storing the names, so
 * nothing they hold changes: the lists start with every distinct value items already use (there was
 * no configured list of content channels to import), each with a colour of a small palette.
 */
export class AudienceLists1796313308401 implements MigrationInterface {
  name = 'AudienceLists1796313308401';

  async up(q: QueryRunner): Promise<void> {
    for (const table of ['content_channel', 'audience_segment']) {
      await q.query(`
        create table ${table} (
          id uuid primary key default gen_random_uuid(),
          name text not null unique,
          colour text not null check (colour ~ '^#[0-9a-f]{6}$'),
          ${table === 'audience_segment' ? 'description text,' : ''}
          archived_at timestamptz,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now()
        )`);
    }
    await q.query(`
      create table audience_cap (
        segment_id uuid not null references audience_segment(id) on delete cascade,
        channel_id uuid not null references content_channel(id) on delete cascade,
        weekly_cap int not null check (weekly_cap between 0 and 1000),
        primary key (segment_id, channel_id)
      )`);

    const palette = `array['#2a5db0','#c2410c','#15803d','#7e22ce','#b91c1c','#0e7490','#a16207','#be185d']`;
    for (const [table, column] of [['content_channel', 'channels'], ['audience_segment', 'segments']]) {
      await q.query(`
        insert into ${table} (name, colour)
        select name, (${palette})[1 + (row_number() over (order by name) - 1)::int % 8]
          from (select distinct v as name from content_item, unnest(${column}) as v) used
         order by name`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table audience_cap`);
    await q.query(`drop table audience_segment`);
    await q.query(`drop table content_channel`);
  }
}
