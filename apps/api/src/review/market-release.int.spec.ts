import type { ContentItem } from '@vetted/contracts';
import sharp from 'sharp';
import { approveAllLanes, currentVersionId, decide, newReviewTeam, submittedItem, uploadVersion, type ReviewTeam } from '../testing/content-factory.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';

const OTHER_PNG = Uint8Array.from(await sharp({ create: { width: 2, height: 2, channels: 3, background: '#336699' } }).png().toBuffer());

describe('market release: a French item reaches the field only once the responsible pharmacist signs its release', () => {
  let t: TestApp;
  let team: ReviewTeam;
  let pharmacist: TestUser;
  let frenchRep: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    team = await newReviewTeam(t);
    pharmacist = await t.newUser(['responsible_pharmacist'], 'Paula Pharmacienne');
    const admin = await t.newUser(['admin']);
    frenchRep = await t.newUser(['rep']);
    expect((await t.http(admin.token).patch(`/api/users/${frenchRep.id}`, { markets: ['FR'] })).status).toBe(200);
  });
  afterAll(() => t?.close());

  const view = async (id: string) => (await t.http(team.editor.token).get(`/api/content-items/${id}`)).body as ContentItem;
  // Staff see every market's library; the French rep sees what France may use.
  const inLibrary = async (id: string, who: TestUser = frenchRep) => ((await t.http(who.token).get('/api/library')).body.items as Array<{ id: string }>).some((i) => i.id === id);
  const release = async (who: TestUser, id: string, body: Record<string, unknown> = {}) =>
    t.http(who.token).post(`/api/content-items/${id}/release`, { versionId: await currentVersionId(t, team.editor, id), password: who.password, ...body });

  async function approvedFrenchItem(): Promise<ContentItem> {
    const item = await submittedItem(t, team.editor, { market: 'FR' });
    await approveAllLanes(t, team, item.id);
    return view(item.id);
  }

  it('holds the approved item out of the library until the release, which starts its validity and is signed on the version', async () => {
    const approved = await approvedFrenchItem();
    expect(approved).toMatchObject({ status: 'awaiting_release', approvedVersion: null, expiresAt: null, release: { market: 'FR', releasedAt: null } });
    expect(await inLibrary(approved.id)).toBe(false);
    expect((await t.http(frenchRep.token).get(`/api/library/${approved.id}`)).status).toBe(404);
    expect(await inLibrary(approved.id, team.editor)).toBe(false);

    const released = await release(pharmacist, approved.id, { filingReference: 'ANSM-2026-PM-0042' });
    expect(released.status).toBe(200);
    const version = approved.versions[0];
    expect(released.body).toMatchObject({
      status: 'approved',
      approvedVersion: { id: version.id, sha256: version.asset.sha256 },
      release: { market: 'FR', releasedByName: 'Paula Pharmacienne', filingReference: 'ANSM-2026-PM-0042', versionNumber: 1 },
    });
    expect(Date.parse(released.body.expiresAt) - Date.parse(released.body.release.releasedAt)).toBe(730 * 86_400_000);
    expect(await inLibrary(approved.id)).toBe(true);

    const [signature] = await t.dataSource.query(
      `select s.meaning, s.entity_id, s.content_sha256, s.signer_id from market_release r join signature s on s.id = r.signature_id where r.item_id = $1`,
      [approved.id],
    );
    expect(signature).toEqual({ meaning: 'released: final release for distribution in France', entity_id: version.id, content_sha256: version.asset.sha256, signer_id: pharmacist.id });
    const events = await t.dataSource.query(`select action from audit_event where entity_id = $1 and action in ('content_item.awaiting_release', 'content_item.released', 'content_item.approved') order by seq`, [approved.id]);
    expect(events.map((e: { action: string }) => e.action)).toEqual(['content_item.awaiting_release', 'content_item.released', 'content_item.approved']);
    const [announced] = await t.dataSource.query(`select count(*)::int as n from integration_event where type = 'item.approved' and data->>'itemId' = $1`, [approved.id]);
    expect(announced.n).toBe(1);
  });

  it('lets only the responsible pharmacist release, on the version approved, once, with the password', async () => {
    const approved = await approvedFrenchItem();
    for (const who of [team.regulatory, team.medical, team.editor, team.rep]) expect((await release(who, approved.id)).status).toBe(403);
    const wrongPassword = await t.http(pharmacist.token).post(`/api/content-items/${approved.id}/release`, { versionId: approved.versions[0].id, password: 'not-the-password' });
    expect(wrongPassword.status).toBe(401);
    const stale = await t.http(pharmacist.token).post(`/api/content-items/${approved.id}/release`, { versionId: '00000000-0000-4000-8000-000000000000', password: pharmacist.password });
    expect(stale.body).toMatchObject({ statusCode: 409, code: 'stale_version' });
    expect((await release(pharmacist, approved.id)).status).toBe(200);
    expect((await release(pharmacist, approved.id)).body).toMatchObject({ statusCode: 409, code: 'state_conflict', details: { status: 'approved' } });
    const [{ n }] = await t.dataSource.query(`select count(*)::int as n from market_release where item_id = $1`, [approved.id]);
    expect(n).toBe(1);
  });

  it('asks no release of items without a market or of markets without the policy', async () => {
    for (const market of [undefined, 'US']) {
      const item = await submittedItem(t, team.editor, market ? { market } : {});
      await approveAllLanes(t, team, item.id);
      expect(await view(item.id)).toMatchObject({ status: 'approved', release: null });
      expect((await release(pharmacist, item.id)).status).toBe(409);
    }
  });

  it('keeps the released version in the library while a revision waits for its own release', async () => {
    const approved = await approvedFrenchItem();
    await release(pharmacist, approved.id);
    const v2 = await uploadVersion(t, team.editor, approved.id, OTHER_PNG);
    const submitted = await t.http(team.editor.token).post(`/api/content-items/${approved.id}/submit`);
    expect(submitted.status).toBe(200);
    // A revision is fast-tracked like a reuse of the approved version: only its required lanes decide.
    for (const lane of submitted.body.requiredLanes as Array<'marketing' | 'medical' | 'regulatory'>) expect((await decide(t, team[lane], approved.id, lane)).status).toBe(200);
    const waiting = await view(approved.id);
    expect(waiting).toMatchObject({ status: 'awaiting_release', approvedVersion: { number: 1 }, revision: { id: v2.id } });
    expect(await inLibrary(approved.id)).toBe(true);
    expect((await release(pharmacist, approved.id)).body).toMatchObject({ status: 'approved', approvedVersion: { id: v2.id }, supersededVersionIds: [approved.versions[0].id], release: { versionNumber: 2 } });
  });
});
