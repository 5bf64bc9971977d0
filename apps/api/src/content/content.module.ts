// Content owns content items (planning data, claims, review policy and stored review state) and
// their uploaded versions. Review drives the workflow through ContentService; nobody else touches its tables.
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssetsModule } from '../assets/assets.module.js';
import { ApprovedContentReader } from './approved-content.reader.js';
import { ContentItemEntity } from './content-item.entity.js';
import { ContentVersionEntity } from './content-version.entity.js';
import { ContentController } from './content.controller.js';
import { ContentService } from './content.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([ContentItemEntity, ContentVersionEntity]), AssetsModule],
  controllers: [ContentController],
  providers: [ContentService, ApprovedContentReader],
  exports: [ContentService, ApprovedContentReader],
})
export class ContentModule {}
