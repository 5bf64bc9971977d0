import { hash, verify } from '@node-rs/argon2';

// @node-rs/argon2 defaults to argon2id (RFC 9106's recommendation) with OWASP-level memory and time costs.
export const hashPassword = (password: string): Promise<string> => hash(password);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verifying against a fixed hash when the account does not exist keeps the timing the same. */
let decoyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  decoyHash ??= hash('decoy-password-for-timing');
  await verifyPassword(await decoyHash, password);
}
