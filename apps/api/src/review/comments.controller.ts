import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  commentThreadsQuerySchema,
  replyRequestSchema,
  startThreadRequestSchema,
  type CommentThread,
  type CommentThreadList,
  type ReplyRequest,
  type SessionUser,
  type StartThreadRequest,
  commentThreadListSchema,
  commentThreadSchema,
} from '@vetted/contracts';
import { ApiErrors, ApiZodBody, ApiZodQuery, ApiZodResponse } from '../common/api-zod.decorators.js';
import { ZodValidationPipe } from '../common/zod-validation.pipe.js';
import { Allow, ItemScoped } from '../identity/access.decorators.js';
import { CurrentUser } from '../identity/current-user.js';
import { CommentsService } from './comments.service.js';

@ApiTags('review')
@ItemScoped('id')
@Controller('content-items/:id/comments')
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  @Allow('item.read')
  @Get()
  @ApiZodQuery(commentThreadsQuerySchema)
  @ApiOperation({ summary: 'List an item’s comment threads' })
  @ApiZodResponse(commentThreadListSchema)
  list(@Param('id', new ParseUUIDPipe()) id: string, @Query(new ZodValidationPipe(commentThreadsQuerySchema)) query: { version?: number }): Promise<CommentThreadList> {
    return this.comments.list(id, query.version);
  }

  @Allow('review.comment')
  @Post()
  @ApiZodBody(startThreadRequestSchema)
  @ApiOperation({ summary: 'Start a comment thread' })
  @ApiZodResponse(commentThreadSchema, 201)
  @ApiErrors(409)
  start(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodValidationPipe(startThreadRequestSchema)) body: StartThreadRequest,
    @CurrentUser() user: SessionUser,
  ): Promise<CommentThread> {
    return this.comments.start(id, body, user);
  }

  @Allow('review.comment')
  @Post(':threadId/replies')
  @ApiZodBody(replyRequestSchema)
  @ApiOperation({ summary: 'Reply in a comment thread' })
  @ApiZodResponse(commentThreadSchema, 201)
  @ApiErrors(409)
  reply(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('threadId', new ParseUUIDPipe()) threadId: string,
    @Body(new ZodValidationPipe(replyRequestSchema)) body: ReplyRequest,
    @CurrentUser() user: SessionUser,
  ): Promise<CommentThread> {
    return this.comments.reply(id, threadId, body.body, user);
  }

  @Allow('review.comment')
  @Post(':threadId/resolve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resolve a comment thread' })
  @ApiZodResponse(commentThreadSchema)
  @ApiErrors(409)
  resolve(@Param('id', new ParseUUIDPipe()) id: string, @Param('threadId', new ParseUUIDPipe()) threadId: string, @CurrentUser() user: SessionUser): Promise<CommentThread> {
    return this.comments.setResolved(id, threadId, true, user);
  }

  @Allow('review.comment')
  @Post(':threadId/reopen')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reopen a comment thread' })
  @ApiZodResponse(commentThreadSchema)
  @ApiErrors(409)
  reopen(@Param('id', new ParseUUIDPipe()) id: string, @Param('threadId', new ParseUUIDPipe()) threadId: string, @CurrentUser() user: SessionUser): Promise<CommentThread> {
    return this.comments.setResolved(id, threadId, false, user);
  }
}
