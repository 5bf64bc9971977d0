import { approveAllLanes, newReviewTeam, submittedItem, type ReviewTeam } from '../testing/content-factory.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';

describe('markets: reps see market-less material and that of their markets', () => {
  let t: TestApp;
  let team: ReviewTeam;
  let admin: TestUser;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    // Market visibility is under test, not France's final release: approved is in use here.
    t = await createTestApp({ RELEASE_MARKETS: 'none' });
    team = await newReviewTeam(t);
    admin = await t.newUser(['admin']);
    for (const [key, market] of [['fr', 'FR'], ['us', 'US'], ['none', undefined]] as const) {
      const item = await submittedItem(t, team.editor, { title: `Market ${key}`, product: 'Cardiolix', language: 'fr', ...(market ? { market } : {}) });
      await approveAllLanes(t, team, item.id);
      ids[key] = item.id;
    }
  });
  afterAll(() => t?.close());

  const libraryOf = async (user: TestUser) => ((await t.http(user.token).get('/api/library?q=market')).body.items as Array<{ id: string }>).map((i) => i.id).sort();

  it('shows a rep without markets only market-less items, and 404s the others everywhere', async () => {
    expect(await libraryOf(team.rep)).toEqual([ids.none]);
    for (const path of [`/api/library/${ids.fr}`, `/api/library/${ids.fr}/download`, `/api/library/${ids.fr}/thumbnail`]) {
      expect((await t.http(team.rep.token).get(path)).status).toBe(404);
    }
    expect((await t.http(team.rep.token).post(`/api/library/${ids.fr}/shares`, { channel: 'email' })).status).toBe(404);
  });

  it('shows a French rep French and market-less items, and staff everything', async () => {
    const set = await t.http(admin.token).patch(`/api/users/${team.rep.id}`, { markets: ['FR'] });
    expect(set.body.markets).toEqual(['FR']);
    expect(await libraryOf(team.rep)).toEqual([ids.fr, ids.none].sort());
    const item = (await t.http(team.rep.token).get(`/api/library/${ids.fr}`)).body;
    expect(item).toMatchObject({ market: 'FR', product: 'Cardiolix', language: 'fr' });
    expect(await libraryOf(team.editor)).toEqual([ids.fr, ids.us, ids.none].sort());
  });

  it('refuses a malformed market (400) and filters the content list by market and product', async () => {
    const bad = await t.http(team.editor.token).post('/api/content-items', { title: 'x', format: 'video', plannedAt: '2027-01-01', market: 'France' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/ISO 3166/);
    const french = await t.http(team.editor.token).get('/api/content-items?market=FR&product=Cardiolix');
    expect(french.body.items.map((i: { id: string }) => i.id)).toEqual([ids.fr]);
  });
});
