import { randomUUID } from 'node:crypto';
import { decide, newItem, submittedItem, uploadVersion } from '../testing/content-factory.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';

/** Counts of everything a signed decision writes, to prove a refused one wrote nothing. */
async function footprint(t: TestApp, itemId: string) {
  const [row] = await t.dataSource.query(
    `select (select count(*)::int from review_decision where item_id = $1) as decisions,
            (select count(*)::int from signature) as signatures,
            (select count(*)::int from audit_event where entity_id = $1::text) as events`,
    [itemId],
  );
  return row as { decisions: number; signatures: number; events: number };
}

describe('a signature binds the exact version the signer saw', () => {
  let t: TestApp;
  let editor: TestUser, marketing: TestUser, medical: TestUser, regulatory: TestUser, admin: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    editor = await t.newUser(['editor']);
    marketing = await t.newUser(['marketing_reviewer']);
    medical = await t.newUser(['medical_reviewer']);
    regulatory = await t.newUser(['regulatory_reviewer']);
    admin = await t.newUser(['admin']);
  });
  afterAll(() => t?.close());

  it('refuses a decision from a stale page after a resubmission (409 stale_version) and records nothing', async () => {
    const item = await submittedItem(t, editor);
    const v1 = item.versions[0].id;
    await decide(t, medical, item.id, 'medical', 'request_changes');
    await uploadVersion(t, editor, item.id);
    await t.http(editor.token).post(`/api/content-items/${item.id}/submit`);
    const before = await footprint(t, item.id);

    const stale = await decide(t, marketing, item.id, 'marketing', 'approve', marketing.password, v1);
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale_version');
    expect(stale.body.details.versionUnderReview).toBe(2);
    expect(stale.body.message).toMatch(/version 2 is current/);
    expect(await footprint(t, item.id)).toEqual(before);

    const someoneElses = await decide(t, marketing, item.id, 'marketing', 'approve', marketing.password, randomUUID());
    expect(someoneElses.body.code).toBe('stale_version');

    const current = await decide(t, marketing, item.id, 'marketing');
    expect(current.status).toBe(200);
    const [signature] = await t.dataSource.query(
      `select s.entity_id, s.content_sha256 from signature s join review_decision d on d.signature_id = s.id where d.item_id = $1 and d.version_number = 2`,
      [item.id],
    );
    const v2 = current.body.versions.find((v: { number: number }) => v.number === 2);
    expect(signature).toEqual({ entity_id: v2.id, content_sha256: v2.asset.sha256 });
  });

  it('refuses a decision without versionId (400 naming it)', async () => {
    const item = await submittedItem(t, editor);
    const res = await t.http(medical.token).post(`/api/content-items/${item.id}/reviews`, { lane: 'medical', decision: 'approve', password: medical.password });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/versionId/);
  });

  it('refuses a reviewer who uploaded the version under review, even on an item someone else owns', async () => {
    const editorReviewer = await t.newUser(['editor', 'medical_reviewer']);
    const item = await submittedItem(t, editor, { coOwnerIds: [editorReviewer.id] });
    await decide(t, regulatory, item.id, 'regulatory', 'request_changes');
    await uploadVersion(t, editorReviewer, item.id);
    await t.http(editor.token).post(`/api/content-items/${item.id}/submit`);
    const before = await footprint(t, item.id);

    const own = await decide(t, editorReviewer, item.id, 'medical');
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('segregation_of_duties');
    expect(own.body.message).toMatch(/uploaded this version/);
    expect(await footprint(t, item.id)).toEqual(before);
  });

  it('requires a comment to request changes (400), blank included', async () => {
    const item = await submittedItem(t, editor);
    for (const comment of [undefined, '   ']) {
      const res = await t.http(medical.token).post(`/api/content-items/${item.id}/reviews`, {
        lane: 'medical',
        decision: 'request_changes',
        versionId: item.versions[0].id,
        comment,
        password: medical.password,
      });
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/comment is required/);
    }
    expect((await footprint(t, item.id)).decisions).toBe(0);
  });

  it('binds a withdrawal to the version too: stale is 409, missing is 400, a draft with no file needs none', async () => {
    const item = await submittedItem(t, editor);
    const path = `/api/content-items/${item.id}/withdraw`;
    const missing = await t.http(regulatory.token).post(path, { reason: 'Label update', password: regulatory.password });
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('version_required');
    const stale = await t.http(regulatory.token).post(path, { reason: 'Label update', versionId: randomUUID(), password: regulatory.password });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale_version');
    const done = await t.http(regulatory.token).post(path, { reason: 'Label update', versionId: item.versions[0].id, password: regulatory.password });
    expect(done.body.status).toBe('withdrawn');
    const [signature] = await t.dataSource.query(`select entity, entity_id, content_sha256 from signature where meaning = 'withdrawn' and entity_id = $1`, [
      item.versions[0].id,
    ]);
    expect(signature).toEqual({ entity: 'content_version', entity_id: item.versions[0].id, content_sha256: item.versions[0].asset.sha256 });

    const draft = await newItem(t, editor);
    const plain = await t.http(admin.token).post(`/api/content-items/${draft.id}/withdraw`, { reason: 'Cancelled', password: admin.password });
    expect(plain.body.status).toBe('withdrawn');
  });

  it('an admin cannot grant themselves a reviewer role; another admin can', async () => {
    const self = await t.http(admin.token).patch(`/api/users/${admin.id}`, { roles: ['admin', 'medical_reviewer'] });
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('self_role_grant');
    expect(self.body.message).toMatch(/another admin/);
    expect((await t.http(admin.token).get('/api/users')).body.find((u: { id: string }) => u.id === admin.id).roles).toEqual(['admin']);

    expect((await t.http(admin.token).patch(`/api/users/${admin.id}`, { name: 'Renamed admin', roles: ['admin'] })).status).toBe(200);
    const other = await t.newUser(['admin']);
    const granted = await t.http(other.token).patch(`/api/users/${admin.id}`, { roles: ['admin', 'medical_reviewer'] });
    expect(granted.status).toBe(200);
    expect(granted.body.roles).toEqual(['admin', 'medical_reviewer']);
  });
});
