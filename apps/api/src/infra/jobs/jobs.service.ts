import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG } from '../../config/config.js';
import { isDatabaseOutage } from '../database/database-outage.js';
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
  private registrations: Promise<void> = Promise.resolve();

  constructor(@Inject(APP_CONFIG) private readonly config: ResolvedConfig) {}

  /** Runs `handler` on a cron schedule (UTC). Does nothing when jobs are disabled (JOBS_ENABLED=false). */
  every(name: string, cron: string, handler: () => Promise<unknown>): Promise<void> {
    // One registration at a time: Nest bootstraps a module's providers side by side, and pg-boss's
    // createQueue run concurrently can deadlock on its own tables.
    const registered = this.registrations.then(async () => {
      const boss = await this.started();
      if (!boss) return;
      await boss.createQueue(name);
      await boss.schedule(name, cron);
      await boss.work(name, async () => {
        await handler();
      });
    });
    this.registrations = registered.catch(() => undefined);
    return registered;
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

  /**
   * Asks for one run of `name` at `when` (outside any transaction). Several callers asking for the same
   * second get one job, so chains of self-scheduling runs do not multiply.
   */
  async runAt(name: string, when: Date): Promise<void> {
    try {
      const boss = await this.started();
      const second = Math.ceil(when.getTime() / 1000);
      await boss?.send(name, {}, { startAfter: new Date(second * 1000), singletonKey: `at-${second}`, singletonSeconds: 3600 });
    } catch (error) {
      this.logger.warn(`Could not queue a ${name} run; the schedule will pick it up (${(error as Error).message})`);
    }
  }

  /**
   * Asks for one run of `name` inside the caller's transaction: the job exists only if the transaction
   * commits, so the run never starts before the rows it will read are visible. Behind a savepoint, so a
   * failure here never aborts the caller's change (the scheduled runs catch up instead).
   */
  async runAfterCommit(tx: EntityManager, name: string): Promise<void> {
    const boss = this.config.jobsEnabled ? await this.started().catch(() => undefined) : undefined;
    const runner = tx.queryRunner;
    if (!boss || !runner) return;
    await runner.query('savepoint run_after_commit');
    try {
      await boss.send(name, {}, { db: { executeSql: async (text: string, values: unknown[]) => ({ rows: (await runner.query(text, values, true)).records }) } });
      await runner.query('release savepoint run_after_commit');
    } catch (error) {
      await runner.query('rollback to savepoint run_after_commit');
      this.logger.warn(`Could not queue a ${name} run with this change; the schedule will pick it up (${(error as Error).message})`);
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
      // During a database outage pg-boss's polling fails until PostgreSQL is back: a warning, not a bug.
      boss.on('error', (error) =>
        this.stopping ? this.logger.debug(`pg-boss while stopping: ${error.message}`) : isDatabaseOutage(error) ? this.logger.warn(`pg-boss: database unavailable (${error.message})`) : this.logger.error(error),
      );
      await boss.start();
      this.boss = boss;
    }
    return this.boss;
  }
}
