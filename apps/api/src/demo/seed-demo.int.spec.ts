import { createTestApp, type TestApp } from '../testing/test-app.js';
import { seedDemo } from './seed-demo.js';

describe('demo seed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ DEMO_PASSWORD: 'demo-password-for-tests' });
  });
  afterAll(() => t?.close());

  it('fills an empty database once, through the real workflow, and never again', async () => {
    expect(await seedDemo(t.app, t.config)).toMatch(/6 users, 12 claims, 16 content items, 5 agenda dates/);
    expect(await seedDemo(t.app, t.config)).toBeNull();
    const statuses = await t.dataSource.query(`select status, fast_track, count(*)::int as n from item_review group by 1, 2 order by 1, 2`);
    expect(statuses).toEqual([
      { status: 'approved', fast_track: false, n: 1 },
      { status: 'changes_requested', fast_track: false, n: 1 },
      { status: 'draft', fast_track: false, n: 9 },
      { status: 'in_review', fast_track: false, n: 3 },
      { status: 'in_review', fast_track: true, n: 1 },
      { status: 'suspended', fast_track: false, n: 1 },
    ]);
    const claims = await t.dataSource.query(`select status, count(*)::int as n from claim group by 1 order by 1`);
    expect(claims).toEqual([
      { status: 'approved', n: 9 },
      { status: 'draft', n: 2 },
      { status: 'withdrawn', n: 1 },
    ]);
    const [fullReuse] = await t.dataSource.query(`select r.fast_track_reason from content_item i join item_review r on r.item_id = i.id where i.title like '%version congrès%'`);
    expect(fullReuse.fast_track_reason).toMatch(/HF-005 is not approved on source item/);
    const [{ episodes }] = await t.dataSource.query(`select count(*)::int as episodes from content_item where series_id is not null`);
    expect(episodes).toBe(5);
    const login = await t.http().post('/api/auth/login', { email: 'admin@vetted.local', password: 'demo-password-for-tests' });
    expect(login.status).toBe(200);
    const trail = await t.http(login.body.accessToken).get('/api/audit?limit=1000');
    expect(trail.body.verified).toBe(true);
  });
});
