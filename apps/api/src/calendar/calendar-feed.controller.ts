import { Body, Controller, Delete, Get, Header, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  calendarFeedQuerySchema,
  createCalendarFeedRequestSchema,
  type CalendarFeedList,
  type CalendarFeedQuery,
  type CreateCalendarFeedRequest,
  type CreatedCalendarFeed,
  type SessionUser,
  calendarFeedListSchema,
  createdCalendarFeedSchema,
} from '@vetted/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiErrors, ApiFileResponse, ApiNoContent, ApiZodBody, ApiZodQuery, ApiZodResponse } from '../common/api-zod.decorators.js';
import { ZodValidationPipe } from '../common/zod-validation.pipe.js';
import { APP_CONFIG } from '../config/config.js';
import { Authenticated, Public } from '../identity/access.decorators.js';
import { CurrentUser } from '../identity/current-user.js';
import type { ResolvedConfig } from '../infra/resolved-config.js';
import { CalendarFeedService } from './calendar-feed.service.js';

@ApiTags('calendar')
@Controller()
export class CalendarFeedController {
  constructor(
    private readonly feeds: CalendarFeedService,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  /** The URL (with its secret) is shown in this answer only. */
  @Authenticated()
  @Post('calendar/feeds')
  @ApiZodBody(createCalendarFeedRequestSchema)
  @ApiOperation({ summary: 'Create a calendar feed link', description: 'The URL (with its secret) is shown in this answer only.' })
  @ApiZodResponse(createdCalendarFeedSchema, 201)
  create(
    @Body(new ZodValidationPipe(createCalendarFeedRequestSchema)) body: CreateCalendarFeedRequest,
    @CurrentUser() user: SessionUser,
    @Req() request: FastifyRequest,
  ): Promise<CreatedCalendarFeed> {
    return this.feeds.create(body, user, this.config.publicOrigins?.[0] ?? `${request.protocol}://${request.host}`);
  }

  @Authenticated()
  @Get('calendar/feeds')
  @ApiOperation({ summary: 'List my calendar feed links' })
  @ApiZodResponse(calendarFeedListSchema)
  list(@CurrentUser() user: SessionUser): Promise<CalendarFeedList> {
    return this.feeds.list(user);
  }

  @Authenticated()
  @Delete('calendar/feeds/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a calendar feed link' })
  @ApiNoContent()
  revoke(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: SessionUser): Promise<void> {
    return this.feeds.revoke(id, user);
  }

  /** For calendar apps: no cookie, no login, the feed's secret token in the query (401 `feed_token_invalid` once revoked). */
  @Public()
  @Get('calendar.ics')
  @ApiZodQuery(calendarFeedQuerySchema)
  // The URL is a credential: a shared cache must not keep (or serve) what it returns.
  @Header('Cache-Control', 'private, max-age=300')
  @ApiOperation({ summary: 'Read a calendar feed (ICS)', description: 'For calendar apps: no cookie, no login, the feed’s secret token in the query (401 `feed_token_invalid` once revoked).' })
  @ApiFileResponse('The calendar (iCalendar)', 'text/calendar')
  @ApiErrors(401)
  async feed(@Query(new ZodValidationPipe(calendarFeedQuerySchema)) query: CalendarFeedQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const ics = await this.feeds.render(query.token);
    // Set only on success: errors stay JSON (a JSON body under text/calendar would not even be sent).
    void reply.type('text/calendar; charset=utf-8');
    return ics;
  }
}
