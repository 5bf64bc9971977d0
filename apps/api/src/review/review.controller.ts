import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  escalateRequestSchema,
  type EscalateRequest,
  periodicReviewRequestSchema,
  releaseRequestSchema,
  submitReviewRequestSchema,
  type PeriodicReviewRequest,
  type ReleaseRequest,
  withdrawRequestSchema,
  type ContentItem,
  type ItemReviews,
  type SessionUser,
  type SubmitReviewRequest,
  type WithdrawRequest,
  contentItemSchema,
  itemReviewsSchema,
} from '@vetted/contracts';
import type { FastifyRequest } from 'fastify';
import { ApiErrors, ApiZodBody, ApiZodResponse } from '../common/api-zod.decorators.js';
import { ZodValidationPipe } from '../common/zod-validation.pipe.js';
import { Allow, ItemScoped } from '../identity/access.decorators.js';
import { CurrentUser } from '../identity/current-user.js';
import { ReviewService } from './review.service.js';

@ApiTags('review')
@ItemScoped('id')
@Controller('content-items/:id')
export class ReviewController {
  constructor(private readonly review: ReviewService) {}

  @Allow('content.write')
  @Post('submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit an item for review' })
  @ApiZodResponse(contentItemSchema)
  @ApiErrors(409)
  submit(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: SessionUser): Promise<ContentItem> {
    return this.review.submit(id, user);
  }

  @Allow('review.decide')
  @Post('reviews')
  @HttpCode(200)
  @ApiZodBody(submitReviewRequestSchema)
  @ApiOperation({ summary: 'Sign a lane decision', description: 'An electronic signature: the password is checked again (401 `signature_refused`).' })
  @ApiZodResponse(contentItemSchema)
  @ApiErrors(409)
  decide(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodValidationPipe(submitReviewRequestSchema)) body: SubmitReviewRequest,
    @CurrentUser() user: SessionUser,
    @Req() request: FastifyRequest,
  ): Promise<ContentItem> {
    return this.review.decide(id, body, user, request.ip);
  }

  @Allow('item.read')
  @Get('reviews')
  @ApiOperation({ summary: 'List an item’s review decisions' })
  @ApiZodResponse(itemReviewsSchema)
  decisions(@Param('id', new ParseUUIDPipe()) id: string): Promise<ItemReviews> {
    return this.review.decisions(id);
  }

  @Allow('review.periodic')
  @Post('periodic-review')
  @HttpCode(200)
  @ApiZodBody(periodicReviewRequestSchema)
  @ApiOperation({ summary: 'Sign a periodic review (recertify or retire)' })
  @ApiZodResponse(contentItemSchema)
  @ApiErrors(409)
  periodicReview(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodValidationPipe(periodicReviewRequestSchema)) body: PeriodicReviewRequest,
    @CurrentUser() user: SessionUser,
    @Req() request: FastifyRequest,
  ): Promise<ContentItem> {
    return this.review.periodicReview(id, body, user, request.ip);
  }

  @Allow('review.release')
  @Post('release')
  @HttpCode(200)
  @ApiZodBody(releaseRequestSchema)
  @ApiOperation({ summary: 'Sign the final release (responsible pharmacist)' })
  @ApiZodResponse(contentItemSchema)
  @ApiErrors(409)
  release(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodValidationPipe(releaseRequestSchema)) body: ReleaseRequest,
    @CurrentUser() user: SessionUser,
    @Req() request: FastifyRequest,
  ): Promise<ContentItem> {
    return this.review.release(id, body, user, request.ip);
  }

  @Allow('review.escalate')
  @Post('escalate')
  @HttpCode(200)
  @ApiZodBody(escalateRequestSchema)
  @ApiOperation({ summary: 'Escalate a fast-tracked item to full review' })
  @ApiZodResponse(contentItemSchema)
  @ApiErrors(409)
  escalate(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodValidationPipe(escalateRequestSchema)) body: EscalateRequest,
    @CurrentUser() user: SessionUser,
    @Req() request: FastifyRequest,
  ): Promise<ContentItem> {
    return this.review.escalate(id, body, user, request.ip);
  }

  @Allow('content.withdraw')
  @Post('withdraw')
  @HttpCode(200)
  @ApiZodBody(withdrawRequestSchema)
  @ApiOperation({ summary: 'Withdraw an item' })
  @ApiZodResponse(contentItemSchema)
  @ApiErrors(409)
  withdraw(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodValidationPipe(withdrawRequestSchema)) body: WithdrawRequest,
    @CurrentUser() user: SessionUser,
    @Req() request: FastifyRequest,
  ): Promise<ContentItem> {
    return this.review.withdraw(id, body, user, request.ip);
  }
}
