import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * A webhook secret must be kept in a form that can still sign (a hash would not), so it is sealed
 * with AES-256-GCM under WEBHOOK_SECRET_KEY when one is configured: a copy of the database alone
 * (a backup, a read-only leak) then does not let anyone forge Vetted's signatures. Without a key it
 * is stored as given, marked `plain:`; setting a key later seals new secrets and still reads old ones.
 */
const SEALED = 'aes-256-gcm:';
const PLAIN = 'plain:';

export function sealSecret(secret: string, key: Buffer | undefined): string {
  if (!key) return `${PLAIN}${secret}`;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return `${SEALED}${Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64')}`;
}

export class SecretUnavailableError extends Error {}

export function openSecret(stored: string, key: Buffer | undefined): string {
  if (stored.startsWith(PLAIN)) return stored.slice(PLAIN.length);
  if (!stored.startsWith(SEALED)) throw new SecretUnavailableError('the stored secret is in an unknown form');
  if (!key) throw new SecretUnavailableError('the secret is sealed but WEBHOOK_SECRET_KEY is not set');
  const bytes = Buffer.from(stored.slice(SEALED.length), 'base64');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretUnavailableError('the secret cannot be opened with this WEBHOOK_SECRET_KEY (was the key changed?)');
  }
}
