// Review owns the approval workflow: it runs the libs/workflow statechart against content items,
// stores the signed lane decisions, and expires approvals on schedule.
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContentModule } from '../content/content.module.js';
import { ReviewDecisionEntity } from './review-decision.entity.js';
import { ReviewExpiryJob } from './review-expiry.job.js';
import { ReviewController } from './review.controller.js';
import { ReviewService } from './review.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([ReviewDecisionEntity]), ContentModule],
  controllers: [ReviewController],
  providers: [ReviewService, ReviewExpiryJob],
  exports: [ReviewService],
})
export class ReviewModule {}
