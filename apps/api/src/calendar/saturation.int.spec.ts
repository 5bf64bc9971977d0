import { newItem } from '../testing/content-factory.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';

describe('segment saturation per week', () => {
  let t: TestApp;
  let editor: TestUser;
  beforeAll(async () => {
    t = await createTestApp({ SEGMENT_WEEKLY_LIMIT: '2' });
    editor = await t.newUser(['editor']);
  });
  afterAll(() => t?.close());

  it('counts the pieces each segment gets per Monday-started week and flags weeks over the limit', async () => {
    // Week of Monday 2031-03-03: cardiologists get 3 pieces (over a limit of 2), GPs 1.
    await newItem(t, editor, { plannedAt: '2031-03-03T08:00:00Z', segments: ['cardiologists', 'gps'] });
    await newItem(t, editor, { plannedAt: '2031-03-05T08:00:00Z', segments: ['cardiologists'] });
    await newItem(t, editor, { plannedAt: '2031-03-09T20:00:00Z', segments: ['cardiologists'] });
    // The next week starts on Monday 2031-03-10.
    await newItem(t, editor, { plannedAt: '2031-03-10T08:00:00Z', segments: ['cardiologists'] });

    const res = await t.http(editor.token).get('/api/calendar/saturation?from=2031-03-01&to=2031-03-31');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      weeklyLimit: 2,
      weeks: [
        { weekStart: '2031-03-03', segment: 'cardiologists', count: 3, over: true },
        { weekStart: '2031-03-03', segment: 'gps', count: 1, over: false },
        { weekStart: '2031-03-10', segment: 'cardiologists', count: 1, over: false },
      ],
      // No pair has a cap here (none set, no default): each is counted, none is over.
      pairs: [
        { weekStart: '2031-03-03', segment: 'cardiologists', channel: 'email', count: 3, cap: null, over: false },
        { weekStart: '2031-03-03', segment: 'gps', channel: 'email', count: 1, cap: null, over: false },
        { weekStart: '2031-03-10', segment: 'cardiologists', channel: 'email', count: 1, over: false, cap: null },
      ],
      caps: [],
      defaultPairCap: null,
    });
  });

  it('does not count withdrawn pieces, which reach nobody', async () => {
    const regulatory = await t.newUser(['regulatory_reviewer']);
    const item = await newItem(t, editor, { plannedAt: '2031-05-06T08:00:00Z', segments: ['oncologists'] });
    await t.http(regulatory.token).post(`/api/content-items/${item.id}/withdraw`, { reason: 'Cancelled', password: regulatory.password });
    const res = await t.http(editor.token).get('/api/calendar/saturation?from=2031-05-01&to=2031-05-31');
    expect(res.body.weeks).toEqual([]);
  });

  it('refuses a reversed range with a message naming the field', async () => {
    const res = await t.http(editor.token).get('/api/calendar/saturation?from=2031-03-31&to=2031-03-01');
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/to: to must be on or after from/);
  });
});
