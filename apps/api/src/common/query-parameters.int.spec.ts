import { newItem } from '../testing/content-factory.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';

/** Every route that reads a query, with a query it understands, so an extra parameter is the only fault. */
const QUERY_ROUTES = [
  '/api/content-items?pageSize=5',
  '/api/library?limit=5',
  '/api/library/shares?limit=5',
  '/api/library/shares/summary?from=2026-01-01T00:00:00Z',
  '/api/agenda?from=2026-01-01&to=2026-12-31',
  '/api/calendar/saturation?from=2026-01-01&to=2026-12-31',
  '/api/audit?limit=5',
];

describe('query parameters the API does not understand answer 400 naming them', () => {
  let t: TestApp;
  let admin: TestUser;
  let editor: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.newUser(['admin', 'editor']);
    editor = await t.newUser(['editor']);
  });
  afterAll(() => t?.close());

  it('refuses GET /api/content-items?format[$ne]=x (it answered 200 with everything) and names the parameter', async () => {
    await newItem(t, editor, { format: 'video' });
    const res = await t.http(editor.token).get('/api/content-items?format[$ne]=x');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'unknown_parameter' });
    expect(res.body.message).toContain('format[$ne]');
  });

  it('refuses an unknown parameter on every route that takes a query, and still answers the known ones', async () => {
    for (const route of QUERY_ROUTES) {
      expect({ route, status: (await t.http(admin.token).get(route)).status }).toEqual({ route, status: 200 });
      const res = await t.http(admin.token).get(`${route}&sort=title`);
      expect({ route, status: res.status, code: res.body.code }).toEqual({ route, status: 400, code: 'unknown_parameter' });
      expect(res.body.message).toMatch(/sort/);
    }
    const item = await newItem(t, editor);
    expect((await t.http(editor.token).get(`/api/content-items/${item.id}/comments?version=1&resolved=true`)).status).toBe(400);
  });

  it('still refuses a repeated parameter', async () => {
    const res = await t.http(editor.token).get('/api/content-items?format=video&format=podcast');
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/format/);
  });
});

describe('plannedAt takes a plain date (an all-day plan) as well as a date-time', () => {
  let t: TestApp;
  let editor: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    editor = await t.newUser(['editor']);
  });
  afterAll(() => t?.close());

  it('creates, reschedules and lists by plain dates, read as midnight UTC', async () => {
    const created = await t.http(editor.token).post('/api/content-items', { title: 'Journée', format: 'podcast', plannedAt: '2026-12-09' });
    expect(created.status).toBe(201);
    expect(created.body.plannedAt).toBe('2026-12-09T00:00:00.000Z');
    const moved = await t.http(editor.token).patch(`/api/content-items/${created.body.id}`, { plannedAt: '2026-12-10' });
    expect(moved.status).toBe(200);
    expect(moved.body.plannedAt).toBe('2026-12-10T00:00:00.000Z');
    const listed = await t.http(editor.token).get('/api/content-items?from=2026-12-10&to=2026-12-11');
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((i: { id: string }) => i.id)).toEqual([created.body.id]);
    expect((await t.http(editor.token).post('/api/content-items', { title: 'x', format: 'podcast', plannedAt: '2026-13-09' })).status).toBe(400);
  });
});
