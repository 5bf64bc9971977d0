import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateReviewDecisions1764000000003 implements MigrationInterface {
  name = 'CreateReviewDecisions1764000000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table review_decision (
        id uuid primary key default gen_random_uuid(),
        item_id uuid not null references content_item(id),
        version_number int not null,
        lane text not null check (lane in ('marketing','medical','regulatory')),
        decision text not null check (decision in ('approve','request_changes')),
        reviewer_id uuid not null references app_user(id),
        reviewer_name text not null,
        comment text,
        signature_id uuid not null references signature(id),
        decided_at timestamptz not null,
        constraint review_decision_one_per_lane unique (item_id, version_number, lane),
        -- segregation of duties: one person decides at most one lane of a given version
        constraint review_decision_one_lane_per_reviewer unique (item_id, version_number, reviewer_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table review_decision`);
  }
}
