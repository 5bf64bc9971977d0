import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * `Vetted-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`. The time is signed
 * with the body, so a receiver that refuses old timestamps also refuses a replayed request.
 */
export function signatureHeader(secret: string, rawBody: string, unixSeconds: number): string {
  return `t=${unixSeconds},v1=${hmac(secret, unixSeconds, rawBody)}`;
}

/** What a receiver does (docs/integrations.md shows the same in a few lines of Node). */
export function verifySignatureHeader(header: string | undefined, rawBody: string, secret: string, options: { nowSeconds: number; toleranceSeconds: number }): boolean {
  const parts = new Map((header ?? '').split(',').map((p) => p.trim().split('=', 2) as [string, string]));
  const t = Number(parts.get('t'));
  const given = parts.get('v1');
  if (!Number.isInteger(t) || !given || !/^[0-9a-f]{64}$/.test(given)) return false;
  if (Math.abs(options.nowSeconds - t) > options.toleranceSeconds) return false;
  return timingSafeEqual(Buffer.from(given, 'hex'), Buffer.from(hmac(secret, t, rawBody), 'hex'));
}

function hmac(secret: string, t: number, rawBody: string): string {
  return createHmac('sha256', secret).update(`${t}.${rawBody}`).digest('hex');
}
