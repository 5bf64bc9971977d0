import { GUEST_ROLE, ROLES } from '@vetted/contracts';
import fc from 'fast-check';
import { objectsUnder } from '../testing/bucket.js';
import { newItem, PNG_BYTES, uploadVersion } from '../testing/content-factory.js';
import { listRoutes } from '../testing/routes.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';

/**
 * Property: whatever a client sends in a route's body and query (control characters, lone
 * surrogates, very long strings, huge or negative numbers, dates of any year), the API answers
 * below 500, and an answer of 4xx has changed nothing in the database or the bucket.
 */

const RUNS_PER_ROUTE = 15;

/** Failed password checks are recorded on purpose (throttling evidence); sessions note their last use. */
const TABLES_ALLOWED_TO_CHANGE_ON_4XX = new Set(['login_failure', 'user_session', 'migrations']);

/** GET routes without path parameters that validate a query (strictly: unknown parameters are refused). */
const QUERY_ROUTES = new Set(['GET /api/content-items', 'GET /api/library', 'GET /api/library/shares', 'GET /api/library/shares/mine', 'GET /api/library/shares/summary', 'GET /api/agenda', 'GET /api/calendar/saturation', 'GET /api/audit', 'GET /api/calendar.ics', 'GET /api/reviews/inbox', 'GET /api/analytics/dashboard', 'GET /api/notifications']);

const KNOWN_FIELDS = [
  'title', 'format', 'plannedAt', 'channels', 'segments', 'description', 'sourceItemId', 'seriesId', 'claimIds',
  'email', 'name', 'password', 'roles', 'active', 'lane', 'decision', 'comment', 'reason', 'versionId', 'versionNumber',
  'body', 'anchor', 'kind', 'startsOn', 'endsOn', 'specialties', 'location', 'url', 'filename', 'size', 'note',
  'channel', 'audienceSegment', 'from', 'to', 'status', 'segment', 'limit', 'offset', 'q', 'entity', 'entityId',
  'beforeSeq', 'itemId', 'version', 'useful', 'rating', 'feedback', 'product', 'market', 'bucket', 'unread', 'page', 'locale',
  'colour', 'channelCaps', 'channelId', 'weeklyCap', 'archived', 'confirmSaturation', '__proto__', 'constructor',
];

const controlChar = fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c));
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const bidi = fc.constantFrom('\u202e', '\u2066', '\u200f', '\u061c');
const evilChar = fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), controlChar, loneSurrogate, bidi, fc.constant('\u0000'));
const evilString = fc.oneof(
  { weight: 4, arbitrary: fc.array(evilChar, { maxLength: 20 }).map((cs) => cs.join('')) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1000, max: 100_000 }).chain((n) => fc.constantFrom('x'.repeat(n), `${'é'.repeat(n)}\u0000`)) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '', ' ', '\u0000', 'a\u0000b', '\ud800', 'x\udfff', '0000-01-01', '9999-12-31T23:59:59-14:00', '2026-12-09', '2026-02-30',
      '2147483648', '-1', '1e400', 'NaN', '00000000-0000-4000-8000-000000000000', 'javascript:alert(1)', 'admin', 'video', 'medical', 'approve',
    ),
  },
);
const evilNumber = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(2 ** 31, 2 ** 31 - 1, 2 ** 53, -1, 0, 1e308, -0));
const evilDate = fc.oneof(
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
);
const evilScalar = fc.oneof(evilString, evilNumber, evilDate, fc.boolean(), fc.constant(null));
const evilValue = fc.oneof({ weight: 5, arbitrary: evilScalar }, { weight: 1, arbitrary: fc.array(evilScalar, { maxLength: 4 }) }, { weight: 1, arbitrary: fc.dictionary(evilString, evilScalar, { maxKeys: 3 }) });
const fieldName = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...KNOWN_FIELDS) }, { weight: 1, arbitrary: evilString });

/** Percent-encodes anything, a lone surrogate included (as the bytes of its invalid UTF-8 form). */
function encodeAnything(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < value.length && /[\udc00-\udfff]/.test(value[i + 1])) {
      out += encodeURIComponent(value.slice(i, i + 2));
      i++;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      out += `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`;
    } else out += encodeURIComponent(value[i]);
  }
  return out;
}

const rawQueryFragment = fc.constantFrom('%', '%FF', '%00', '%ED%A0%80', '[]', '%5B%24ne%5D');
const queryString = fc
  .array(fc.tuple(fieldName, fc.oneof(evilString.map(encodeAnything), evilNumber.map(String), evilDate.map(encodeAnything), rawQueryFragment)), { maxLength: 4 })
  .map((pairs) => pairs.map(([k, v]) => `${encodeAnything(k)}=${v}`).join('&'));

describe('random input to every route: no 5xx, and nothing stored on a 4xx', () => {
  let t: TestApp;
  let user: TestUser;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    // Every staff role at once, so each route is reached past authorization (a guest account holds its role alone).
    user = await t.newUser(ROLES.filter((role) => role !== GUEST_ROLE));
    const editor = await t.newUser(['editor']);
    const item = await newItem(t, editor);
    await uploadVersion(t, editor, item.id);
    const thread = await t.http(editor.token).post(`/api/content-items/${item.id}/comments`, { versionNumber: 1, body: 'Vérifier la source' });
    const event = await t.http(editor.token).post('/api/agenda', { title: 'Congrès', kind: 'congress', startsOn: '2026-12-01', endsOn: '2026-12-02' });
    const victim = await t.newUser(['rep']);
    Object.assign(ids, { id: item.id, itemId: item.id, threadId: thread.body.id, agendaId: event.body.id, userId: victim.id, uploadId: '00000000-0000-4000-8000-000000000000' });
  });
  afterAll(() => t?.close());

  /** Every table's content (but those allowed to change) and every stored object, as one comparable value. */
  async function snapshot(): Promise<string> {
    const tables = (await t.dataSource.query(`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1`)) as Array<{ name: string }>;
    const parts: string[] = [];
    for (const { name } of tables.filter((tb) => !TABLES_ALLOWED_TO_CHANGE_ON_4XX.has(tb.name))) {
      const [{ digest }] = (await t.dataSource.query(`select md5(coalesce(string_agg(r::text, '|' order by r::text), '')) as digest from "${name}" r`)) as Array<{ digest: string }>;
      parts.push(`${name}:${digest}`);
    }
    parts.push(`objects:${(await objectsUnder(t, '')).sort().join(',')}`);
    return parts.join('\n');
  }

  function pathFor(route: string, evilParams: Record<string, string | undefined>): string {
    const [, template] = route.split(' ');
    return template.replace(/:(\w+)/g, (_, param: string) => {
      if (evilParams[param] !== undefined) return encodeAnything(evilParams[param]!);
      if (param === 'number') return '1';
      if (template.startsWith('/api/users')) return ids.userId;
      if (template.startsWith('/api/agenda')) return ids.agendaId;
      return ids[param] ?? ids.id;
    });
  }

  // Logout would end the session the other routes use; it takes no body or query anyway.
  const routes = () => listRoutes(t.app).filter((r) => r !== 'POST /api/auth/logout');

  it('covers every route', () => {
    expect(routes().length).toBeGreaterThan(30);
  });

  it('never answers 5xx, and changes nothing when it answers 4xx', async () => {
    const seen: Record<string, Record<number, number>> = {};
    // A 4xx left everything as it was (checked), so the next request starts from that same snapshot.
    let known: string | undefined;
    for (const route of routes()) {
      const method = route.split(' ')[0];
      const params = [...route.matchAll(/:(\w+)/g)].map((m) => m[1]);
      const paramArb = fc.record(Object.fromEntries(params.map((p) => [p, fc.option(evilString, { freq: 3 })])) as Record<string, fc.Arbitrary<string | null>>);
      const bodyArb = fc.oneof(fc.dictionary(fieldName, evilValue, { maxKeys: 6 }), evilValue);
      await fc.assert(
        fc.asyncProperty(paramArb, queryString, bodyArb, fc.boolean(), async (evilParams, query, body, asForm) => {
          const path = `${pathFor(route, Object.fromEntries(Object.entries(evilParams).map(([k, v]) => [k, v ?? undefined])))}${query ? `?${query}` : ''}`;
          const before = known ?? (await snapshot());
          let payload: unknown = method === 'GET' ? undefined : body;
          if (asForm && method === 'POST' && route.endsWith('/versions')) {
            const form = new FormData();
            for (const [k, v] of Object.entries(typeof body === 'object' && body ? body : {})) form.append(k, typeof v === 'string' ? v : JSON.stringify(v) ?? '');
            form.append('file', new Blob([PNG_BYTES.subarray(0, (query.length % PNG_BYTES.length) + 1)], { type: 'image/png' }), String(typeof body === 'string' ? body : 'x.png'));
            payload = form;
          }
          const res = await t.http(user.token).send(method, path, payload);
          (seen[route] ??= {})[res.status] = (seen[route][res.status] ?? 0) + 1;
          expect({ route, path, status: res.status, body: res.status >= 500 ? res.body : undefined }).toEqual({ route, path, status: expect.any(Number), body: undefined });
          expect(res.status).toBeLessThan(500);
          known = undefined;
          if (res.status >= 400) {
            expect(await snapshot()).toBe(before);
            known = before;
          }
        }),
        { numRuns: RUNS_PER_ROUTE },
      );
    }
    // Each route that takes input saw at least one refusal: the generators do reach validation.
    // (A GET without path parameters or query schema, like /api/auth/me, has nothing to refuse.)
    // Nor do routes that act on the caller alone and read no body (ending one's own absence, reading every notification).
    const NO_INPUT = new Set(['DELETE /api/users/me/out-of-office', 'POST /api/notifications/read-all']);
    const takesInput = (route: string) => !NO_INPUT.has(route) && (!route.startsWith('GET ') || route.includes(':') || QUERY_ROUTES.has(route));
    for (const [route, statuses] of Object.entries(seen).filter(([r]) => takesInput(r))) {
      expect({ route, refused: Object.keys(statuses).some((s) => Number(s) >= 400) }).toEqual({ route, refused: true });
    }
  }, 600_000);
});
