import { applyDecorators, SetMetadata } from '@nestjs/common';
import type { Permission } from './access.policy.js';
import { ApiOpen, ApiPermission, ApiSignedIn } from './api-security.js';

export const ACCESS_KEY = 'vetted:access';
export type AccessRule = { kind: 'public' } | { kind: 'authenticated' } | { kind: 'permission'; permission: Permission };

// Each rule also documents itself in OpenAPI (security and the 401/403 it may answer), so the two agree.

/** No credentials needed (login, health). */
export const Public = () => applyDecorators(SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies AccessRule), ApiOpen());
/** Any signed-in user, whatever the role. */
export const Authenticated = () => applyDecorators(SetMetadata(ACCESS_KEY, { kind: 'authenticated' } satisfies AccessRule), ApiSignedIn());
/** Signed-in users holding a role that ACCESS_POLICY grants this permission. */
export const Allow = (permission: Permission) =>
  applyDecorators(SetMetadata(ACCESS_KEY, { kind: 'permission', permission } satisfies AccessRule), ApiPermission(permission));

export const ITEM_SCOPE_KEY = 'vetted:item-scope';
export const OPEN_TO_GUESTS_KEY = 'vetted:open-to-guests';

/**
 * The controller's routes concern the content item named by this path parameter: an agency guest
 * reaches them only for items they are invited to (404 otherwise, before anything else is checked).
 */
export const ItemScoped = (param = 'id') => SetMetadata(ITEM_SCOPE_KEY, param);

/**
 * A route about no item that an agency guest may still call: their own session, or a list whose
 * service narrows the answer to the guest's items. Every other such route is a 404 for guests.
 */
export const OpenToGuests = () => SetMetadata(OPEN_TO_GUESTS_KEY, true);
