import { ROLES, TOKEN_SCOPES, type Role, type TokenScope } from '@vetted/contracts';
import { invitedGuest, newItem } from '../testing/content-factory.js';
import { listRoutes } from '../testing/routes.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';

/** Every role signed in, nobody, and an admin's personal access token of each scope. */
type TokenPrincipal = `token:${TokenScope}`;
type Principal = Role | 'anonymous' | TokenPrincipal;
const TOKENS = TOKEN_SCOPES.map((scope): TokenPrincipal => `token:${scope}`);
const PRINCIPALS: Principal[] = ['anonymous', ...ROLES, ...TOKENS];
const MISSING = '00000000-0000-4000-8000-000000000000';

/**
 * One probe per route. The probe is a request that, once past authorization, gets a definite answer
 * (a 400 for a body that fails validation, a 404 for an id that does not exist), so each status below
 * says exactly who was let through: 401 anonymous, 403 wrong role, anything else allowed.
 */
interface Probe {
  path: string;
  body?: unknown;
  /** Status for a principal allowed through; `who` lists them (default: everyone signed in). */
  allowed: number;
  who?: readonly Role[];
  /** The scope that opens the route to a personal access token; without one, every token gets 403. */
  scope?: TokenScope;
  public?: boolean;
  /**
   * Status for an agency guest (invited to another item than the probe's): 404 unless given, since a
   * guest finds nothing but their own items (their session and their list of items excepted).
   */
  guest?: number;
}

const EDITOR: Role[] = ['editor'];
const REVIEWERS: Role[] = ['marketing_reviewer', 'medical_reviewer', 'regulatory_reviewer'];
const STAFF: Role[] = ['admin', 'editor', ...REVIEWERS];
// Staff who read items and the plan: the responsible pharmacist too (to release what awaits it), not the claims library.
const READERS: Role[] = [...STAFF, 'responsible_pharmacist'];
const STAFF_AND_REPS: Role[] = ROLES.filter((r) => r !== 'agency');
const COMMENTERS: Role[] = ['editor', ...REVIEWERS];

const MATRIX: Record<string, Probe> = {
  'GET /api/health': { path: '/api/health', allowed: 200, public: true },
  'POST /api/auth/login': { path: '/api/auth/login', body: {}, allowed: 400, public: true },
  'GET /api/auth/me': { path: '/api/auth/me', allowed: 200, guest: 200 },
  'POST /api/auth/accept-invite': { path: '/api/auth/accept-invite', body: {}, allowed: 400, public: true },
  'GET /api/users/me/out-of-office': { path: '/api/users/me/out-of-office', allowed: 200, who: REVIEWERS },
  'PUT /api/users/me/out-of-office': { path: '/api/users/me/out-of-office', body: {}, allowed: 400, who: REVIEWERS },
  'DELETE /api/users/me/out-of-office': { path: '/api/users/me/out-of-office', allowed: 204, who: REVIEWERS },
  'GET /api/users/me/delegates': { path: '/api/users/me/delegates', allowed: 200, who: REVIEWERS },
  'GET /api/review-groups': { path: '/api/review-groups', allowed: 200, who: ['admin'] },
  'POST /api/review-groups': { path: '/api/review-groups', body: {}, allowed: 400, who: ['admin'] },
  'PATCH /api/review-groups/:id': { path: `/api/review-groups/${MISSING}`, body: { name: 'x' }, allowed: 404, who: ['admin'] },
  'GET /api/reviews/inbox': { path: '/api/reviews/inbox', allowed: 200, who: REVIEWERS },
  'POST /api/content-items/:id/guests': { path: `/api/content-items/${MISSING}/guests`, body: {}, allowed: 400, who: EDITOR },
  'GET /api/content-items/:id/guests': { path: `/api/content-items/${MISSING}/guests`, allowed: 404, who: EDITOR },
  'DELETE /api/content-items/:id/guests/:guestId': { path: `/api/content-items/${MISSING}/guests/${MISSING}`, allowed: 404, who: EDITOR },
  'GET /api/users': { path: '/api/users', allowed: 200, who: ['admin'] },
  'POST /api/users': { path: '/api/users', body: {}, allowed: 400, who: ['admin'] },
  'PATCH /api/users/:id': { path: `/api/users/${MISSING}`, body: { name: 'x' }, allowed: 404, who: ['admin'] },
  'GET /api/audit': { path: '/api/audit?limit=5', allowed: 200, who: ['admin'] },
  'GET /api/content-items': { path: '/api/content-items', allowed: 200, who: READERS, guest: 200 },
  'POST /api/content-items': { path: '/api/content-items', body: {}, allowed: 400, who: EDITOR },
  'GET /api/content-items/:id': { path: `/api/content-items/${MISSING}`, allowed: 404, who: READERS },
  'PATCH /api/content-items/:id': { path: `/api/content-items/${MISSING}`, body: {}, allowed: 400, who: EDITOR },
  'POST /api/content-items/:id/versions': { path: `/api/content-items/${MISSING}/versions`, allowed: 404, who: EDITOR },
  'POST /api/content-items/:id/uploads': { path: `/api/content-items/${MISSING}/uploads`, body: {}, allowed: 400, who: EDITOR },
  'POST /api/content-items/:id/uploads/:uploadId/complete': { path: `/api/content-items/${MISSING}/uploads/${MISSING}/complete`, body: {}, allowed: 404, who: EDITOR },
  'GET /api/content-items/:id/versions/:number/original': { path: `/api/content-items/${MISSING}/versions/1/original`, allowed: 404, who: READERS },
  'GET /api/content-items/:id/versions/:number/preview': { path: `/api/content-items/${MISSING}/versions/1/preview`, allowed: 404, who: READERS },
  'GET /api/content-items/:id/versions/:number/thumbnail': { path: `/api/content-items/${MISSING}/versions/1/thumbnail`, allowed: 404, who: READERS },
  'GET /api/content-items/:id/audit': { path: `/api/content-items/${MISSING}/audit`, allowed: 404, who: READERS },
  'GET /api/library/shares/mine': { path: '/api/library/shares/mine', allowed: 200, who: ['rep'], scope: 'shares:write' },
  'PATCH /api/library/shares/:shareId/feedback': { path: `/api/library/shares/${MISSING}/feedback`, body: { rating: 3 }, allowed: 404, who: ['rep'], scope: 'shares:write' },
  'GET /api/analytics/dashboard': { path: '/api/analytics/dashboard', allowed: 200, who: ['editor', 'admin'] },
  'GET /api/content-items/:id/fda-2253': { path: `/api/content-items/${MISSING}/fda-2253`, allowed: 404, who: ['admin', 'regulatory_reviewer'] },
  'GET /api/content-items/:id/audit-package': { path: `/api/content-items/${MISSING}/audit-package`, allowed: 404, who: ['admin', 'regulatory_reviewer'] },
  'GET /api/content-items/:id/versions/:number/text-check': { path: `/api/content-items/${MISSING}/versions/1/text-check`, allowed: 404, who: READERS },
  'POST /api/content-items/:id/versions/:number/text-check/links/:linkId': { path: `/api/content-items/${MISSING}/versions/1/text-check/links/${MISSING}`, body: {}, allowed: 400, who: REVIEWERS },
  'POST /api/content-items/:id/submit': { path: `/api/content-items/${MISSING}/submit`, allowed: 404, who: EDITOR },
  'POST /api/content-items/:id/reviews': { path: `/api/content-items/${MISSING}/reviews`, body: {}, allowed: 400, who: REVIEWERS },
  'GET /api/content-items/:id/reviews': { path: `/api/content-items/${MISSING}/reviews`, allowed: 404, who: READERS },
  'POST /api/content-items/:id/periodic-review': {
    path: `/api/content-items/${MISSING}/periodic-review`,
    body: {},
    allowed: 400,
    who: ['medical_reviewer', 'regulatory_reviewer'],
  },
  'POST /api/content-items/:id/withdraw': { path: `/api/content-items/${MISSING}/withdraw`, body: {}, allowed: 400, who: ['regulatory_reviewer', 'admin'] },
  'GET /api/agenda': { path: '/api/agenda?from=2026-01-01&to=2026-12-31', allowed: 200, who: READERS },
  'POST /api/agenda': { path: '/api/agenda', body: {}, allowed: 400, who: EDITOR },
  'PUT /api/agenda/:id': { path: `/api/agenda/${MISSING}`, body: {}, allowed: 400, who: EDITOR },
  'DELETE /api/agenda/:id': { path: `/api/agenda/${MISSING}`, allowed: 404, who: EDITOR },
  'GET /api/library': { path: '/api/library', allowed: 200, who: ['rep', ...READERS], scope: 'library:read' },
  'GET /api/library/:itemId': { path: `/api/library/${MISSING}`, allowed: 404, who: ['rep', ...READERS], scope: 'library:read' },
  'GET /api/library/:itemId/download': { path: `/api/library/${MISSING}/download`, allowed: 404, who: ['rep', ...READERS], scope: 'library:read' },
  'POST /api/library/:itemId/shares': { path: `/api/library/${MISSING}/shares`, body: {}, allowed: 400, who: ['rep'], scope: 'shares:write' },
  'GET /api/library/shares': { path: '/api/library/shares', allowed: 200, who: ['editor', 'admin'] },
  'GET /api/library/shares/summary': { path: '/api/library/shares/summary', allowed: 200, who: ['editor', 'admin'] },
  'GET /api/content-items/:id/comments': { path: `/api/content-items/${MISSING}/comments`, allowed: 404, who: READERS },
  'POST /api/content-items/:id/comments': { path: `/api/content-items/${MISSING}/comments`, body: {}, allowed: 400, who: COMMENTERS },
  'POST /api/content-items/:id/comments/:threadId/replies': { path: `/api/content-items/${MISSING}/comments/${MISSING}/replies`, body: {}, allowed: 400, who: COMMENTERS },
  'POST /api/content-items/:id/comments/:threadId/resolve': { path: `/api/content-items/${MISSING}/comments/${MISSING}/resolve`, allowed: 404, who: COMMENTERS },
  'POST /api/content-items/:id/comments/:threadId/reopen': { path: `/api/content-items/${MISSING}/comments/${MISSING}/reopen`, allowed: 404, who: COMMENTERS },
  'GET /api/library/:itemId/thumbnail': { path: `/api/library/${MISSING}/thumbnail`, allowed: 404, who: ['rep', ...READERS], scope: 'library:read' },
  'GET /api/calendar/saturation': { path: '/api/calendar/saturation?from=2026-12-01&to=2026-12-31', allowed: 200, who: READERS },
  // The managed lists: staff who read the plan read them (the pickers); admins keep them.
  'GET /api/channels': { path: '/api/channels', allowed: 200, who: READERS },
  'POST /api/channels': { path: '/api/channels', body: {}, allowed: 400, who: ['admin'] },
  'PATCH /api/channels/:id': { path: `/api/channels/${MISSING}`, body: { colour: '#123456' }, allowed: 404, who: ['admin'] },
  'DELETE /api/channels/:id': { path: `/api/channels/${MISSING}`, allowed: 404, who: ['admin'] },
  'GET /api/segments': { path: '/api/segments', allowed: 200, who: READERS },
  'POST /api/segments': { path: '/api/segments', body: {}, allowed: 400, who: ['admin'] },
  'PATCH /api/segments/:id': { path: `/api/segments/${MISSING}`, body: { colour: '#123456' }, allowed: 404, who: ['admin'] },
  'DELETE /api/segments/:id': { path: `/api/segments/${MISSING}`, allowed: 404, who: ['admin'] },
  'POST /api/claims': { path: '/api/claims', body: {}, allowed: 400, who: EDITOR },
  'GET /api/claims': { path: '/api/claims', allowed: 200, who: STAFF },
  'GET /api/claims/:id': { path: `/api/claims/${MISSING}`, allowed: 404, who: STAFF },
  'PATCH /api/claims/:id': { path: `/api/claims/${MISSING}`, body: {}, allowed: 400, who: EDITOR },
  'POST /api/claims/:id/references': { path: `/api/claims/${MISSING}/references`, body: {}, allowed: 400, who: EDITOR },
  'GET /api/claims/:id/references/:referenceId/file': { path: `/api/claims/${MISSING}/references/${MISSING}/file`, allowed: 404, who: STAFF },
  'POST /api/claims/:id/submit': { path: `/api/claims/${MISSING}/submit`, allowed: 404, who: EDITOR },
  'POST /api/claims/:id/reviews': { path: `/api/claims/${MISSING}/reviews`, body: {}, allowed: 400, who: ['medical_reviewer', 'regulatory_reviewer'] },
  'POST /api/claims/:id/withdraw': { path: `/api/claims/${MISSING}/withdraw`, body: {}, allowed: 400, who: ['medical_reviewer', 'regulatory_reviewer', 'admin'] },
  'POST /api/content-items/:id/release': { path: `/api/content-items/${MISSING}/release`, body: {}, allowed: 400, who: ['responsible_pharmacist'] },
  'POST /api/content-items/:id/escalate': { path: `/api/content-items/${MISSING}/escalate`, body: {}, allowed: 400, who: ['regulatory_reviewer'] },
  'POST /api/review-policy/preview': { path: '/api/review-policy/preview', body: { claimIds: 'x' }, allowed: 400, who: READERS },
  'GET /api/calendar/feeds': { path: '/api/calendar/feeds', allowed: 200 },
  'POST /api/calendar/feeds': { path: '/api/calendar/feeds', body: { name: '' }, allowed: 400 },
  'DELETE /api/calendar/feeds/:id': { path: `/api/calendar/feeds/${MISSING}`, allowed: 404 },
  // The feed's own secret is its credential: no session, and an unknown token is a 401 for everyone.
  'GET /api/calendar.ics': { path: '/api/calendar.ics?token=vcal_unknown', allowed: 401, public: true },
  'GET /api/tokens': { path: '/api/tokens', allowed: 200, who: ['admin'] },
  'POST /api/tokens': { path: '/api/tokens', body: {}, allowed: 400, who: ['admin'] },
  'DELETE /api/tokens/:id': { path: `/api/tokens/${MISSING}`, allowed: 404, who: ['admin'] },
  'GET /api/webhooks': { path: '/api/webhooks', allowed: 200, who: ['admin'] },
  'POST /api/webhooks': { path: '/api/webhooks', body: {}, allowed: 400, who: ['admin'] },
  'DELETE /api/webhooks/:id': { path: `/api/webhooks/${MISSING}`, allowed: 404, who: ['admin'] },
  'GET /api/webhooks/:id/deliveries': { path: `/api/webhooks/${MISSING}/deliveries`, allowed: 404, who: ['admin'] },
  'POST /api/webhooks/:id/deliveries/:deliveryId/retry': { path: `/api/webhooks/${MISSING}/deliveries/${MISSING}/retry`, allowed: 404, who: ['admin'] },
  // Each signed-in user's own notifications (an unknown id is a 404 for everyone).
  'GET /api/notifications': { path: '/api/notifications', allowed: 200 },
  'POST /api/notifications/read-all': { path: '/api/notifications/read-all', allowed: 200 },
  'POST /api/notifications/:id/read': { path: `/api/notifications/${MISSING}/read`, allowed: 404 },
  'GET /api/users/me/notification-settings': { path: '/api/users/me/notification-settings', allowed: 200 },
  'PUT /api/users/me/notification-settings': { path: '/api/users/me/notification-settings', body: {}, allowed: 400 },
  // Last: it ends the session it is called with.
  'POST /api/auth/logout': { path: '/api/auth/logout', allowed: 204, guest: 204 },
};

function expectedStatus(probe: Probe, principal: Principal): number {
  if (probe.public) return probe.allowed;
  if (principal === 'anonymous') return 401;
  if (isToken(principal)) return probe.scope && principal === `token:${probe.scope}` ? probe.allowed : 403;
  if (principal === 'agency') return probe.guest ?? 404;
  return !probe.who || probe.who.includes(principal) ? probe.allowed : 403;
}

function isToken(principal: Principal): principal is TokenPrincipal {
  return principal.startsWith('token:');
}

describe('authorization matrix: every endpoint × every role', () => {
  let t: TestApp;
  const users = new Map<Role, TestUser>();
  const tokens = new Map<TokenPrincipal, string>();

  beforeAll(async () => {
    t = await createTestApp();
    for (const role of STAFF_AND_REPS) users.set(role, await t.newUser([role]));
    for (const scope of TOKEN_SCOPES) {
      const created = await t.http(users.get('admin')!.token).post('/api/tokens', { name: `matrix ${scope}`, scopes: [scope] });
      tokens.set(`token:${scope}`, created.body.token);
    }
    // Guests exist only by invitation: one invited to an item of its own, never to the probes' ids.
    const owner = await t.newUser(['editor']);
    users.set('agency', await invitedGuest(t, owner, (await newItem(t, owner)).id));
  });
  afterAll(() => t?.close());

  it('has an entry for every route the API exposes (add one when you add an endpoint)', () => {
    expect(listRoutes(t.app)).toEqual(Object.keys(MATRIX).sort());
  });

  it.each(Object.keys(MATRIX))('%s answers each principal with the exact expected status', async (route) => {
    const probe = MATRIX[route];
    const method = route.split(' ')[0];
    const actual: Record<string, number> = {};
    const expected: Record<string, number> = {};
    for (const principal of PRINCIPALS) {
      const token = principal === 'anonymous' ? undefined : isToken(principal) ? tokens.get(principal) : users.get(principal)!.token;
      const res = await t.http(token).send(method, probe.path, probe.body);
      actual[principal] = res.status;
      expected[principal] = expectedStatus(probe, principal);
    }
    expect(actual).toEqual(expected);
  });
});
