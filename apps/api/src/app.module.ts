import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AnalyticsModule } from './analytics/analytics.module.js';
import { AssetsModule } from './assets/assets.module.js';
import { AuditModule } from './audit/audit.module.js';
import { FilingsModule } from './filings/filings.module.js';
import { AuditPackageModule } from './audit-package/audit-package.module.js';
import { CalendarModule } from './calendar/calendar.module.js';
import { ClaimsModule } from './claims/claims.module.js';
import { DetectionModule } from './detection/detection.module.js';
import { HttpErrorFilter } from './common/http-error.filter.js';
import { ConfigModule } from './config/config.module.js';
import { ContentModule } from './content/content.module.js';
import { HealthModule } from './health/health.module.js';
import { IdentityModule } from './identity/identity.module.js';
import { dataSourceOptions } from './infra/database/data-source.js';
import { JobsModule } from './infra/jobs/jobs.module.js';
import { IntegrationsModule } from './integrations/integrations.module.js';
import type { ResolvedConfig } from './infra/resolved-config.js';
import { StorageModule } from './infra/storage/storage.module.js';
import { LibraryModule } from './library/library.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { ReviewModule } from './review/review.module.js';

@Module({})
export class AppModule {
  static forRoot(config: ResolvedConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot({ ...dataSourceOptions(config.database.url, config.database.poolSize, config.database.timeouts), autoLoadEntities: true }),
        StorageModule,
        JobsModule,
        AuditModule,
        IdentityModule,
        HealthModule,
        AssetsModule,
        ClaimsModule,
        DetectionModule,
        ContentModule,
        IntegrationsModule,
        NotificationsModule,
        ReviewModule,
        LibraryModule,
        CalendarModule,
        AuditPackageModule,
    FilingsModule,
        AnalyticsModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: HttpErrorFilter }],
    };
  }
}
