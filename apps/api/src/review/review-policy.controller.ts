import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { reviewPolicyPreviewRequestSchema, type ReviewPolicyPreview, type ReviewPolicyPreviewRequest, reviewPolicyPreviewSchema } from '@vetted/contracts';
import { ApiZodBody, ApiZodResponse } from '../common/api-zod.decorators.js';
import { ZodValidationPipe } from '../common/zod-validation.pipe.js';
import { Allow } from '../identity/access.decorators.js';
import { ReviewService } from './review.service.js';

@ApiTags('review')
@Controller('review-policy')
export class ReviewPolicyController {
  constructor(private readonly review: ReviewService) {}

  /** The fast-track decision a new item would get if submitted now (nothing is stored). */
  @Allow('content.read')
  @Post('preview')
  @HttpCode(200)
  @ApiZodBody(reviewPolicyPreviewRequestSchema)
  @ApiOperation({ summary: 'Preview the fast-track decision for a new item', description: 'What a new item would get if submitted now; nothing is stored.' })
  @ApiZodResponse(reviewPolicyPreviewSchema)
  preview(@Body(new ZodValidationPipe(reviewPolicyPreviewRequestSchema)) body: ReviewPolicyPreviewRequest): Promise<ReviewPolicyPreview> {
    return this.review.previewPolicy(body.sourceItemId ?? null, body.claimIds ?? []);
  }
}
