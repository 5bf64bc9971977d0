import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Field feedback (issue 16): the doctor's reaction to a share, as the rep reports it, at recording
 * time or later: useful or not, a 1–5 rating, a short comment, and when it was recorded.
 */
export class ShareFeedback1796302644377 implements MigrationInterface {
  name = 'ShareFeedback1796302644377';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table library_share
        add column feedback_useful boolean,
        add column feedback_rating smallint,
        add column feedback_comment text,
        add column feedback_at timestamptz,
        add constraint library_share_feedback_rating check (feedback_rating between 1 and 5),
        add constraint library_share_feedback_comment_length check (char_length(feedback_comment) <= 500),
        add constraint library_share_feedback_dated check (
          feedback_at is not null or (feedback_useful is null and feedback_rating is null and feedback_comment is null))`);
    await q.query(`create index library_share_rep_idx on library_share (rep_id, shared_at desc)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index library_share_rep_idx`);
    await q.query(`
      alter table library_share
        drop constraint library_share_feedback_dated,
        drop constraint library_share_feedback_comment_length,
        drop constraint library_share_feedback_rating,
        drop column feedback_at,
        drop column feedback_comment,
        drop column feedback_rating,
        drop column feedback_useful`);
  }
}
