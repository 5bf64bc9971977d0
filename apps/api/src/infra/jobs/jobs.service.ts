import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { APP_CONFIG } from '../../config/config.js';
import type { ResolvedConfig } from '../resolved-config.js';

/**
 * Background jobs on the same PostgreSQL (pg-boss): no extra service to run, and a job is only
 * taken by one replica at a time. Handlers must be idempotent: a job may run twice after a crash.
 */
@Injectable()
export class JobsService implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(JobsService.name);
  private boss: PgBoss | undefined;
  private stopping = false;

  constructor(@Inject(APP_CONFIG) private readonly config: ResolvedConfig) {}

  /** Runs `handler` on a cron schedule (UTC). Does nothing when jobs are disabled (JOBS_ENABLED=false). */
  async every(name: string, cron: string, handler: () => Promise<unknown>): Promise<void> {
    const boss = await this.started();
    if (!boss) return;
    await boss.createQueue(name);
    await boss.schedule(name, cron);
    await boss.work(name, async () => {
      await handler();
    });
  }

  /**
   * Asks for one run of `name` in a few seconds, outside any transaction (so a failure here can never
   * abort the caller's); the scheduled runs catch anything a lost request would miss.
   */
  async runSoon(name: string, delaySeconds = 2): Promise<void> {
    try {
      const boss = await this.started();
      await boss?.send(name, {}, { startAfter: delaySeconds });
    } catch (error) {
      this.logger.warn(`Could not queue an immediate ${name} run; the schedule will pick it up (${(error as Error).message})`);
    }
  }

  beforeApplicationShutdown(): void {
    this.stopping = true;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.boss?.stop({ graceful: true, wait: true, timeout: 10_000 });
  }

  private async started(): Promise<PgBoss | undefined> {
    if (!this.config.jobsEnabled) return undefined;
    if (!this.boss) {
      const boss = new PgBoss({ connectionString: this.config.database.url, application_name: 'vetted-jobs', max: 3 });
      // Ctrl-C reaches the embedded PostgreSQL too (same process group), so connections drop while stopping: expected then.
      boss.on('error', (error) => (this.stopping ? this.logger.debug(`pg-boss while stopping: ${error.message}`) : this.logger.error(error)));
      await boss.start();
      this.boss = boss;
    }
    return this.boss;
  }
}
