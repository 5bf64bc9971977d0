import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { reviewPolicyPreviewRequestSchema, type ReviewPolicyPreview, type ReviewPolicyPreviewRequest } from '@vetted/contracts';
import { ApiZodBody } from '../common/api-zod.decorators.js';
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
  preview(@Body(new ZodValidationPipe(reviewPolicyPreviewRequestSchema)) body: ReviewPolicyPreviewRequest): Promise<ReviewPolicyPreview> {
    return this.review.previewPolicy(body.sourceItemId ?? null, body.claimIds ?? []);
  }
}
