import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { isDatabaseOutage } from './database-outage.js';

describe('isDatabaseOutage', () => {
  it('recognises a transaction whose connection died between two statements (TypeORM released its query runner)', () => {
    expect(isDatabaseOutage(new QueryRunnerAlreadyReleasedError())).toBe(true);
    // The same death seen through the transaction's EntityManager.query (as the audit trail appends): once a 500 in ~5,000 answers during an outage.
    expect(isDatabaseOutage(new QueryRunnerProviderAlreadyReleasedError())).toBe(true);
  });

  it('recognises a server shutting down, a refused connection and a pool timeout, also wrapped by TypeORM', () => {
    const shutdown = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    expect(isDatabaseOutage(new QueryFailedError('select 1', [], shutdown))).toBe(true);
    expect(isDatabaseOutage(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isDatabaseOutage(new Error('timeout exceeded when trying to connect'))).toBe(true);
  });

  it('does not take a refused statement or a bug for an outage', () => {
    const unique = Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' });
    expect(isDatabaseOutage(new QueryFailedError('insert', [], unique))).toBe(false);
    expect(isDatabaseOutage(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isDatabaseOutage(undefined)).toBe(false);
  });
});
