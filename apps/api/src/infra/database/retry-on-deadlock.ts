import type { DataSource, EntityManager } from 'typeorm';
import { DEADLOCK_DETECTED, hasSqlState } from './sql-state.js';

/**
 * Runs a transaction again when PostgreSQL chose it as a deadlock victim (40P01): withdrawing a
 * claim locks every item that makes it, while a submission holds its item and share-locks its
 * source, so two such transactions may each wait for the other. The victim rolled back whole, so
 * running it again is safe; after three tries the error surfaces.
 */
export async function transactionRetryingDeadlocks<T>(dataSource: DataSource, work: (tx: EntityManager) => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await dataSource.transaction(work);
    } catch (error) {
      if (attempt >= attempts || !hasSqlState(error, DEADLOCK_DETECTED)) throw error;
    }
  }
}
