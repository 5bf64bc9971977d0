import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  createReviewGroupRequestSchema,
  updateReviewGroupRequestSchema,
  type CreateReviewGroupRequest,
  type ReviewGroup,
  type SessionUser,
  type UpdateReviewGroupRequest,
  reviewGroupSchema,
} from '@vetted/contracts';
import { z } from 'zod';
import { ApiErrors, ApiZodBody, ApiZodResponse } from '../common/api-zod.decorators.js';
import { ZodValidationPipe } from '../common/zod-validation.pipe.js';
import { Allow } from '../identity/access.decorators.js';
import { CurrentUser } from '../identity/current-user.js';
import { ReviewGroupsService } from './review-groups.service.js';

@ApiTags('review')
@Controller('review-groups')
export class ReviewGroupsController {
  constructor(private readonly groups: ReviewGroupsService) {}

  @Allow('review.groups')
  @Get()
  @ApiOperation({ summary: 'List reviewer groups' })
  @ApiZodResponse(z.array(reviewGroupSchema))
  list(): Promise<ReviewGroup[]> {
    return this.groups.list();
  }

  @Allow('review.groups')
  @Post()
  @ApiZodBody(createReviewGroupRequestSchema)
  @ApiOperation({ summary: 'Create a reviewer group' })
  @ApiZodResponse(reviewGroupSchema, 201)
  @ApiErrors(409)
  create(@Body(new ZodValidationPipe(createReviewGroupRequestSchema)) body: CreateReviewGroupRequest, @CurrentUser() user: SessionUser): Promise<ReviewGroup> {
    return this.groups.create(body, user);
  }

  @Allow('review.groups')
  @Patch(':id')
  @ApiZodBody(updateReviewGroupRequestSchema)
  @ApiOperation({ summary: 'Change a reviewer group' })
  @ApiZodResponse(reviewGroupSchema)
  @ApiErrors(409)
  update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodValidationPipe(updateReviewGroupRequestSchema)) body: UpdateReviewGroupRequest,
    @CurrentUser() user: SessionUser,
  ): Promise<ReviewGroup> {
    return this.groups.update(id, body, user);
  }
}
