// Where the journeys find the product and leave their screenshots.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const E2E_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ARTIFACTS_DIR = path.join(E2E_DIR, 'artifacts');
/** Set by the global setup to the product it started (or by you, to a product already running). */
export const BASE_URL_ENV = 'VETTED_E2E_BASE_URL';

export function baseUrl(): string {
  const url = process.env[BASE_URL_ENV];
  if (!url) throw new Error(`${BASE_URL_ENV} is not set: run the journeys through apps/web/e2e/jest.config.cjs`);
  return url;
}
