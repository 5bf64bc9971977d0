// The auditor's package: one item's evidence as a ZIP (files, signatures, audit events, a manifest of
// SHA-256s), read through the content, review, identity and audit services (the last two are global); it owns no table.
import { Module } from '@nestjs/common';
import { ContentModule } from '../content/content.module.js';
import { ReviewModule } from '../review/review.module.js';
import { AuditPackageController } from './audit-package.controller.js';
import { AuditPackageService } from './audit-package.service.js';

@Module({
  imports: [ContentModule, ReviewModule],
  controllers: [AuditPackageController],
  providers: [AuditPackageService],
})
export class AuditPackageModule {}
