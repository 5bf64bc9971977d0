// Detection owns what each version's file says: the text read from it (version_text, with the job's
// state), the library's claims found in it (text_check_link) and unsupported statements. Content
// queues versions; review asks it before keeping a fast track; it asks claims for approved claims.
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClaimsModule } from '../claims/claims.module.js';
import { DetectionController } from './detection.controller.js';
import { DetectionJobs } from './detection.jobs.js';
import { DetectionService } from './detection.service.js';
import { TextCheckLinkEntity } from './text-check-link.entity.js';
import { UnsupportedStatementEntity } from './unsupported-statement.entity.js';
import { VersionTextEntity } from './version-text.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([VersionTextEntity, TextCheckLinkEntity, UnsupportedStatementEntity]), ClaimsModule],
  controllers: [DetectionController],
  providers: [DetectionService, DetectionJobs],
  exports: [DetectionService],
})
export class DetectionModule {}
