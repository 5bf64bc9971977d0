import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { Destination } from './webhook-destination.policy.js';

export type SendOutcome = { ok: true; status: number } | { ok: false; status: number | null; error: string };

/** Receivers answer with a status; their body is read and dropped, never stored (it could be anything). */
const MAX_RESPONSE_BYTES = 64 * 1024;

/**
 * POSTs the body to the checked address only: the connection uses the address resolved and checked
 * just before (not a second lookup that could answer differently), while the Host header and TLS
 * name stay the URL's. Redirects are not followed (one to an internal address would undo the check).
 */
export function postToDestination(destination: Destination, headers: Record<string, string>, body: string, timeoutMs: number): Promise<SendOutcome> {
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if (options.all) (callback as (e: null, a: Array<{ address: string; family: number }>) => void)(null, [{ address: destination.address, family: destination.family }]);
    else callback(null, destination.address, destination.family);
  };
  const client = destination.url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const done = (outcome: SendOutcome) => {
      if (!settled) resolve(outcome);
      settled = true;
    };
    const request = client.request(
      destination.url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: pinned,
        signal: AbortSignal.timeout(timeoutMs),
        agent: false,
      },
      (response) => {
        const status = response.statusCode ?? 0;
        let received = 0;
        response.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (received > MAX_RESPONSE_BYTES) response.destroy();
        });
        const finish = () =>
          done(
            status >= 200 && status < 300
              ? { ok: true, status }
              : { ok: false, status, error: status >= 300 && status < 400 ? `HTTP ${status} (redirects are not followed)` : `HTTP ${status}` },
          );
        response.on('end', finish);
        response.on('close', finish);
        response.on('error', finish);
      },
    );
    request.on('error', (error: NodeJS.ErrnoException) => done({ ok: false, status: null, error: describe(error, timeoutMs) }));
    request.end(body);
  });
}

/** A few words an admin can act on; never the address or the system's own message (which names it). */
function describe(error: NodeJS.ErrnoException, timeoutMs: number): string {
  if (error.name === 'AbortError' || error.name === 'TimeoutError' || error.code === 'ABORT_ERR') return `no answer within ${timeoutMs} ms`;
  switch (error.code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ECONNRESET':
      return 'connection reset';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'host unreachable';
    default:
      if (error.code?.startsWith('ERR_TLS') || /certificate|SSL|TLS/i.test(error.message)) return 'TLS error (certificate not trusted or handshake failed)';
      return `connection failed${error.code ? ` (${error.code})` : ''}`;
  }
}
