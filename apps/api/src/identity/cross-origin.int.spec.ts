import { newItem, PNG_BYTES, uploadVersion } from '../testing/content-factory.js';
import { createTestApp, TEST_PASSWORD, type TestApp, type TestUser } from '../testing/test-app.js';
import { allowedBrowserOrigins } from './cross-origin-protection.js';

/** Signs in as a browser does and returns the session cookie (`vetted_session=…`). */
async function sessionCookie(t: TestApp, user: TestUser): Promise<string> {
  const res = await t.http().post('/api/auth/login', { email: user.email, password: TEST_PASSWORD });
  return (res.headers.get('set-cookie') ?? '').split(';')[0];
}

function raw(t: TestApp, method: string, path: string, init: { headers?: Record<string, string>; body?: RequestInit['body'] } = {}) {
  return fetch(`${t.baseUrl}${path}`, { method, headers: init.headers, body: init.body, redirect: 'manual' });
}

async function countUsers(t: TestApp): Promise<number> {
  const [{ n }] = (await t.dataSource.query('select count(*)::int as n from app_user')) as Array<{ n: number }>;
  return n;
}

describe('CSRF: state changes authenticated by the session cookie come only from Vetted’s own origin', () => {
  let t: TestApp;
  let admin: TestUser;
  let editor: TestUser;
  let adminCookie: string;
  let editorCookie: string;
  let ownOrigin: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.newUser(['admin']);
    editor = await t.newUser(['editor']);
    adminCookie = await sessionCookie(t, admin);
    editorCookie = await sessionCookie(t, editor);
    ownOrigin = t.baseUrl;
  });
  afterAll(() => t?.close());

  it('refuses a cross-origin urlencoded form that would create an admin (the probe’s attack), and stores nothing', async () => {
    const before = await countUsers(t);
    const res = await raw(t, 'POST', '/api/users', {
      headers: { cookie: adminCookie, origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=attacker%40evil.example&name=Mallory&password=a-long-enough-password&roles=admin',
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ statusCode: 403, error: 'Forbidden', code: 'cross_origin_refused' });
    expect(await countUsers(t)).toBe(before);
  });

  it('refuses a same-site page on another port (SameSite=Lax sends the cookie there) by Sec-Fetch-Site or by Origin', async () => {
    const item = await newItem(t, editor);
    await uploadVersion(t, editor, item.id);
    const sameSite = await raw(t, 'POST', `/api/content-items/${item.id}/submit`, { headers: { cookie: editorCookie, 'sec-fetch-site': 'same-site', 'content-type': 'text/plain' } });
    expect(sameSite.status).toBe(403);
    const otherPort = await raw(t, 'POST', `/api/content-items/${item.id}/submit`, { headers: { cookie: editorCookie, origin: 'http://127.0.0.1:1' } });
    expect(otherPort.status).toBe(403);
    const crossSite = await raw(t, 'POST', '/api/auth/logout', { headers: { cookie: editorCookie, 'sec-fetch-site': 'cross-site' } });
    expect(crossSite.status).toBe(403);
    expect((await t.http().send('GET', '/api/auth/me', undefined, { cookie: editorCookie })).status).toBe(200);
    expect((await t.http(editor.token).get(`/api/content-items/${item.id}`)).body.status).toBe('draft');
  });

  it('refuses a cross-origin multipart upload, agenda post and share with the cookie', async () => {
    const item = await newItem(t, editor);
    const form = new FormData();
    form.append('file', new Blob([PNG_BYTES], { type: 'image/png' }), 'x.png');
    const upload = await raw(t, 'POST', `/api/content-items/${item.id}/versions`, { headers: { cookie: editorCookie, origin: 'null' }, body: form });
    expect(upload.status).toBe(403);
    const agenda = await raw(t, 'POST', '/api/agenda', {
      headers: { cookie: editorCookie, origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Forged', kind: 'other', startsOn: '2026-12-01', endsOn: '2026-12-01' }),
    });
    expect(agenda.status).toBe(403);
    expect((await t.http(editor.token).get(`/api/content-items/${item.id}`)).body.versions).toEqual([]);
  });

  it('lets the web app’s own requests through: same origin JSON, multipart, and a body-less submit', async () => {
    const item = await newItem(t, editor);
    const form = new FormData();
    form.append('file', new Blob([PNG_BYTES], { type: 'image/png' }), 'x.png');
    const browser = { cookie: editorCookie, origin: ownOrigin, 'sec-fetch-site': 'same-origin' };
    expect((await raw(t, 'POST', `/api/content-items/${item.id}/versions`, { headers: browser, body: form })).status).toBe(201);
    const patch = await raw(t, 'PATCH', `/api/content-items/${item.id}`, { headers: { ...browser, 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Retitled' }) });
    expect(patch.status).toBe(200);
    expect((await raw(t, 'POST', `/api/content-items/${item.id}/submit`, { headers: browser })).status).toBe(200);
    // localhost and 127.0.0.1 name the same loopback listener.
    const viaLocalhost = await raw(t, 'PATCH', `/api/content-items/${item.id}`, {
      headers: { cookie: editorCookie, origin: ownOrigin.replace('127.0.0.1', 'localhost'), 'content-type': 'application/json' },
      body: JSON.stringify({ plannedAt: '2026-12-09' }),
    });
    expect(viaLocalhost.status).toBe(200);
  });

  it('leaves Bearer-token clients alone (a page cannot add an Authorization header), and reads stay open', async () => {
    const res = await raw(t, 'POST', '/api/agenda', {
      headers: { authorization: `Bearer ${editor.token}`, origin: 'https://crm.example', 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'From the CRM', kind: 'congress', startsOn: '2026-12-01', endsOn: '2026-12-02' }),
    });
    expect(res.status).toBe(201);
    const read = await raw(t, 'GET', '/api/auth/me', { headers: { cookie: editorCookie, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } });
    expect(read.status).toBe(200);
  });

  it('refuses a login posted from another site (login CSRF would sign the victim into the attacker’s account)', async () => {
    const res = await raw(t, 'POST', '/api/auth/login', {
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ email: editor.email, password: TEST_PASSWORD }),
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie')).toBeNull();
  });
});

describe('request bodies are JSON or multipart (415 otherwise)', () => {
  let t: TestApp;
  let admin: TestUser;
  let editor: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.newUser(['admin']);
    editor = await t.newUser(['editor']);
  });
  afterAll(() => t?.close());

  it('answers 415 to urlencoded and text/plain bodies even from a same-origin or Bearer client, and stores nothing', async () => {
    const before = await countUsers(t);
    for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'text/plain;charset=UTF-8']) {
      const res = await raw(t, 'POST', '/api/users', {
        headers: { authorization: `Bearer ${admin.token}`, 'content-type': type },
        body: type.startsWith('text') ? JSON.stringify({ email: 'x@test.local', name: 'X', password: 'a-long-enough-password', roles: ['admin'] }) : 'email=x%40test.local&roles=admin',
      });
      expect({ type, status: res.status }).toEqual({ type, status: 415 });
      expect(await res.json()).toMatchObject({ statusCode: 415, code: 'unsupported_content_type' });
    }
    expect(await countUsers(t)).toBe(before);
  });

  it('keeps body-less POSTs valid whatever content type they name (submit, logout)', async () => {
    const item = await newItem(t, editor);
    await uploadVersion(t, editor, item.id);
    const res = await raw(t, 'POST', `/api/content-items/${item.id}/submit`, { headers: { authorization: `Bearer ${editor.token}`, 'content-type': 'text/plain' } });
    expect(res.status).toBe(200);
  });
});

describe('allowed origins', () => {
  it('default to the listen address, as localhost and 127.0.0.1 for a loopback or wildcard address', () => {
    expect([...allowedBrowserOrigins(undefined, '0.0.0.0', 3000)]).toEqual(expect.arrayContaining(['http://localhost:3000', 'http://127.0.0.1:3000']));
    expect([...allowedBrowserOrigins(undefined, '10.0.0.5', 8080)]).toEqual(['http://10.0.0.5:8080']);
  });

  it('come from PUBLIC_URL when set: only that origin may then change data with the cookie', async () => {
    const t = await createTestApp({ PUBLIC_URL: 'https://vetted.example.com' });
    try {
      const editor = await t.newUser(['editor']);
      const cookie = await sessionCookie(t, editor);
      const body = JSON.stringify({ title: 'Congrès', kind: 'congress', startsOn: '2026-12-01', endsOn: '2026-12-02' });
      const send = (origin: string) => raw(t, 'POST', '/api/agenda', { headers: { cookie, origin, 'content-type': 'application/json' }, body });
      expect((await send(t.baseUrl)).status).toBe(403);
      expect((await send('https://vetted.example.com')).status).toBe(201);
    } finally {
      await t.close();
    }
  });
});

describe('PUBLIC_URL', () => {
  it('is validated at start-up: an address that is not http(s) stops the API with a clear line', async () => {
    const { loadConfig } = await import('../config/config.js');
    expect(() => loadConfig({ PUBLIC_URL: 'javascript:alert(1)' })).toThrow(/PUBLIC_URL: "javascript:alert\(1\)" is not an http\(s\) address/);
    expect(loadConfig({ PUBLIC_URL: 'https://Vetted.Example.com/app/, http://localhost:5173' }).publicOrigins).toEqual(['https://vetted.example.com', 'http://localhost:5173']);
  });
});
