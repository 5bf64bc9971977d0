/** Whether PostgreSQL answered with this SQLSTATE (TypeORM wraps the driver's error in `driverError`). */
export function hasSqlState(error: unknown, sqlState: string): boolean {
  const { code, driverError } = (error ?? {}) as { code?: unknown; driverError?: { code?: unknown } };
  return code === sqlState || driverError?.code === sqlState;
}

export const UNIQUE_VIOLATION = '23505';
export const DEADLOCK_DETECTED = '40P01';
