import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddSeriesEpisodes1764000000008 implements MigrationInterface {
  name = 'AddSeriesEpisodes1764000000008';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table content_item add column series_id uuid references content_item(id), add column episode_number int`);
    await q.query(`alter table content_item add constraint content_item_episode_complete check ((series_id is null) = (episode_number is null))`);
    await q.query(`alter table content_item add constraint content_item_episode_positive check (episode_number is null or episode_number > 0)`);
    await q.query(`alter table content_item add constraint content_item_episode_unique unique (series_id, episode_number)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table content_item drop constraint content_item_episode_unique`);
    await q.query(`alter table content_item drop constraint content_item_episode_positive`);
    await q.query(`alter table content_item drop constraint content_item_episode_complete`);
    await q.query(`alter table content_item drop column episode_number, drop column series_id`);
  }
}
