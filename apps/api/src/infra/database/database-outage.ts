/**
 * Whether an error means "PostgreSQL cannot be reached or is not serving right now" (as opposed to a bug
 * or a refused statement): connection refused or reset, the server shutting down or starting, too many
 * connections, a connect/pool/statement timeout. TypeORM wraps driver errors (QueryFailedError.driverError),
 * so the causes are walked too.
 */
export function isDatabaseOutage(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || OUTAGE_SQLSTATES.has(code) || code.startsWith('08'))) return true;
    if (typeof message === 'string' && OUTAGE_MESSAGES.some((m) => m.test(message))) return true;
    const name = (current as { name?: unknown }).name;
    if ((typeof name === 'string' && RELEASED_RUNNER_ERRORS.has(name)) || RELEASED_RUNNER_ERRORS.has(current?.constructor?.name ?? '')) return true;
    current = (current as { driverError?: unknown; cause?: unknown }).driverError ?? (current as { cause?: unknown }).cause;
  }
  return false;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

// SQLSTATEs (class 08, connection exception, is matched by prefix above).
const OUTAGE_SQLSTATES = new Set([
  '57P01', // admin_shutdown: the server is stopping
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up or shutting down
  '53300', // too_many_connections
  '57014', // query_canceled: statement_timeout (the server is too slow to serve)
  '25006', // read_only_sql_transaction: a standby or a read-only failover target
]);

// How a transaction learns its connection died between two statements: the query runner's connection-error
// listener releases it, and the next statement throws one of these (QueryRunnerProviderAlreadyReleasedError
// when it goes through the transaction's EntityManager.query, as the audit trail's appends do). Transactions
// here never outlive their callback, so it means a lost connection, not a leaked runner.
const RELEASED_RUNNER_ERRORS = new Set(['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError']);

// node-postgres and pg-pool raise these as plain Errors without a code.
const OUTAGE_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect/,
  /^Query read timeout/,
  /is not queryable/,
  /^Client was closed and is not queryable/,
  /^the database system is (shutting down|starting up|in recovery mode)/,
];
