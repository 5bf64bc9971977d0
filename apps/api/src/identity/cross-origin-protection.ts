// CSRF defence for the session cookie: a state-changing request a browser sends on behalf of another
// origin is refused before any parsing, guard or handler runs. Bearer-token clients cannot be forged
// cross-origin (a page cannot add an Authorization header without a CORS preflight we never grant).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AddressInfo } from 'node:net';
import { replyWithApiError } from '../common/api-error-reply.js';
import { bearerToken } from './auth.guard.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const LOOPBACK_OR_WILDCARD = new Set(['127.0.0.1', 'localhost', '::1', '0.0.0.0', '::']);

/**
 * The origins browser pages may send state changes from: PUBLIC_URL when set, otherwise the listen
 * address, as both localhost and 127.0.0.1 when it is a loopback or wildcard address.
 */
export function allowedBrowserOrigins(publicOrigins: string[] | undefined, host: string, port: number): Set<string> {
  if (publicOrigins?.length) return new Set(publicOrigins);
  if (LOOPBACK_OR_WILDCARD.has(host)) return new Set([`http://localhost:${port}`, `http://127.0.0.1:${port}`, `http://[::1]:${port}`]);
  return new Set([new URL(`http://${host.includes(':') ? `[${host}]` : host}:${port}`).origin]);
}

export type CrossOriginVerdict = { allowed: true } | { allowed: false; reason: string };

/**
 * SameSite=Lax is not enough: another port on the same host or a sibling subdomain is the same
 * *site*, so its forms carry our cookie. Refuse what the browser says came from elsewhere
 * (Sec-Fetch-Site other than same-origin / none) and any Origin not in the allowed list.
 * No Origin and no Sec-Fetch-Site: not a browser (curl, a CRM), nothing to forge.
 */
export function checkCrossOrigin(request: Pick<FastifyRequest, 'method' | 'headers'>, allowed: ReadonlySet<string>): CrossOriginVerdict {
  if (SAFE_METHODS.has(request.method)) return { allowed: true };
  if (bearerToken(single(request.headers.authorization))) return { allowed: true };
  const site = single(request.headers['sec-fetch-site']);
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return { allowed: false, reason: `the browser reports it from another origin (Sec-Fetch-Site: ${site})` };
  }
  // A repeated Origin arrives joined ("a, b") and so never matches: it fails closed.
  const origin = single(request.headers.origin);
  if (origin !== undefined && !allowed.has(origin)) return { allowed: false, reason: `it comes from ${origin}, which is not where Vetted is served` };
  return { allowed: true };
}

/** Installs the check as the first thing every request goes through (before body parsing). */
export function installCrossOriginProtection(fastify: FastifyInstance, options: { publicOrigins: string[] | undefined; host: string }): void {
  let allowed: Set<string> | undefined;
  fastify.addHook('onRequest', (request, reply, done) => {
    // Resolved at the first request: only then is the real port known (PORT=0 picks a free one).
    allowed ??= allowedBrowserOrigins(options.publicOrigins, options.host, (fastify.server.address() as AddressInfo).port);
    const verdict = checkCrossOrigin(request, allowed);
    if (verdict.allowed) return done();
    request.log.info({ origin: request.headers.origin, secFetchSite: request.headers['sec-fetch-site'] }, 'cross-origin request refused');
    void replyWithApiError(
      reply,
      403,
      `Refused: this request would change data, and ${verdict.reason}. Use Vetted from its own address, or send an Authorization: Bearer token.`,
      'cross_origin_refused',
    );
  });
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}
