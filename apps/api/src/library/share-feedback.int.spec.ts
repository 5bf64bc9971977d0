import { approveAllLanes, newReviewTeam, submittedItem, type ReviewTeam } from '../testing/content-factory.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';

describe('field feedback on shares', () => {
  let t: TestApp;
  let team: ReviewTeam;
  let otherRep: TestUser;
  let itemId: string;
  beforeAll(async () => {
    t = await createTestApp();
    team = await newReviewTeam(t);
    otherRep = await t.newUser(['rep'], 'Rose Rep');
    itemId = (await submittedItem(t, team.editor)).id;
    await approveAllLanes(t, team, itemId);
  });
  afterAll(() => t?.close());

  it('records the doctor’s reaction with the share, and shows it to the committee', async () => {
    const res = await t.http(team.rep.token).post(`/api/library/${itemId}/shares`, {
      channel: 'rep-visit',
      audienceSegment: 'science-driven',
      feedback: { useful: true, rating: 4, comment: 'Wants the podcast too' },
    });
    expect(res.status).toBe(201);
    expect(res.body.feedback).toEqual({ useful: true, rating: 4, comment: 'Wants the podcast too', recordedAt: expect.any(String) });
    const listed = await t.http(team.editor.token).get(`/api/library/shares?itemId=${itemId}`);
    expect(listed.body.shares.find((s: { id: string }) => s.id === res.body.id).feedback).toMatchObject({ useful: true, rating: 4 });
  });

  it('lets the rep add the reaction later to their own share, field by field, and audits it', async () => {
    const share = (await t.http(team.rep.token).post(`/api/library/${itemId}/shares`, { channel: 'email' })).body;
    expect(share.feedback).toBeNull();
    const mine = await t.http(team.rep.token).get('/api/library/shares/mine');
    expect(mine.body.shares[0]).toMatchObject({ id: share.id, feedback: null, itemTitle: 'Insuffisance cardiaque : 90 secondes pour comprendre' });

    const rated = await t.http(team.rep.token).patch(`/api/library/shares/${share.id}/feedback`, { rating: 2 });
    expect(rated.status).toBe(200);
    expect(rated.body.feedback).toMatchObject({ useful: null, rating: 2, comment: null });
    const more = await t.http(team.rep.token).patch(`/api/library/shares/${share.id}/feedback`, { useful: false, comment: 'Too long for a visit' });
    expect(more.body.feedback).toMatchObject({ useful: false, rating: 2, comment: 'Too long for a visit' });

    const [event] = await t.dataSource.query(`select actor_id, after from audit_event where action = 'library.feedback_recorded' and entity_id = $1 order by seq desc limit 1`, [itemId]);
    expect(event).toMatchObject({ actor_id: team.rep.id, after: { shareId: share.id, useful: false, rating: 2 } });
  });

  it('is a 404 on another rep’s share or an unknown one, and a 403 for staff', async () => {
    const share = (await t.http(team.rep.token).post(`/api/library/${itemId}/shares`, { channel: 'email' })).body;
    const probe = await t.http(otherRep.token).patch(`/api/library/shares/${share.id}/feedback`, { rating: 1 });
    expect(probe.status).toBe(404);
    expect(probe.body.code).toBe('not_found');
    expect((await t.http(otherRep.token).get('/api/library/shares/mine')).body.shares).toEqual([]);
    expect((await t.http(team.rep.token).patch('/api/library/shares/00000000-0000-4000-8000-000000000000/feedback', { rating: 1 })).status).toBe(404);
    expect((await t.http(team.editor.token).patch(`/api/library/shares/${share.id}/feedback`, { rating: 1 })).status).toBe(403);
    const unchanged = await t.http(team.editor.token).get(`/api/library/shares?itemId=${itemId}`);
    expect(unchanged.body.shares.find((s: { id: string }) => s.id === share.id).feedback).toBeNull();
  });

  it('refuses a rating out of 1–5, an empty reaction, a long comment and unknown fields with 400', async () => {
    const share = (await t.http(team.rep.token).post(`/api/library/${itemId}/shares`, { channel: 'email' })).body;
    const bad = async (body: unknown, pattern: RegExp, code = 'invalid_input') => {
      const res = await t.http(team.rep.token).patch(`/api/library/shares/${share.id}/feedback`, body);
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code });
      expect(res.body.message).toMatch(pattern);
    };
    await bad({ rating: 6 }, /rating must be from 1 to 5/);
    await bad({ rating: 0 }, /rating must be from 1 to 5/);
    await bad({ rating: 2.5 }, /whole number/);
    await bad({}, /feedback needs useful, rating or comment/);
    await bad({ comment: 'x'.repeat(501) }, /comment: at most 500/);
    await bad({ rating: 3, doctorName: 'Dr X' }, /doctorName/, 'unknown_parameter');
    const atRecording = await t.http(team.rep.token).post(`/api/library/${itemId}/shares`, { channel: 'email', feedback: { rating: 9 } });
    expect(atRecording.status).toBe(400);
  });
});
