import { decide, newItem, submittedItem, uploadVersion } from '../testing/content-factory.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';

describe('item ownership: owners change and submit, the committee views and reschedules', () => {
  let t: TestApp;
  let owner: TestUser, coOwner: TestUser, otherEditor: TestUser, medical: TestUser, marketing: TestUser, regulatory: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await t.newUser(['editor']);
    coOwner = await t.newUser(['editor']);
    otherEditor = await t.newUser(['editor']);
    medical = await t.newUser(['medical_reviewer']);
    marketing = await t.newUser(['marketing_reviewer']);
    regulatory = await t.newUser(['regulatory_reviewer']);
  });
  afterAll(() => t?.close());

  it('refuses another editor’s retitle, upload and submit (403 not_item_owner), and lets a co-owner do them', async () => {
    const item = await newItem(t, owner, { coOwnerIds: [coOwner.id] });
    expect(item.coOwnerIds).toEqual([coOwner.id]);
    const retitle = await t.http(otherEditor.token).patch(`/api/content-items/${item.id}`, { title: 'Hijacked' });
    expect(retitle.status).toBe(403);
    expect(retitle.body.code).toBe('not_item_owner');
    await expect(uploadVersion(t, otherEditor, item.id)).rejects.toThrow(/upload failed: 403/);
    expect((await t.http(otherEditor.token).post(`/api/content-items/${item.id}/uploads`, { filename: 'x.png', size: 10, sha256: 'a'.repeat(64) })).status).toBe(403);
    expect((await t.http(otherEditor.token).patch(`/api/content-items/${item.id}`, { coOwnerIds: [otherEditor.id] })).status).toBe(403);

    expect((await t.http(coOwner.token).patch(`/api/content-items/${item.id}`, { title: 'Retitled by a co-owner' })).status).toBe(200);
    await uploadVersion(t, coOwner, item.id);
    expect((await t.http(otherEditor.token).post(`/api/content-items/${item.id}/submit`)).status).toBe(403);
    expect((await t.http(coOwner.token).post(`/api/content-items/${item.id}/submit`)).body.status).toBe('in_review');

    const moved = await t.http(otherEditor.token).patch(`/api/content-items/${item.id}`, { plannedAt: '2027-02-01T09:00:00Z' });
    expect(moved.status).toBe(200);
    const [{ n }] = await t.dataSource.query(`select count(*)::int as n from audit_event where entity_id = $1 and action = 'content_item.rescheduled' and actor_id = $2`, [
      item.id,
      otherEditor.id,
    ]);
    expect(n).toBe(1);
  });

  it('accepts only active editors as co-owners (400 naming the others)', async () => {
    const res = await t.http(owner.token).post('/api/content-items', { title: 'x', format: 'video', plannedAt: '2027-01-01', coOwnerIds: [medical.id] });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain(medical.id);
  });

  it('does not reschedule withdrawn material (409)', async () => {
    const item = await submittedItem(t, owner);
    for (const [who, lane] of [[marketing, 'marketing'], [medical, 'medical'], [regulatory, 'regulatory']] as const) await decide(t, who, item.id, lane);
    await t.http(regulatory.token).post(`/api/content-items/${item.id}/withdraw`, { reason: 'Safety', versionId: item.versions[0].id, password: regulatory.password });
    const moved = await t.http(owner.token).patch(`/api/content-items/${item.id}`, { plannedAt: '2027-03-01T09:00:00Z' });
    expect(moved.status).toBe(409);
    expect(moved.body.message).toMatch(/withdrawn/);
  });

  it('lets a thread be resolved by its author, the item’s owners or a reviewer, not by another editor', async () => {
    const item = await submittedItem(t, owner);
    const started = await t.http(medical.token).post(`/api/content-items/${item.id}/comments`, { versionNumber: 1, body: 'Source of the 30 % figure?' });
    expect(started.status).toBe(201);
    const path = `/api/content-items/${item.id}/comments/${started.body.id}`;
    const stranger = await t.http(otherEditor.token).post(`${path}/resolve`);
    expect(stranger.status).toBe(403);
    expect((await t.http(owner.token).post(`${path}/resolve`)).status).toBe(200);
    expect((await t.http(marketing.token).post(`${path}/reopen`)).status).toBe(200);
    expect((await t.http(medical.token).post(`${path}/resolve`)).status).toBe(200);
  });
});
