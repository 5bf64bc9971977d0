import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { inboxQuerySchema, type Inbox, type InboxQuery, type SessionUser, inboxSchema } from '@vetted/contracts';
import { ApiZodQuery, ApiZodResponse } from '../common/api-zod.decorators.js';
import { ZodValidationPipe } from '../common/zod-validation.pipe.js';
import { Allow } from '../identity/access.decorators.js';
import { CurrentUser } from '../identity/current-user.js';
import { InboxService } from './inbox.service.js';

@ApiTags('review')
@Controller('reviews')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Allow('review.decide')
  @Get('inbox')
  @ApiZodQuery(inboxQuerySchema)
  @ApiOperation({ summary: 'List my review tasks' })
  @ApiZodResponse(inboxSchema)
  list(@Query(new ZodValidationPipe(inboxQuerySchema)) query: InboxQuery, @CurrentUser() user: SessionUser): Promise<Inbox> {
    return this.inbox.inbox(user, query);
  }
}
