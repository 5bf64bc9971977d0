import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';

describe('HCP agenda', () => {
  let t: TestApp;
  let editor: TestUser;
  let reviewer: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    editor = await t.newUser(['editor']);
    reviewer = await t.newUser(['medical_reviewer']);
  });
  afterAll(() => t?.close());

  const congress = { title: 'Congrès de la Société européenne de cardiologie', kind: 'congress', startsOn: '2030-08-29', endsOn: '2030-09-01', specialties: ['cardiology'], location: 'Paris' };

  it('lets editors plan agenda dates that everyone on staff sees for the days they overlap', async () => {
    const created = await t.http(editor.token).post('/api/agenda', congress);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...congress, url: null });
    await t.http(editor.token).post('/api/agenda', { title: 'Journée mondiale du cœur', kind: 'awareness_day', startsOn: '2030-09-29', endsOn: '2030-09-29' });

    const september = await t.http(reviewer.token).get('/api/agenda?from=2030-09-01&to=2030-09-30');
    expect(september.body.events.map((e: { title: string }) => e.title)).toEqual(['Congrès de la Société européenne de cardiologie', 'Journée mondiale du cœur']);
    const july = await t.http(reviewer.token).get('/api/agenda?from=2030-07-01&to=2030-07-31');
    expect(july.body.events).toEqual([]);
    const awareness = await t.http(reviewer.token).get('/api/agenda?from=2030-09-01&to=2030-09-30&kind=awareness_day');
    expect(awareness.body.events).toHaveLength(1);
  });

  it('updates and deletes with an audit trail entry each', async () => {
    const created = (await t.http(editor.token).post('/api/agenda', { ...congress, title: 'À déplacer' })).body;
    const moved = await t.http(editor.token).send('PUT', `/api/agenda/${created.id}`, { ...congress, title: 'Déplacé', startsOn: '2030-10-01', endsOn: '2030-10-02' });
    expect(moved.body).toMatchObject({ title: 'Déplacé', startsOn: '2030-10-01' });
    expect((await t.http(editor.token).delete(`/api/agenda/${created.id}`)).status).toBe(204);
    expect((await t.http(editor.token).delete(`/api/agenda/${created.id}`)).status).toBe(404);
    const trail = await t.http(editor.token).get(`/api/audit?entity=agenda_event&entityId=${created.id}`);
    expect(trail.body.events.map((e: { action: string }) => e.action)).toEqual(['agenda_event.created', 'agenda_event.updated', 'agenda_event.deleted']);
  });

  it('refuses inverted dates and malformed days with a message naming the field', async () => {
    const inverted = await t.http(editor.token).post('/api/agenda', { ...congress, startsOn: '2030-09-02', endsOn: '2030-09-01' });
    expect(inverted.status).toBe(400);
    expect(inverted.body.message).toMatch(/endsOn: endsOn must be on or after startsOn/);
    const malformed = await t.http(reviewer.token).get('/api/agenda?from=yesterday&to=2030-01-01');
    expect(malformed.status).toBe(400);
    expect(malformed.body.message).toMatch(/from: must be a date/);
  });
});
