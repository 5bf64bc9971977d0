import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Items name their product, market (ISO 3166 alpha-2) and language; reps see the markets they cover. */
export class ProductMarketLanguage1796237000000 implements MigrationInterface {
  name = 'ProductMarketLanguage1796237000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table content_item
        add column product text check (product is null or length(product) between 1 and 100),
        add column market text check (market is null or market ~ '^[A-Z]{2}$'),
        add column language text check (language is null or language ~ '^[a-z]{2}$')`);
    await q.query(`create index content_item_market_idx on content_item (market)`);
    await q.query(`alter table app_user add column markets text[] not null default '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table app_user drop column markets`);
    await q.query(`drop index content_item_market_idx`);
    await q.query(`alter table content_item drop column language, drop column market, drop column product`);
  }
}
