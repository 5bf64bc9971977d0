import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { isGuest, type SessionUser } from '@vetted/contracts';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../common/domain-errors.js';
import { ACCESS_KEY, OPEN_TO_GUESTS_KEY, ITEM_SCOPE_KEY, type AccessRule } from './access.decorators.js';
import { DECISION_PERMISSIONS, isAllowed, rolesAllowedTo, scopeFor, type Permission } from './access.policy.js';
import { AccessTokenService, type TokenPrincipal } from './access-token.service.js';
import type { AuthenticatedRequest } from './current-user.js';
import { SESSION_COOKIE } from './session-cookie.js';
import { SessionService } from './session.service.js';

/** Deny by default: every route must say who may call it (@Public, @Authenticated or @Allow). */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
    private readonly accessTokens: AccessTokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]);
    if (rule?.kind === 'public') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const bearer = bearerToken(request.headers.authorization);
    // Personal access tokens come only as a Bearer header, never as the cookie.
    const integration = bearer ? await this.accessTokens.resolve(bearer) : null;
    if (integration) return this.allowToken(request, rule, integration);
    const token = bearer ?? request.cookies?.[SESSION_COOKIE];
    const session = token ? await this.sessions.resolve(token) : null;
    if (!session) throw new UnauthenticatedError('Sign in first: no valid session or access token was sent (it may have expired)', undefined, 'session_required');
    request.user = session.user;
    request.sessionId = session.sessionId;
    if (!rule) {
      this.logger.error(`Route ${request.method} ${request.url} declares no access rule; refused`);
      throw new ForbiddenError('This route is not open to anyone');
    }
    if (isGuest(session.user)) {
      this.checkGuest(context, request, session.user, rule);
      return true;
    }
    if (rule.kind === 'permission' && !isAllowed(session.user.roles, rule.permission)) {
      throw new ForbiddenError(`Your roles (${session.user.roles.join(', ')}) do not allow this; it needs one of: ${rolesAllowedTo(rule.permission).join(', ')}`);
    }
    return true;
  }

  /** A token opens only the permissions its scopes name: anything else, even "any signed-in user", is a 403. */
  private allowToken(request: AuthenticatedRequest, rule: AccessRule | undefined, principal: TokenPrincipal): true {
    request.user = principal.user;
    request.accessTokenId = principal.tokenId;
    const needed = rule?.kind === 'permission' ? scopeFor(rule.permission) : undefined;
    if (needed && principal.scopes.includes(needed)) return true;
    throw new ForbiddenError(
      needed
        ? `This access token's scopes (${principal.scopes.join(', ')}) do not allow this; it needs the ${needed} scope`
        : `Access tokens cannot be used here (their scopes are ${principal.scopes.join(', ')}); sign in instead`,
      { scopes: principal.scopes, needed: needed ?? null },
      'insufficient_scope',
    );
  }

  /**
   * An agency guest sees the items they are invited to and nothing else: a route about another item,
   * or one they may not use at all, answers 404 as if it did not exist. On their own item, what they
   * may not do (decide, withdraw, submit, edit) answers 403 with the reason.
   */
  private checkGuest(context: ExecutionContext, request: AuthenticatedRequest, user: SessionUser, rule: AccessRule): void {
    const targets = [context.getHandler(), context.getClass()];
    const openToGuests = this.reflector.getAllAndOverride<boolean | undefined>(OPEN_TO_GUESTS_KEY, targets) === true;
    if (rule.kind === 'authenticated' && openToGuests) return;
    const scope = this.reflector.getAllAndOverride<string | undefined>(ITEM_SCOPE_KEY, targets);
    const itemId = scope ? (request.params as Record<string, string> | undefined)?.[scope] : undefined;
    const invited = itemId !== undefined && (user.guestItemIds ?? []).includes(itemId);
    const nowhere = new NotFoundError('Page', request.url.split('?')[0]);
    if (itemId !== undefined && !invited) throw nowhere;
    if (rule.kind !== 'permission') throw nowhere;
    if (!isAllowed(user.roles, rule.permission)) {
      if (invited) throw new ForbiddenError(guestRefusal(rule.permission));
      throw nowhere;
    }
    if (!invited && !openToGuests) throw nowhere;
  }
}

function guestRefusal(permission: Permission): string {
  return DECISION_PERMISSIONS.includes(permission)
    ? 'Agency guests never sign review decisions: the item’s reviewers decide'
    : 'Agency guests may comment and upload new versions of the items they are invited to, nothing else';
}

/** The token of an `Authorization: Bearer …` header; when present the session cookie is not looked at. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}
