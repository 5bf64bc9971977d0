import { REVIEW_LANES } from '@vetted/contracts';
import { applyReviewEvent, startReview, type PersistedReviewSnapshot, type ReviewEvent } from '@vetted/workflow';
import { DataSource } from 'typeorm';
import { dataSourceOptions, runMigrations } from '../infra/database/data-source.js';
import { MIGRATIONS } from '../infra/database/migrations/index.js';
import { ReviewOwnsItsState1796231297271 } from '../infra/database/migrations/1796231297271-ReviewOwnsItsState.js';
import { createTestDatabase } from '../testing/test-app.js';

const SHA_V1 = 'a'.repeat(64);
const SHA_V2 = 'b'.repeat(64);

function snapshotAfter(events: ReviewEvent[]): PersistedReviewSnapshot {
  const actor = startReview({ requiredLanes: [...REVIEW_LANES] });
  let stored = actor.getPersistedSnapshot();
  actor.stop();
  for (const event of events) stored = applyReviewEvent(stored, { requiredLanes: [...REVIEW_LANES] }, event).snapshot;
  return stored;
}

describe('migration: review state moves from content_item to item_review', () => {
  it('carries every review over (approved version, round, expiry) and leaves content_item without review columns', async () => {
    const url = await createTestDatabase();
    const before = MIGRATIONS.slice(0, MIGRATIONS.indexOf(ReviewOwnsItsState1796231297271));
    const old = new DataSource({ ...dataSourceOptions(url, 1), migrations: before });
    await old.initialize();
    try {
      await old.runMigrations({ transaction: 'all' });
      const [{ id: userId }] = await old.query(`insert into app_user (email, name, roles, password_hash, active) values ('e@x.test', 'E', '{editor}', 'x', true) returning id`);
      const approved = snapshotAfter([
        { type: 'SUBMIT', versionNumber: 1 },
        { type: 'REQUEST_CHANGES', lane: 'medical', versionNumber: 1 },
        { type: 'SUBMIT', versionNumber: 2 },
        ...REVIEW_LANES.map((lane) => ({ type: 'APPROVE' as const, lane, versionNumber: 2 })),
      ]);
      const [{ id: itemId }] = await old.query(
        `insert into content_item (title, format, status, planned_at, owner_id, fast_track, fast_track_reason, required_lanes, workflow_snapshot, workflow_version,
                                   current_version, submitted_at, approved_at, approved_sha256, expires_at)
         values ('Old approved', 'infographic', 'approved', now(), $1, false, 'full review: new content', '{marketing,medical,regulatory}', $2, 1,
                 2, now(), now(), $3, now() + interval '730 days') returning id`,
        [userId, JSON.stringify(approved), SHA_V2],
      );
      const versions = [];
      for (const [number, sha] of [[1, SHA_V1], [2, SHA_V2]] as const) {
        const [row] = await old.query(
          `insert into content_version (item_id, number, storage_key, filename, mime_type, size, sha256, created_by)
           values ($1, $2, $3, 'f.png', 'image/png', 1, $4, $5) returning id`,
          [itemId, number, `k-${number}`, sha, userId],
        );
        versions.push(row.id);
      }
      for (const [number, decision, sha] of [[1, 'request_changes', SHA_V1], [2, 'approve', SHA_V2]] as const) {
        const [signature] = await old.query(
          `insert into signature (signer_id, signer_name, signed_at, meaning, entity, entity_id, content_sha256) values ($1, 'R', now(), 'm', 'content_version', $2, $3) returning id`,
          [userId, versions[number - 1], sha],
        );
        await old.query(
          `insert into review_decision (item_id, version_number, lane, decision, reviewer_id, reviewer_name, signature_id, decided_at) values ($1, $2, 'medical', $3, $4, 'R', $5, now())`,
          [itemId, number, decision, userId, signature.id],
        );
      }
      await old.query(
        `insert into content_item (title, format, status, planned_at, owner_id, fast_track, fast_track_reason, required_lanes, workflow_snapshot, workflow_version)
         values ('Old draft', 'video', 'draft', now(), $1, true, 'fast-track: reuses approved item', '{regulatory}', $2, 1)`,
        [userId, JSON.stringify(snapshotAfter([]))],
      );

      expect(await runMigrations(url)).toContain('ReviewOwnsItsState1796231297271');

      const reviews = await old.query(`select r.*, i.title from item_review r join content_item i on i.id = r.item_id order by i.title`);
      expect(reviews.map((r: Record<string, unknown>) => [r.title, r.status, r.round, r.fast_track, r.required_lanes, r.workflow_version])).toEqual([
        ['Old approved', 'approved', 2, false, ['marketing', 'medical', 'regulatory'], 1],
        ['Old draft', 'draft', 0, true, ['regulatory'], 1],
      ]);
      expect(reviews[0]).toMatchObject({ approved_version_id: versions[1], approved_sha256: SHA_V2 });
      expect(reviews[0].workflow_snapshot).toEqual(approved);
      const columns = (await old.query(`select column_name from information_schema.columns where table_name = 'content_item'`)).map((c: { column_name: string }) => c.column_name);
      expect(columns.filter((c: string) => ['status', 'workflow_snapshot', 'approved_sha256', 'expires_at', 'due_at'].includes(c))).toEqual([]);
    } finally {
      await old.destroy();
    }
  });
});
