import { SetMetadata } from '@nestjs/common';
import type { Permission } from './access.policy.js';

export const ACCESS_KEY = 'vetted:access';
export type AccessRule = { kind: 'public' } | { kind: 'authenticated' } | { kind: 'permission'; permission: Permission };

/** No credentials needed (login, health). */
export const Public = () => SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies AccessRule);
/** Any signed-in user, whatever the role. */
export const Authenticated = () => SetMetadata(ACCESS_KEY, { kind: 'authenticated' } satisfies AccessRule);
/** Signed-in users holding a role that ACCESS_POLICY grants this permission. */
export const Allow = (permission: Permission) => SetMetadata(ACCESS_KEY, { kind: 'permission', permission } satisfies AccessRule);
