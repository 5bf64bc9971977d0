import type { ContentItem } from '@vetted/contracts';
import { randomUUID } from 'node:crypto';
import { approveAllLanes, newReviewTeam, type ReviewTeam, submittedItem } from '../testing/content-factory.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';
import { ReviewService } from './review.service.js';

const DAY_MS = 86_400_000;

describe('periodic review of approved material', () => {
  let t: TestApp;
  let team: ReviewTeam;
  let editor: TestUser, marketing: TestUser, medical: TestUser, regulatory: TestUser, rep: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    team = await newReviewTeam(t);
    ({ editor, marketing, medical, regulatory, rep } = team);
  });
  afterAll(() => t?.close());

  /** An approved item whose approval runs out in `days` days. */
  async function approvedExpiringIn(days: number): Promise<ContentItem> {
    const item = await submittedItem(t, editor);
    await approveAllLanes(t, team, item.id);
    await t.dataSource.query(`update item_review set expires_at = now() + make_interval(days => $2) where item_id = $1`, [item.id, days]);
    return item;
  }

  const periodic = (who: TestUser, item: ContentItem, decision: string, versionId = item.versions[0].id) =>
    t.http(who.token).post(`/api/content-items/${item.id}/periodic-review`, { decision, versionId, password: who.password, comment: 'Label unchanged' });

  it('opens 60 days before expiry (once), and a recertification extends the validity from the signature', async () => {
    const soon = await approvedExpiringIn(30);
    const later = await approvedExpiringIn(200);
    expect((await periodic(medical, soon, 'recertify')).status).toBe(409);

    const service = t.app.get(ReviewService);
    expect(await service.openDuePeriodicReviews()).toBe(1);
    expect(await service.openDuePeriodicReviews()).toBe(0);
    const open = (await t.http(editor.token).get(`/api/content-items/${soon.id}`)).body;
    expect(open.periodicReviewDueAt).toBe(open.expiresAt);
    expect((await t.http(editor.token).get(`/api/content-items/${later.id}`)).body.periodicReviewDueAt).toBeNull();
    expect((await t.http(rep.token).get(`/api/library/${soon.id}`)).status).toBe(200);

    expect((await periodic(marketing, soon, 'recertify')).status).toBe(403);
    expect((await periodic(medical, soon, 'recertify', randomUUID())).body.code).toBe('stale_version');
    const recertified = await periodic(medical, soon, 'recertify');
    expect(recertified.status).toBe(200);
    expect(recertified.body).toMatchObject({ status: 'approved', periodicReviewDueAt: null });
    expect(new Date(recertified.body.expiresAt).getTime()).toBeGreaterThan(Date.now() + 729 * DAY_MS);
    const [signature] = await t.dataSource.query(`select meaning, content_sha256 from signature where meaning like 'recertified%' and entity_id = $1`, [soon.versions[0].id]);
    expect(signature).toEqual({ meaning: 'recertified: periodic review', content_sha256: soon.versions[0].asset.sha256 });
    expect((await periodic(medical, soon, 'recertify')).status).toBe(409);
  });

  it('a retirement, signed, takes the item out of the library', async () => {
    const item = await approvedExpiringIn(10);
    await t.app.get(ReviewService).openDuePeriodicReviews();
    const retired = await periodic(regulatory, item, 'retire');
    expect(retired.body).toMatchObject({ status: 'retired' });
    expect((await t.http(rep.token).get(`/api/library/${item.id}`)).status).toBe(404);
    const trail = (await t.http(editor.token).get(`/api/content-items/${item.id}/audit`)).body.events as Array<{ action: string }>;
    expect(trail.map((e) => e.action)).toEqual(expect.arrayContaining(['review.periodic_review_opened', 'content_item.retired']));
  });

  it('refuses a periodic review signed by the item’s author, even one who is also a reviewer (403), and records nothing', async () => {
    const twoHats = await t.newUser(['editor', 'regulatory_reviewer']);
    const item = await submittedItem(t, twoHats);
    await approveAllLanes(t, team, item.id);
    await t.dataSource.query(`update item_review set expires_at = now() + interval '5 days' where item_id = $1`, [item.id]);
    await t.app.get(ReviewService).openDuePeriodicReviews();
    const own = await periodic(twoHats, item, 'recertify');
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('segregation_of_duties');
    const [{ n }] = await t.dataSource.query(`select count(*)::int as n from periodic_review_decision where item_id = $1`, [item.id]);
    expect(n).toBe(0);
  });
});
