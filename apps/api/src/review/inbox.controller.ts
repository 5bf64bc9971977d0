import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { inboxQuerySchema, type Inbox, type InboxQuery, type SessionUser } from '@vetted/contracts';
import { ApiZodQuery } from '../common/api-zod.decorators.js';
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
  list(@Query(new ZodValidationPipe(inboxQuerySchema)) query: InboxQuery, @CurrentUser() user: SessionUser): Promise<Inbox> {
    return this.inbox.inbox(user, query);
  }
}
