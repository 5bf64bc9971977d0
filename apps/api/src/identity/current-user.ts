import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { SessionUser } from '@vetted/contracts';
import type { FastifyRequest } from 'fastify';

export interface AuthenticatedRequest extends FastifyRequest {
  user?: SessionUser;
  sessionId?: string;
  /** Set when the request came with a personal access token (an integration) rather than a session. */
  accessTokenId?: string;
}

/** The signed-in user, as the auth guard found them on this request. */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): SessionUser => {
  const user = ctx.switchToHttp().getRequest<AuthenticatedRequest>().user;
  if (!user) throw new Error('CurrentUser used on a route without authentication');
  return user;
});
