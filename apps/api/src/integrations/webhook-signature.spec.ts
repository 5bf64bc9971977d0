import { randomBytes } from 'node:crypto';
import { openSecret, sealSecret, SecretUnavailableError } from './webhook-secret-box.js';
import { signatureHeader, verifySignatureHeader } from './webhook-signature.js';

describe('webhook signatures', () => {
  const secret = 'whsec-0123456789abcdef0123456789';
  const body = JSON.stringify({ id: '7c1d2a4e-0000-4000-8000-000000000001', type: 'item.withdrawn', createdAt: '2026-12-03T09:00:00.000Z', data: { itemId: 'x' } });
  const now = 1_796_290_000;

  it('signs "<t>.<raw body>" with HMAC-SHA256, which a receiver checks with the shared secret', () => {
    const header = signatureHeader(secret, body, now);
    expect(header).toMatch(/^t=1796290000,v1=[0-9a-f]{64}$/);
    expect(verifySignatureHeader(header, body, secret, { nowSeconds: now + 10, toleranceSeconds: 300 })).toBe(true);
  });

  it('fails for another body, another secret, an old timestamp or a malformed header', () => {
    const header = signatureHeader(secret, body, now);
    expect(verifySignatureHeader(header, body.replace('withdrawn', 'approved'), secret, { nowSeconds: now, toleranceSeconds: 300 })).toBe(false);
    expect(verifySignatureHeader(header, body, `${secret}x`, { nowSeconds: now, toleranceSeconds: 300 })).toBe(false);
    expect(verifySignatureHeader(header, body, secret, { nowSeconds: now + 301, toleranceSeconds: 300 })).toBe(false);
    expect(verifySignatureHeader(header.replace(`t=${now}`, `t=${now + 1}`), body, secret, { nowSeconds: now, toleranceSeconds: 300 })).toBe(false);
    for (const bad of [undefined, '', 'v1=abc', `t=${now}`, `t=${now},v1=zz`]) expect(verifySignatureHeader(bad, body, secret, { nowSeconds: now, toleranceSeconds: 300 })).toBe(false);
  });
});

describe('webhook secrets at rest', () => {
  const key = randomBytes(32);

  it('seals a secret with the key (nothing of it in clear) and opens it again', () => {
    const sealed = sealSecret('a-shared-secret-for-the-crm', key);
    expect(sealed).toMatch(/^aes-256-gcm:/);
    expect(sealed).not.toContain('shared-secret');
    expect(sealSecret('a-shared-secret-for-the-crm', key)).not.toBe(sealed);
    expect(openSecret(sealed, key)).toBe('a-shared-secret-for-the-crm');
  });

  it('cannot open a sealed secret without the key, with another key, or once altered', () => {
    const sealed = sealSecret('a-shared-secret-for-the-crm', key);
    expect(() => openSecret(sealed, undefined)).toThrow(SecretUnavailableError);
    expect(() => openSecret(sealed, randomBytes(32))).toThrow(SecretUnavailableError);
    const altered = `${sealed.slice(0, -4)}${sealed.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
    expect(() => openSecret(altered, key)).toThrow(SecretUnavailableError);
  });

  it('keeps secrets stored before a key was set readable', () => {
    expect(openSecret(sealSecret('stored-before-the-key', undefined), key)).toBe('stored-before-the-key');
  });
});
