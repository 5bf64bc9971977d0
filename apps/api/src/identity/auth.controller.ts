import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  acceptInviteRequestSchema,
  loginRequestSchema,
  type AcceptInviteRequest,
  type AcceptInviteResponse,
  type LoginRequest,
  type LoginResponse,
  type SessionUser,
  acceptInviteResponseSchema,
  loginResponseSchema,
  sessionUserSchema,
} from '@vetted/contracts';
import type { FastifyReply } from 'fastify';
import { ApiErrors, ApiNoContent, ApiZodBody, ApiZodResponse } from '../common/api-zod.decorators.js';
import { ZodValidationPipe } from '../common/zod-validation.pipe.js';
import { APP_CONFIG } from '../config/config.js';
import type { ResolvedConfig } from '../infra/resolved-config.js';
import { Authenticated, OpenToGuests, Public } from './access.decorators.js';
import { AuthService } from './auth.service.js';
import { CurrentUser, type AuthenticatedRequest } from './current-user.js';
import { GuestsService } from './guests.service.js';
import { clearSessionCookie, setSessionCookie } from './session-cookie.js';
import { SessionService } from './session.service.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
    private readonly guests: GuestsService,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiZodBody(loginRequestSchema)
  @ApiOperation({ summary: 'Sign in', description: 'Sets the session cookie and returns the same session as a bearer `accessToken`.' })
  @ApiZodResponse(loginResponseSchema)
  @ApiErrors(401, 403, 429)
  async login(
    @Body(new ZodValidationPipe(loginRequestSchema)) body: LoginRequest,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    const result = await this.auth.login(body, { ip: request.ip, userAgent: request.headers['user-agent'] });
    setSessionCookie(request, reply, result.accessToken, this.config.session.absoluteHours * 3600);
    return result;
  }

  /** An agency guest's one-time link: choose a password (throttled like a sign-in), then sign in. */
  @Public()
  @Post('accept-invite')
  @HttpCode(200)
  @ApiZodBody(acceptInviteRequestSchema)
  @ApiOperation({ summary: 'Accept an agency guest invitation', description: 'Choose a password with the one-time link (401 `invitation_invalid`), then sign in.' })
  @ApiZodResponse(acceptInviteResponseSchema)
  @ApiErrors(401, 403, 429)
  acceptInvite(@Body(new ZodValidationPipe(acceptInviteRequestSchema)) body: AcceptInviteRequest, @Req() request: AuthenticatedRequest): Promise<AcceptInviteResponse> {
    return this.guests.accept(body, request.ip);
  }

  @Authenticated()
  @OpenToGuests()
  @Get('me')
  @ApiOperation({ summary: 'Read the signed-in user' })
  @ApiZodResponse(sessionUserSchema)
  me(@CurrentUser() user: SessionUser): SessionUser {
    return user;
  }

  @Authenticated()
  @OpenToGuests()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out (ends the session)' })
  @ApiNoContent()
  async logout(@Req() request: AuthenticatedRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    if (request.sessionId) await this.sessions.revoke(request.sessionId);
    clearSessionCookie(reply);
  }
}
