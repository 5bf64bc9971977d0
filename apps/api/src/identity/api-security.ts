// How the OpenAPI document says who may call a route: the same three ways the auth guard accepts,
// written beside the access decorators so the documentation cannot drift from the rule.
import { applyDecorators } from '@nestjs/common';
import { ApiExtension, ApiSecurity, type DocumentBuilder } from '@nestjs/swagger';
import { ACCESS_TOKEN_PREFIX } from '@vetted/contracts';
import { ApiErrors } from '../common/api-zod.decorators.js';
import { scopeFor, type Permission } from './access.policy.js';
import { SESSION_COOKIE } from './session-cookie.js';

type SecuritySchemeObject = Parameters<DocumentBuilder['addSecurity']>[1];

/** The security schemes of the document, by name. */
export const API_SECURITY_SCHEMES: Record<'session' | 'bearer' | 'accessToken', SecuritySchemeObject> = {
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: 'The session cookie POST /api/auth/login sets (what the web app uses).',
  },
  bearer: {
    type: 'http',
    scheme: 'bearer',
    description: 'The same session, as `Authorization: Bearer <accessToken>` with the accessToken POST /api/auth/login returns.',
  },
  accessToken: {
    type: 'http',
    scheme: 'bearer',
    description: `A personal access token (\`${ACCESS_TOKEN_PREFIX}…\`, made by an admin under /api/tokens) as \`Authorization: Bearer\`. It opens only the routes its scopes name, listed on each operation.`,
  },
};

// Fresh decorators each time: ApiSecurity accumulates into the requirements it was made with.
const signedIn = () => [ApiSecurity('session'), ApiSecurity('bearer')];

/**
 * Marks an operation open to anyone. Nest's document drops an empty security list, so the document
 * builder turns this mark into `security: []` (OpenAPI's "no credentials") and removes it.
 */
export const OPEN_OPERATION = 'x-vetted-public';
export const ApiOpen = () => ApiExtension(OPEN_OPERATION, true);

/** Any signed-in user; access tokens are refused here (403 `insufficient_scope`). */
export const ApiSignedIn = () => applyDecorators(...signedIn(), ApiErrors(401, 403));

/** Signed-in users whose roles hold the permission, and access tokens with the scope that opens it, if one does. */
export const ApiPermission = (permission: Permission) => {
  const scope = scopeFor(permission);
  return applyDecorators(...signedIn(), ...(scope ? [ApiSecurity('accessToken', [scope])] : []), ApiErrors(401, 403));
};
