// Content owns content items (planning data, claims, review policy and stored review state) and
// their uploaded versions. Review drives the workflow through ContentService; nobody else touches its tables.
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContentItemEntity } from './content-item.entity.js';
import { ContentVersionEntity } from './content-version.entity.js';
import { ContentController } from './content.controller.js';
import { ContentService } from './content.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([ContentItemEntity, ContentVersionEntity])],
  controllers: [ContentController],
  providers: [ContentService],
  exports: [ContentService],
})
export class ContentModule {}
