import type { EntityManager } from 'typeorm';

/**
 * The database clock, to the millisecond (what JavaScript dates and the audit hash keep). Signatures
 * and decisions are timed by one clock, whichever API replica handles the request.
 */
export async function databaseNow(tx: EntityManager): Promise<Date> {
  const [{ now }] = (await tx.query(`select date_trunc('milliseconds', clock_timestamp()) as now`)) as Array<{ now: Date }>;
  return now;
}
