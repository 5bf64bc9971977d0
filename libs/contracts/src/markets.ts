import { z } from 'zod';
import { text } from './input-primitives.js';

/** A country whose rules the material follows (ISO 3166-1 alpha-2, e.g. FR); none means no market policy. */
export const marketSchema = z.string().regex(/^[A-Z]{2}$/, 'market must be an ISO 3166 alpha-2 country code in capitals, such as FR or US');

/** The language of the material (ISO 639-1, e.g. fr). */
export const languageSchema = z.string().regex(/^[a-z]{2}$/, 'language must be an ISO 639-1 code in lower case, such as fr or en');

/** The product the material promotes (the claims library and reviewer groups are per product). */
export const productSchema = text({ min: 1, max: 100 });

/**
 * Who sees market-bound material in the library: staff see everything; a rep sees market-less
 * items and those of their markets (a rep with no market sees market-less items only).
 */
export function libraryMarkets(user: { roles: readonly string[]; markets?: readonly string[] }): readonly string[] | null {
  return user.roles.some((role) => role !== 'rep') ? null : (user.markets ?? []);
}
