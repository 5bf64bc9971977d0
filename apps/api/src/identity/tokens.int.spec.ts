import { approveAllLanes, newReviewTeam, submittedItem, type ReviewTeam } from '../testing/content-factory.js';
import { capturingLogger, type LogLine } from '../testing/log-capture.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';

/** A request as an integration sends it: a Bearer token, nothing else. */
function withToken(t: TestApp, token: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  return t.http(token).send<any>(method, path, body, headers);
}

describe('personal access tokens for integrations', () => {
  let t: TestApp;
  let lines: LogLine[];
  let admin: TestUser;
  let team: ReviewTeam;
  let approvedItemId: string;

  beforeAll(async () => {
    const capture = capturingLogger();
    lines = capture.lines;
    t = await createTestApp({}, undefined, capture.logger);
    admin = await t.newUser(['admin'], 'Alice Admin');
    team = await newReviewTeam(t);
    const item = await submittedItem(t, team.editor, { title: 'Fiche patient : hypertension' });
    await approveAllLanes(t, team, item.id);
    approvedItemId = item.id;
    // A draft: a token must never reveal it.
    await submittedItem(t, team.editor, { title: 'Brouillon confidentiel' });
  });
  afterAll(() => t?.close());

  async function newToken(scopes: string[], name = 'CRM sync', by: TestUser = admin): Promise<{ id: string; token: string }> {
    const res = await t.http(by.token).post('/api/tokens', { name, scopes });
    expect(res.status).toBe(201);
    return res.body;
  }

  it('shows a new token once, lists it without its secret, and stores only a SHA-256 of it', async () => {
    const res = await t.http(admin.token).post('/api/tokens', { name: 'Veeva CRM', scopes: ['library:read'] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: expect.any(String), name: 'Veeva CRM', scopes: ['library:read'], lastUsedAt: null, createdBy: { id: admin.id, name: 'Alice Admin' } });
    const token: string = res.body.token;
    expect(token).toMatch(/^vtd_[A-Za-z0-9_-]{43}$/);
    expect(res.body.prefix).toBe(token.slice(0, 8));

    const list = await t.http(admin.token).get('/api/tokens');
    expect(list.status).toBe(200);
    const listed = list.body.tokens.find((x: { id: string }) => x.id === res.body.id);
    expect(listed).toEqual({ id: res.body.id, name: 'Veeva CRM', scopes: ['library:read'], prefix: token.slice(0, 8), createdAt: expect.any(String), createdBy: { id: admin.id, name: 'Alice Admin' }, lastUsedAt: null });
    expect(JSON.stringify(list.body)).not.toContain(token);

    const [row] = await t.dataSource.query(`select row_to_json(access_token)::text as everything, token_hash from access_token where id = $1`, [res.body.id]);
    expect(row.everything).not.toContain(token.slice(8));
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    const trail = await t.http(admin.token).get(`/api/audit?entity=access_token&entityId=${res.body.id}`);
    expect(trail.body.events.map((e: { action: string }) => e.action)).toEqual(['access_token.created']);
    expect(JSON.stringify(trail.body)).not.toContain(token);
  });

  it('lets a library:read token list the library and download approved files, and answers 403 insufficient_scope anywhere else', async () => {
    const { id, token } = await newToken(['library:read']);
    const library = await withToken(t, token, 'GET', '/api/library');
    expect(library.status).toBe(200);
    expect(library.body.items.map((i: { title: string }) => i.title)).toEqual(['Fiche patient : hypertension']);
    expect((await withToken(t, token, 'GET', `/api/library/${approvedItemId}`)).status).toBe(200);
    const download = await fetch(`${t.baseUrl}/api/library/${approvedItemId}/download`, { headers: { authorization: `Bearer ${token}` } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/png');

    const elsewhere: Array<[string, string, unknown?]> = [
      ['GET', '/api/auth/me'],
      ['GET', '/api/content-items'],
      ['GET', `/api/content-items/${approvedItemId}`],
      ['POST', `/api/library/${approvedItemId}/shares`, { channel: 'email' }],
      ['GET', '/api/library/shares'],
      ['GET', '/api/tokens'],
      ['POST', '/api/tokens', { name: 'escalate', scopes: ['shares:write'] }],
      ['GET', '/api/users'],
      ['GET', '/api/audit?limit=5'],
      ['GET', '/api/webhooks'],
      ['POST', '/api/calendar/feeds', {}],
      ['POST', `/api/content-items/${approvedItemId}/withdraw`, { reason: 'x', password: 'x' }],
      ['POST', '/api/auth/logout'],
    ];
    for (const [method, path, body] of elsewhere) {
      const res = await withToken(t, token, method, path, body);
      expect({ route: `${method} ${path}`, status: res.status, code: res.body?.code }).toEqual({ route: `${method} ${path}`, status: 403, code: 'insufficient_scope' });
    }
    // Nothing was made with it: no second token, no share.
    const tokens = (await t.http(admin.token).get('/api/tokens')).body.tokens as Array<{ name: string }>;
    expect(tokens.some((x) => x.name === 'escalate')).toBe(false);
    expect((await t.http(admin.token).get(`/api/library/shares?itemId=${approvedItemId}`)).body.shares).toEqual([]);

    const listed = (await t.http(admin.token).get('/api/tokens')).body.tokens.find((x: { id: string }) => x.id === id);
    expect(Date.parse(listed.lastUsedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('lets a shares:write token record a share named after the integration, and nothing else', async () => {
    const { token } = await newToken(['shares:write'], 'CLM tablet app');
    const share = await withToken(t, token, 'POST', `/api/library/${approvedItemId}/shares`, { channel: 'rep-visit', audienceSegment: 'cardiologists' });
    expect(share.status).toBe(201);
    expect(share.body).toMatchObject({ itemId: approvedItemId, channel: 'rep-visit', repId: admin.id, repName: 'Alice Admin (token: CLM tablet app)' });
    expect((await withToken(t, token, 'GET', '/api/library')).body.code).toBe('insufficient_scope');
    // Still only approved material: a draft's id is a 404, as for a rep.
    const drafts = (await t.http(team.editor.token).get('/api/content-items')).body.items.filter((i: { status: string }) => i.status !== 'approved');
    const onDraft = await withToken(t, token, 'POST', `/api/library/${drafts[0].id}/shares`, { channel: 'email' });
    expect(onDraft.status).toBe(404);
  });

  it('is not refused by the CSRF check (a page cannot add a Bearer header), but only as a header: never as the cookie', async () => {
    const { token } = await newToken(['shares:write'], 'Cross-site check');
    const crossSite = await withToken(t, token, 'POST', `/api/library/${approvedItemId}/shares`, { channel: 'email' }, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(201);
    const asCookie = await fetch(`${t.baseUrl}/api/library`, { headers: { cookie: `vetted_session=${token}` } });
    expect(asCookie.status).toBe(401);
  });

  it('stops working once revoked (401), and a second revocation is a 404', async () => {
    const { id, token } = await newToken(['library:read'], 'Old CRM');
    expect((await withToken(t, token, 'GET', '/api/library')).status).toBe(200);
    expect((await t.http(admin.token).delete(`/api/tokens/${id}`)).status).toBe(204);
    const after = await withToken(t, token, 'GET', '/api/library');
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('session_required');
    expect((await t.http(admin.token).delete(`/api/tokens/${id}`)).status).toBe(404);
    expect((await t.http(admin.token).get('/api/tokens')).body.tokens.some((x: { id: string }) => x.id === id)).toBe(false);
    const trail = await t.http(admin.token).get(`/api/audit?entity=access_token&entityId=${id}`);
    expect(trail.body.events.map((e: { action: string }) => e.action)).toEqual(['access_token.created', 'access_token.revoked']);
  });

  it('stops working when its creator is deactivated or is no longer an admin', async () => {
    const other = await t.newUser(['admin'], 'Bob Admin');
    const demoted = await newToken(['library:read'], 'Bob demoted', other);
    expect((await withToken(t, demoted.token, 'GET', '/api/library')).status).toBe(200);
    expect((await t.http(admin.token).patch(`/api/users/${other.id}`, { roles: ['editor'] })).status).toBe(200);
    expect((await withToken(t, demoted.token, 'GET', '/api/library')).status).toBe(401);

    const leaver = await t.newUser(['admin'], 'Carol Admin');
    const gone = await newToken(['library:read'], 'Carol leaves', leaver);
    expect((await t.http(admin.token).patch(`/api/users/${leaver.id}`, { active: false })).status).toBe(200);
    expect((await withToken(t, gone.token, 'GET', '/api/library')).status).toBe(401);
  });

  it('refuses tokens without a name, without scopes, with unknown or repeated scopes (400), and for non-admins (403)', async () => {
    const bad: unknown[] = [{ scopes: ['library:read'] }, { name: 'x', scopes: [] }, { name: 'x', scopes: ['library:write'] }, { name: 'x', scopes: ['library:read', 'library:read'] }, { name: 'x', scopes: ['library:read'], extra: 1 }];
    for (const body of bad) {
      const res = await t.http(admin.token).post('/api/tokens', body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
    }
    expect((await t.http(team.editor.token).post('/api/tokens', { name: 'x', scopes: ['library:read'] })).status).toBe(403);
    expect((await t.http(admin.token).delete('/api/tokens/not-a-uuid')).status).toBe(400);
  });

  it('never writes a token to the log', async () => {
    const { token } = await newToken(['library:read'], 'Logged?');
    await withToken(t, token, 'GET', '/api/library?q=hypertension');
    await withToken(t, token, 'GET', '/api/users');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.filter((l) => JSON.stringify(l).includes(token.slice(4)))).toEqual([]);
  });
});
