import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { approveAllLanes, decide, newReviewTeam, type ReviewTeam, PNG_BYTES, submittedItem, uploadVersion } from '../testing/content-factory.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';

/** A revised picture: a valid PNG whose bytes differ from the first version's. */
const OTHER_PNG = Uint8Array.from(await sharp({ create: { width: 2, height: 2, channels: 3, background: '#336699' } }).png().toBuffer());

async function libraryBytes(t: TestApp, rep: TestUser, itemId: string): Promise<string> {
  const res = await fetch(`${t.baseUrl}/api/library/${itemId}/download`, { headers: { authorization: `Bearer ${rep.token}` } });
  expect(res.status).toBe(200);
  return createHash('sha256').update(Buffer.from(await res.arrayBuffer())).digest('hex');
}

describe('revisions of approved material', () => {
  let t: TestApp;
  let team: ReviewTeam;
  let editor: TestUser, regulatory: TestUser, rep: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    team = await newReviewTeam(t);
    ({ editor, regulatory, rep } = team);
  });
  afterAll(() => t?.close());

  it('serves the approved bytes during the revision, then the revision’s, and keeps the old version as superseded', async () => {
    const item = await submittedItem(t, editor);
    await approveAllLanes(t, team, item.id);
    const v1 = createHash('sha256').update(PNG_BYTES).digest('hex');
    const firstExpiry = (await t.http(editor.token).get(`/api/content-items/${item.id}`)).body.expiresAt;

    const v2 = await uploadVersion(t, editor, item.id, OTHER_PNG);
    expect(v2.asset.sha256).not.toBe(v1);
    const revising = await t.http(editor.token).post(`/api/content-items/${item.id}/submit`);
    expect(revising.body).toMatchObject({
      status: 'in_review',
      fastTrack: true,
      requiredLanes: ['regulatory'],
      approvedVersion: { number: 1, sha256: v1 },
      revision: { id: v2.id, number: 2 },
    });
    expect(revising.body.fastTrackReason).toMatch(/revises approved version 1/);
    expect(await libraryBytes(t, rep, item.id)).toBe(v1);
    expect((await t.http(rep.token).get(`/api/library/${item.id}`)).body.version.number).toBe(1);

    const approved = await decide(t, regulatory, item.id, 'regulatory');
    expect(approved.body).toMatchObject({ status: 'approved', approvedVersion: { id: v2.id, number: 2 }, revision: null, supersededVersionIds: [item.versions[0].id] });
    expect(new Date(approved.body.expiresAt).getTime()).toBeGreaterThan(new Date(firstExpiry).getTime());
    expect(await libraryBytes(t, rep, item.id)).toBe(v2.asset.sha256);
    const trail = (await t.http(editor.token).get(`/api/content-items/${item.id}/audit`)).body.events as Array<{ action: string }>;
    expect(trail.filter((e) => e.action === 'content_version.superseded')).toHaveLength(1);
    const signatures = await t.dataSource.query(`select count(*)::int as n from signature where entity_id = $1`, [item.versions[0].id]);
    expect(signatures[0].n).toBe(3);
  });

  it('keeps the approved version in the library while the revision has changes requested', async () => {
    const item = await submittedItem(t, editor);
    await approveAllLanes(t, team, item.id);
    await uploadVersion(t, editor, item.id, OTHER_PNG);
    await t.http(editor.token).post(`/api/content-items/${item.id}/submit`);
    expect((await decide(t, regulatory, item.id, 'regulatory', 'request_changes')).body.status).toBe('changes_requested');
    expect((await t.http(rep.token).get(`/api/library/${item.id}`)).body.version.number).toBe(1);
  });

  it('withdraws a revision only: the approved version stays in use and the item is approved again', async () => {
    const item = await submittedItem(t, editor);
    await approveAllLanes(t, team, item.id);
    const v2 = await uploadVersion(t, editor, item.id, OTHER_PNG);
    await t.http(editor.token).post(`/api/content-items/${item.id}/submit`);
    const withdrawn = await t.http(regulatory.token).post(`/api/content-items/${item.id}/withdraw`, {
      reason: 'Revision abandoned',
      scope: 'revision',
      versionId: v2.id,
      password: regulatory.password,
    });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ status: 'approved', revision: null, approvedVersion: { number: 1 }, requiredLanes: ['marketing', 'medical', 'regulatory'] });
    expect(await libraryBytes(t, rep, item.id)).toBe(createHash('sha256').update(PNG_BYTES).digest('hex'));
    // Not a revision any more: withdrawing "the revision" again is refused, and v2 cannot be resubmitted.
    const again = await t.http(regulatory.token).post(`/api/content-items/${item.id}/withdraw`, { reason: 'x', scope: 'revision', versionId: v2.id, password: regulatory.password });
    expect(again.status).toBe(409);
    expect((await t.http(editor.token).post(`/api/content-items/${item.id}/submit`)).status).toBe(409);
  });
});
