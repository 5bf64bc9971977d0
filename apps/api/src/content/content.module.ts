// Content owns content items (planning data, claims, series) and their uploaded versions, and the
// lists of channels and audience segments (with weekly caps) items are planned with; owners
// invite agency guests to them (identity keeps the guests' accounts and invitations). It opens each
// item's review in the review module's state store and shows it; nobody else writes its tables.
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssetsModule } from '../assets/assets.module.js';
import { ClaimsModule } from '../claims/claims.module.js';
import { DetectionModule } from '../detection/detection.module.js';
import { ReviewStateModule } from '../review/review-state.module.js';
import { AudienceCapEntity } from './audience-cap.entity.js';
import { AudienceListsService } from './audience-lists.service.js';
import { AudienceSegmentEntity } from './audience-segment.entity.js';
import { ChannelsController } from './channels.controller.js';
import { ContentChannelEntity } from './content-channel.entity.js';
import { ContentItemEntity } from './content-item.entity.js';
import { ContentVersionEntity } from './content-version.entity.js';
import { ContentController } from './content.controller.js';
import { ContentService } from './content.service.js';
import { GuestsController } from './guests.controller.js';
import { SegmentsController } from './segments.controller.js';

@Module({
  imports: [TypeOrmModule.forFeature([ContentItemEntity, ContentVersionEntity, ContentChannelEntity, AudienceSegmentEntity, AudienceCapEntity]), AssetsModule, ReviewStateModule, ClaimsModule, DetectionModule],
  controllers: [ContentController, GuestsController, ChannelsController, SegmentsController],
  providers: [ContentService, AudienceListsService],
  exports: [ContentService, AudienceListsService],
})
export class ContentModule {}
