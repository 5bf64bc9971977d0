import type { AnalyticsDashboard } from '@vetted/contracts';
import { aProduct, approveAllLanes, decide, newItem, newReviewTeam, uploadVersion, type ReviewTeam } from '../testing/content-factory.js';
import { wavFile } from '../testing/media-files.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * A fixture built through the API (items, submissions, signed decisions, shares with reactions); only
 * timestamps are then moved by SQL, so every expected number below is computed by hand from them.
 */
describe('analytics dashboard (GET /api/analytics/dashboard)', () => {
  let t: TestApp;
  let team: ReviewTeam;
  let product: string;
  let t0: Date;
  const ids: Record<'a' | 'b' | 'c' | 'd', string> = { a: '', b: '', c: '', d: '' };

  const at = (hours: number) => new Date(t0.getTime() + hours * HOUR);
  const sql = (query: string, params: unknown[]) => t.dataSource.query(query, params);

  /** Moves the round's tasks of one lane: opened at `start`, decided (if decided) at `end`, and the decision with it. */
  async function moveLane(itemId: string, round: number, lane: string, start: number, end: number | null) {
    await sql(`update review_task set created_at = $4, closed_at = case when closed_at is null then null else $5::timestamptz end where item_id = $1 and round = $2 and lane = $3`, [itemId, round, lane, at(start), end === null ? at(start) : at(end)]);
    if (end !== null) await sql(`update review_decision d set decided_at = $4 from review_task t where t.decision_id = d.id and t.item_id = $1 and t.round = $2 and t.lane = $3`, [itemId, round, lane, at(end)]);
  }

  async function submit(itemId: string) {
    const res = await t.http(team.editor.token).post(`/api/content-items/${itemId}/submit`);
    if (res.status !== 200) throw new Error(`submit failed: ${res.status} ${JSON.stringify(res.body)}`);
  }

  async function share(itemId: string, body: Record<string, unknown>, sharedAt: Date) {
    const res = await t.http(team.rep.token).post(`/api/library/${itemId}/shares`, body);
    if (res.status !== 201) throw new Error(`share failed: ${res.status} ${JSON.stringify(res.body)}`);
    await sql(`update library_share set shared_at = $2 where id = $1`, [res.body.id, sharedAt]);
  }

  const dashboard = async (query = '', from = at(-24)) => {
    const res = await t.http(team.editor.token).get(`/api/analytics/dashboard?product=${encodeURIComponent(product)}&from=${from.toISOString()}${query}`);
    expect(res.status).toBe(200);
    return res.body as AnalyticsDashboard;
  };

  beforeAll(async () => {
    t = await createTestApp();
    team = await newReviewTeam(t);
    product = aProduct();
    const [{ monday }] = await sql(`select date_trunc('week', now() at time zone 'UTC') at time zone 'UTC' - interval '28 days' as monday`, []);
    t0 = new Date(monday);

    // A: an infographic approved at the first pass by the three lanes (2 h, 4 h, 6 h).
    ids.a = (await newItem(t, team.editor, { product, title: 'A' })).id;
    await uploadVersion(t, team.editor, ids.a);
    await submit(ids.a);
    await approveAllLanes(t, team, ids.a);
    // B: a podcast; medical asks for changes in round 1 (10 h), all approve round 2 (1 h, 2 h, 4 h after its start at 20 h).
    ids.b = (await newItem(t, team.editor, { product, title: 'B', format: 'podcast' })).id;
    const episode = { name: 'episode.wav', type: 'audio/wav', data: wavFile(2) };
    expect((await t.http(team.editor.token).upload(`/api/content-items/${ids.b}/versions`, episode)).status).toBe(201);
    await submit(ids.b);
    expect((await decide(t, team.medical, ids.b, 'medical', 'request_changes')).status).toBe(200);
    expect((await t.http(team.editor.token).upload(`/api/content-items/${ids.b}/versions`, { ...episode, data: wavFile(3) })).status).toBe(201);
    await submit(ids.b);
    await approveAllLanes(t, team, ids.b);
    // C: a reuse of A, fast-tracked to regulatory alone (1 h).
    ids.c = (await newItem(t, team.editor, { product, title: 'C', sourceItemId: ids.a })).id;
    await uploadVersion(t, team.editor, ids.c);
    await submit(ids.c);
    expect((await decide(t, team.regulatory, ids.c, 'regulatory')).body.status).toBe('approved');
    // D: in review, its medical task overdue.
    ids.d = (await newItem(t, team.editor, { product, title: 'D' })).id;
    await uploadVersion(t, team.editor, ids.d);
    await submit(ids.d);

    await moveLane(ids.a, 1, 'marketing', 0, 2);
    await moveLane(ids.a, 1, 'medical', 0, 4);
    await moveLane(ids.a, 1, 'regulatory', 0, 6);
    for (const lane of ['marketing', 'medical', 'regulatory']) await moveLane(ids.b, 1, lane, 0, lane === 'medical' ? 10 : null);
    await moveLane(ids.b, 2, 'marketing', 20, 21);
    await moveLane(ids.b, 2, 'medical', 20, 22);
    await moveLane(ids.b, 2, 'regulatory', 20, 24);
    await moveLane(ids.c, 1, 'regulatory', 0, 1);
    await sql(`update review_decision set decided_at = $2 where item_id = $1 and decision = 'request_changes'`, [ids.b, at(10)]);
    const approvedAt = { a: 6, b: 24, c: 1 } as const;
    const expiresIn = { a: 20, b: 45, c: 80 } as const;
    for (const key of ['a', 'b', 'c'] as const) {
      await sql(`update item_review set approved_at = $2, expires_at = now() + make_interval(days => $3) where item_id = $1`, [ids[key], at(approvedAt[key]), expiresIn[key]]);
    }
    await sql(`update review_task set due_at = now() - interval '1 day' where item_id = $1 and lane = 'medical' and status = 'open'`, [ids.d]);

    // Shares: two of A in week 0, one of B and one of C in week 1; three with a reaction.
    await share(ids.a, { channel: 'email', audienceSegment: 'science-driven', feedback: { useful: true, rating: 5 } }, at(2 * 24));
    await share(ids.a, { channel: 'rep-visit', audienceSegment: 'pragmatic', feedback: { useful: false, rating: 3, comment: 'Too dense' } }, at(2 * 24 + 1));
    await share(ids.b, { channel: 'email', audienceSegment: 'science-driven', feedback: { rating: 4 } }, at(9 * 24));
    await share(ids.c, { channel: 'social' }, at(9 * 24));
  }, 120_000);
  afterAll(() => t?.close());

  it('gives each lane’s cycle time, end to end, rounds, first pass and fast track as computed by hand', async () => {
    const { review } = await dashboard();
    expect(review.laneCycle).toEqual([
      // marketing: A 2 h, B round 2 1 h
      { lane: 'marketing', count: 2, medianHours: 1.5, p90Hours: 1.9 },
      // medical: B round 2 2 h, A 4 h, B round 1 10 h
      { lane: 'medical', count: 3, medianHours: 4, p90Hours: 8.8 },
      // regulatory: C 1 h, B round 2 4 h, A 6 h
      { lane: 'regulatory', count: 3, medianHours: 4, p90Hours: 5.6 },
    ]);
    expect(review.endToEnd).toEqual({ count: 3, medianHours: 6, p90Hours: 20.4 });
    expect(review.rounds).toEqual({ approved: 3, average: 1.33, distribution: [{ rounds: 1, items: 2 }, { rounds: 2, items: 1 }] });
    expect(review.firstPass).toEqual({ approved: 3, firstPass: 2, rate: 0.6667 });
    expect(review.fastTrack).toEqual({ approved: 3, fastTracked: 1, share: 0.3333, fastTrackMedianHours: 1, fullReviewMedianHours: 15, savedHoursPerItem: 14, savedHoursTotal: 14 });
    expect(review.overdueTasks).toEqual([
      { lane: 'marketing', overdue: 0 },
      { lane: 'medical', overdue: 1 },
      { lane: 'regulatory', overdue: 0 },
    ]);
    expect(review.expiring).toEqual([
      { withinDays: 30, items: 1 },
      { withinDays: 60, items: 2 },
      { withinDays: 90, items: 3 },
    ]);
  });

  it('counts shares per week by channel and segment, the top items and the reactions per item, format and segment', async () => {
    const { field } = await dashboard();
    const week0 = t0.toISOString().slice(0, 10);
    const week1 = new Date(t0.getTime() + 7 * DAY).toISOString().slice(0, 10);
    expect(field.sharesByChannel).toEqual([
      { period: week0, channel: 'email', shares: 1 },
      { period: week0, channel: 'rep-visit', shares: 1 },
      { period: week1, channel: 'email', shares: 1 },
      { period: week1, channel: 'social', shares: 1 },
    ]);
    expect(field.sharesBySegment).toEqual([
      { period: week0, segment: 'pragmatic', shares: 1 },
      { period: week0, segment: 'science-driven', shares: 1 },
      { period: week1, segment: 'science-driven', shares: 1 },
      { period: week1, segment: null, shares: 1 },
    ]);
    expect(field.topShared.map((i) => `${i.title}:${i.shares}`)).toEqual(['A:2', 'B:1', 'C:1']);
    expect(field.satisfactionByItem).toEqual([
      { itemId: ids.a, title: 'A', format: 'infographic', responses: 2, ratings: 2, averageRating: 4, usefulShare: 0.5 },
      { itemId: ids.b, title: 'B', format: 'podcast', responses: 1, ratings: 1, averageRating: 4, usefulShare: null },
    ]);
    expect(field.satisfactionByFormat).toEqual([
      { format: 'infographic', responses: 2, ratings: 2, averageRating: 4, usefulShare: 0.5 },
      { format: 'podcast', responses: 1, ratings: 1, averageRating: 4, usefulShare: null },
    ]);
    expect(field.satisfactionBySegment).toEqual([
      { segment: 'pragmatic', responses: 1, ratings: 1, averageRating: 3, usefulShare: 0 },
      { segment: 'science-driven', responses: 2, ratings: 2, averageRating: 4.5, usefulShare: 1 },
    ]);
    expect(field.satisfactionByFormatAndSegment).toEqual([
      { format: 'infographic', segment: 'pragmatic', responses: 1, ratings: 1, averageRating: 3, usefulShare: 0 },
      { format: 'infographic', segment: 'science-driven', responses: 1, ratings: 1, averageRating: 5, usefulShare: 1 },
      { format: 'podcast', segment: 'science-driven', responses: 1, ratings: 1, averageRating: 4, usefulShare: null },
    ]);
  });

  it('narrows by format and period, and a reaction added later shows in the aggregates', async () => {
    const podcasts = await dashboard('&format=podcast');
    expect(podcasts.review.endToEnd).toEqual({ count: 1, medianHours: 24, p90Hours: 24 });
    expect(podcasts.field.topShared.map((i) => i.title)).toEqual(['B']);
    // A period of week 1 only: A's shares and its approval fall out.
    const week1 = await dashboard(`&to=${at(14 * 24).toISOString()}`, at(7 * 24));
    expect(week1.field.topShared.map((i) => i.title)).toEqual(['B', 'C']);
    expect(week1.review.endToEnd.count).toBe(0);
    expect(week1.review.laneCycle.every((l) => l.count === 0 && l.medianHours === null)).toBe(true);
    const [cShare] = (await t.http(team.rep.token).get(`/api/library/shares/mine?itemId=${ids.c}`)).body.shares;
    expect((await t.http(team.rep.token).patch(`/api/library/shares/${cShare.id}/feedback`, { useful: true, rating: 2 })).status).toBe(200);
    const after = await dashboard();
    expect(after.field.satisfactionByItem.find((i) => i.itemId === ids.c)).toMatchObject({ responses: 1, averageRating: 2, usefulShare: 1 });
    expect(after.field.satisfactionBySegment.find((s) => s.segment === null)).toMatchObject({ responses: 1, averageRating: 2 });
  });

  it('is for editors and admins, and refuses a bad period with 400', async () => {
    expect((await t.http(team.rep.token).get('/api/analytics/dashboard')).status).toBe(403);
    expect((await t.http(team.medical.token).get('/api/analytics/dashboard')).status).toBe(403);
    const admin = await t.newUser(['admin']);
    expect((await t.http(admin.token).get('/api/analytics/dashboard')).status).toBe(200);
    const backwards = await t.http(team.editor.token).get('/api/analytics/dashboard?from=2026-02-01&to=2026-01-01');
    expect({ status: backwards.status, code: backwards.body.code }).toEqual({ status: 400, code: 'invalid_input' });
    expect((await t.http(team.editor.token).get('/api/analytics/dashboard?from=2020-01-01&to=2026-01-01')).body.message).toMatch(/at most 731 days/);
    expect((await t.http(team.editor.token).get('/api/analytics/dashboard?format=fax')).status).toBe(400);
  });
});
