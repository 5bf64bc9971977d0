// The review state of each item (table item_review), written only here. Content imports this small
// module to open a review when it creates an item and to show the review half of its views.
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ItemReviewEntity } from './item-review.entity.js';
import { LaneProgressReader } from './lane-progress.reader.js';
import { ReviewStateStore } from './review-state.store.js';

@Module({
  imports: [TypeOrmModule.forFeature([ItemReviewEntity])],
  providers: [ReviewStateStore, LaneProgressReader],
  exports: [ReviewStateStore],
})
export class ReviewStateModule {}
