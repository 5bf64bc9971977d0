// Compiles only if the client types openapi-typescript generates from the OpenAPI document say what
// the API really answers: each answer's type must be the contracts type the web uses, both ways.
// `npm run openapi:check` regenerates generated/vetted-api.d.ts and type-checks this file.
import type { AuditTrail, ApiError, ContentItem, ContentItemList, LoginResponse, SessionUser, User, LibraryItemList, ClaimDetail, Inbox, Health } from '@vetted/contracts';
import type { components, paths } from './generated/vetted-api.js';

type Json<P extends keyof paths, M extends keyof paths[P], S extends number> = paths[P][M] extends { responses: infer R }
  ? S extends keyof R
    ? R[S] extends { content: { 'application/json': infer B } }
      ? B
      : never
    : never
  : never;

/** True only when A and B are the same type (each assignable to the other). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const same = <A, B>(verdict: Same<A, B>) => verdict;

export const answers = [
  same<Json<'/api/content-items/{id}', 'get', 200>, ContentItem>(true),
  same<Json<'/api/content-items', 'get', 200>, ContentItemList>(true),
  same<Json<'/api/content-items', 'post', 201>, ContentItem>(true),
  same<Json<'/api/auth/login', 'post', 200>, LoginResponse>(true),
  same<Json<'/api/auth/me', 'get', 200>, SessionUser>(true),
  same<Json<'/api/users', 'get', 200>, User[]>(true),
  same<Json<'/api/library', 'get', 200>, LibraryItemList>(true),
  same<Json<'/api/claims/{id}', 'get', 200>, ClaimDetail>(true),
  same<Json<'/api/reviews/inbox', 'get', 200>, Inbox>(true),
  same<Json<'/api/audit', 'get', 200>, AuditTrail>(true),
  same<Json<'/api/health', 'get', 503>, Health>(true),
  same<Json<'/api/content-items/{id}', 'get', 404>, ApiError>(true),
  same<components['schemas']['ApiError']['code'], ApiError['code']>(true),
];

/** A typed call as a client would write it: the path parameters and the answer come from the document. */
export async function readItem(baseUrl: string, token: string, id: paths['/api/content-items/{id}']['get']['parameters']['path']['id']): Promise<ContentItem> {
  const response = await fetch(`${baseUrl}/api/content-items/${encodeURIComponent(id)}`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(((await response.json()) as Json<'/api/content-items/{id}', 'get', 404>).message);
  const item = (await response.json()) as Json<'/api/content-items/{id}', 'get', 200>;
  return item;
}

/** A download declares its media type instead of a JSON body. */
export type AuditPackage = paths['/api/content-items/{id}/audit-package']['get']['responses'][200]['content']['application/zip'];
