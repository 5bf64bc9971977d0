import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Addresses each account has signed in from: guesses from elsewhere count toward the account's
 * ceiling but do not lock its owner out of these. Failures are counted per account + address, and a
 * password check in flight is a `pending` row until it is known to have failed (or succeeded: deleted).
 */
export class AddLoginKnownAddresses1796234986484 implements MigrationInterface {
  name = 'AddLoginKnownAddresses1796234986484';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table login_known_address (
        email text not null,
        ip text not null,
        last_success_at timestamptz not null default now(),
        primary key (email, ip)
      )`);
    await q.query(`alter table login_failure add column pending boolean not null default false`);
    await q.query(`create index login_failure_email_ip_idx on login_failure (email, ip, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index login_failure_email_ip_idx`);
    await q.query(`alter table login_failure drop column pending`);
    await q.query(`drop table login_known_address`);
  }
}
