// Review owns the approval workflow: each item's review state (item_review, via ReviewStateStore),
// the signed lane decisions and the review discussions; it runs the libs/workflow statechart and
// expires approvals on schedule. It asks content for item facts and versions, never its tables.
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClaimsModule } from '../claims/claims.module.js';
import { ContentModule } from '../content/content.module.js';
import { IntegrationsModule } from '../integrations/integrations.module.js';
import { CommentThreadEntity } from './comment-thread.entity.js';
import { CommentsController } from './comments.controller.js';
import { CommentsService } from './comments.service.js';
import { PeriodicReviewDecisionEntity } from './periodic-review-decision.entity.js';
import { ReviewDecisionEntity } from './review-decision.entity.js';
import { ThreadCommentEntity } from './thread-comment.entity.js';
import { ReviewExpiryJob } from './review-expiry.job.js';
import { ReviewController } from './review.controller.js';
import { ReviewPolicyController } from './review-policy.controller.js';
import { ReviewStateModule } from './review-state.module.js';
import { ReviewService } from './review.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([ReviewDecisionEntity, PeriodicReviewDecisionEntity, CommentThreadEntity, ThreadCommentEntity]), ContentModule, ReviewStateModule, ClaimsModule, IntegrationsModule],
  controllers: [ReviewController, CommentsController, ReviewPolicyController],
  providers: [ReviewService, ReviewExpiryJob, CommentsService],
  exports: [ReviewService],
})
export class ReviewModule {}
