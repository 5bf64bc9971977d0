import { Inject, Injectable } from '@nestjs/common';
import type { Health } from '@vetted/contracts';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { withTimeout } from '../common/with-timeout.js';
import { APP_CONFIG } from '../config/config.js';
import type { ResolvedConfig } from '../infra/resolved-config.js';
import { StorageService } from '../infra/storage/storage.service.js';

/**
 * Health says what a user would meet. The database probe opens a new connection (pooled ones can outlive
 * a server that refuses new sessions, as when it is shutting down) and reads a real table on a writable
 * server; the storage probe writes, reads back and deletes a small object. Each has a short timeout.
 */
@Injectable()
export class HealthService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
    private readonly storage: StorageService,
  ) {}

  async check(): Promise<Health> {
    const [db, storage] = await Promise.all([this.databaseUp(), this.storageUp()]);
    return { status: db && storage ? 'ok' : 'degraded', db: db ? 'up' : 'down', storage: storage ? 'up' : 'down' };
  }

  private async databaseUp(): Promise<boolean> {
    const ms = this.config.healthTimeoutMs;
    const client = new pg.Client({ connectionString: this.config.database.url, connectionTimeoutMillis: ms, query_timeout: ms, statement_timeout: ms, application_name: 'vetted-health' });
    // A frozen server makes even end() wait; errors after the verdict are of no interest.
    client.on('error', () => undefined);
    try {
      return await withTimeout(
        (async () => {
          await client.connect();
          const [row] = (await client.query<{ writable: boolean }>('select not pg_is_in_recovery() as writable from migrations limit 1')).rows;
          return row?.writable === true;
        })(),
        ms,
      );
    } catch {
      return false;
    } finally {
      void withTimeout(client.end(), ms).catch(() => undefined);
    }
  }

  private async storageUp(): Promise<boolean> {
    const key = `health/probe-${randomUUID()}`;
    const probe = Buffer.from(`vetted health probe ${new Date().toISOString()}`);
    try {
      return await withTimeout(
        (async () => {
          await this.storage.put(key, probe, probe.length, 'text/plain');
          const back = Buffer.concat(await (await this.storage.get(key)).toArray());
          await this.storage.remove(key);
          return back.equals(probe);
        })(),
        this.config.healthTimeoutMs,
      );
    } catch {
      void this.storage.remove(key).catch(() => undefined);
      return false;
    }
  }
}
