// Assets own the bytes of content: type and media checks on upload, storage keys, renditions made in the
// background, the orphan sweep, and handing files back out. Content calls in; assets call nobody above them.
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssetJobs } from './asset-jobs.js';
import { AssetRenditionEntity } from './asset-rendition.entity.js';
import { AssetUploadEntity } from './asset-upload.entity.js';
import { AssetsService } from './assets.service.js';
import { RenditionsService } from './renditions.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([AssetRenditionEntity, AssetUploadEntity])],
  providers: [AssetsService, RenditionsService, AssetJobs],
  exports: [AssetsService, RenditionsService],
})
export class AssetsModule {}
