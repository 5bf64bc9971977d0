import { startEmbeddedS3 } from '@vetted/dev-infra';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createTestApp, type TestApp } from '../testing/test-app.js';

describe('GET /api/health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('answers 200 with database and storage up, without credentials', async () => {
    const res = await t.http().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', db: 'up', storage: 'up' });
  });

  it('answers 503 naming storage when the S3 server goes away', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'vetted-s3-'));
    const s3 = await startEmbeddedS3({ dataDir: dir, port: 0, buckets: [] });
    const app = await createTestApp({ S3_ENDPOINT: s3.endpoint, S3_ACCESS_KEY: s3.accessKey, S3_SECRET_KEY: s3.secretKey });
    try {
      await s3.stop();
      const res = await app.http().get('/api/health');
      expect(res.status).toBe(503);
      expect(res.body).toEqual({ status: 'degraded', db: 'up', storage: 'down' });
    } finally {
      await app.close();
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('answers 503 naming storage when the store still answers but cannot write (a real put, get and delete)', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'vetted-s3-'));
    const s3 = await startEmbeddedS3({ dataDir: dir, port: 0, buckets: [] });
    const app = await createTestApp({ S3_ENDPOINT: s3.endpoint, S3_ACCESS_KEY: s3.accessKey, S3_SECRET_KEY: s3.secretKey });
    try {
      expect((await app.http().get('/api/health')).body).toEqual({ status: 'ok', db: 'up', storage: 'up' });
      // A plain file where the probe's folder would go: the bucket is listed and readable, writes there fail.
      await fs.writeFile(path.join(dir, app.config.s3.bucket, 'health'), 'in the way');
      const res = await app.http().get('/api/health');
      expect(res.status).toBe(503);
      expect(res.body).toEqual({ status: 'degraded', db: 'up', storage: 'down' });
    } finally {
      await app.close();
      await s3.stop();
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('answers 503 naming the database when PostgreSQL stops accepting connections', async () => {
    const app = await createTestApp();
    const name = new URL(app.databaseUrl).pathname.slice(1);
    const admin = new pg.Client({ connectionString: process.env.TEST_ADMIN_DATABASE_URL });
    await admin.connect();
    try {
      await admin.query(`alter database ${name} with allow_connections false`);
      await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [name]);
      const res = await app.http().get('/api/health');
      expect(res.status).toBe(503);
      expect(res.body).toEqual({ status: 'degraded', db: 'down', storage: 'up' });
    } finally {
      await admin.query(`alter database ${name} with allow_connections true`);
      await admin.end();
      await app.close();
    }
  });
});
