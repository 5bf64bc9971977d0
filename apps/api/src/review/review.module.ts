// Review owns the approval workflow: each item's review state (item_review, via ReviewStateStore),
// the signed lane decisions, reviewer groups, lane assignments and review tasks (quorum, inbox), and
// the review discussions; it runs the libs/workflow statechart and expires approvals on schedule.
// It asks content for item facts and versions, never its tables.
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClaimsModule } from '../claims/claims.module.js';
import { ContentModule } from '../content/content.module.js';
import { DetectionModule } from '../detection/detection.module.js';
import { IntegrationsModule } from '../integrations/integrations.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { CommentThreadEntity } from './comment-thread.entity.js';
import { CommentsController } from './comments.controller.js';
import { CommentsService } from './comments.service.js';
import { PeriodicReviewDecisionEntity } from './periodic-review-decision.entity.js';
import { ReviewDecisionEntity } from './review-decision.entity.js';
import { ThreadCommentEntity } from './thread-comment.entity.js';
import { ReviewExpiryJob } from './review-expiry.job.js';
import { ReviewRemindersJob } from './review-reminders.job.js';
import { ReviewRemindersService } from './review-reminders.service.js';
import { ReviewController } from './review.controller.js';
import { ReviewPolicyController } from './review-policy.controller.js';
import { ReviewStateModule } from './review-state.module.js';
import { ReviewService } from './review.service.js';
import { InboxController } from './inbox.controller.js';
import { InboxService } from './inbox.service.js';
import { ReviewGroupMemberEntity } from './review-group-member.entity.js';
import { ReviewGroupEntity } from './review-group.entity.js';
import { ReviewGroupsController } from './review-groups.controller.js';
import { ReviewGroupsService } from './review-groups.service.js';
import { ReviewLaneAssignmentEntity } from './review-lane-assignment.entity.js';
import { ReviewTaskEntity } from './review-task.entity.js';
import { MarketReleaseEntity } from './market-release.entity.js';
import { ReviewTasksService } from './review-tasks.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      ReviewDecisionEntity,
      PeriodicReviewDecisionEntity,
      CommentThreadEntity,
      ThreadCommentEntity,
      ReviewGroupEntity,
      ReviewGroupMemberEntity,
      ReviewLaneAssignmentEntity,
      ReviewTaskEntity,
      MarketReleaseEntity,
    ]),
    ContentModule,
    ReviewStateModule,
    ClaimsModule,
    IntegrationsModule,
    NotificationsModule,
    DetectionModule,
  ],
  controllers: [ReviewController, CommentsController, ReviewPolicyController, ReviewGroupsController, InboxController],
  providers: [ReviewService, ReviewExpiryJob, ReviewRemindersService, ReviewRemindersJob, CommentsService, ReviewGroupsService, ReviewTasksService, InboxService],
  exports: [ReviewService],
})
export class ReviewModule {}
