import { DataSource, type DataSourceOptions } from 'typeorm';
import type { DatabaseTimeouts } from '../../config/config.js';
import { MIGRATIONS } from './migrations/index.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

/** How long the client waits past the server's own statement timeout before it gives up on a server that does not answer. */
const CLIENT_GRACE_MS = 1000;

/**
 * Pool options for node-postgres: `connectionTimeoutMillis` bounds connecting and waiting for a free
 * connection; `statement_timeout` and `idle_in_transaction_session_timeout` are sent to the server at
 * connect; `query_timeout` is the client's own bound, for a server that is frozen and cancels nothing.
 * Without timeouts (migrations: they may wait on a lock or build an index) nothing is bounded.
 */
export function dataSourceOptions(url: string, poolSize = 10, timeouts?: DatabaseTimeouts): DataSourceOptions {
  const bounded = timeouts
    ? {
        connectionTimeoutMillis: timeouts.connectMs,
        statement_timeout: timeouts.statementMs,
        idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
        query_timeout: timeouts.statementMs + CLIENT_GRACE_MS,
        keepAlive: true,
      }
    : {};
  return {
    type: 'postgres',
    url,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'all',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    extra: { max: poolSize, application_name: 'vetted', ...bounded },
  };
}

// Any constant works; it only has to be the same for every replica.
const MIGRATION_LOCK_KEY = 727_001;

/** Runs pending migrations once, even when several API replicas start together. */
export async function runMigrations(url: string): Promise<string[]> {
  const ds = new DataSource({ ...dataSourceOptions(url, 1) });
  await ds.initialize();
  try {
    await ds.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await ds.runMigrations({ transaction: 'all' });
    return applied.map((m) => m.name);
  } finally {
    await ds.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await ds.destroy();
  }
}
