import type { Logger } from 'pino';
import { isDatabaseOutage } from './database-outage.js';

/**
 * pg-boss 10 records a job's outcome (`complete`, `fail`) without awaiting it, so while PostgreSQL is down
 * that write rejects with nobody to catch it, and Node ends the process on an unhandled rejection: one
 * background job during an outage took the whole API down. A database outage is never a reason to exit
 * (the pool reconnects and the job runs again: handlers are idempotent); anything else still ends the
 * process as Node would, since it is a bug.
 */
export function surviveDatabaseOutageRejections(logger: Pick<Logger, 'warn'>): void {
  process.on('unhandledRejection', (reason) => onUnhandledRejection(reason, logger));
}

/** Logs an outage and carries on; rethrows anything else, which Node then treats as an uncaught exception. */
export function onUnhandledRejection(reason: unknown, logger: Pick<Logger, 'warn'>): void {
  if (!isDatabaseOutage(reason)) throw reason;
  logger.warn({ context: 'process' }, `database unavailable in a background task: ${(reason as Error)?.message ?? String(reason)}`);
}
