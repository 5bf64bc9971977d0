import { startEmbeddedPostgres, startEmbeddedS3 } from '@vetted/dev-infra';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';

/**
 * One real PostgreSQL and one S3 server for the whole run (unless DATABASE_URL / S3_ENDPOINT point
 * elsewhere). Each test file then makes its own database and bucket, so files never collide.
 */
export default async function globalSetup(): Promise<void> {
  const stops: Array<() => Promise<void>> = [];
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'vetted-test-'));
  if (!process.env.DATABASE_URL) {
    const pg = await startEmbeddedPostgres({ dataDir: path.join(root, 'postgres'), port: await freePort() });
    stops.push(pg.stop);
    process.env.TEST_ADMIN_DATABASE_URL = pg.url;
  } else {
    process.env.TEST_ADMIN_DATABASE_URL = process.env.DATABASE_URL;
  }
  if (!process.env.S3_ENDPOINT) {
    const s3 = await startEmbeddedS3({ dataDir: path.join(root, 's3'), port: 0, buckets: [] });
    stops.unshift(s3.stop);
    process.env.TEST_S3_ENDPOINT = s3.endpoint;
    process.env.TEST_S3_ACCESS_KEY = s3.accessKey;
    process.env.TEST_S3_SECRET_KEY = s3.secretKey;
  } else {
    process.env.TEST_S3_ENDPOINT = process.env.S3_ENDPOINT;
    process.env.TEST_S3_ACCESS_KEY = process.env.S3_ACCESS_KEY;
    process.env.TEST_S3_SECRET_KEY = process.env.S3_SECRET_KEY;
  }
  (globalThis as Record<string, unknown>).__vettedTestInfra = {
    stop: async () => {
      for (const stop of stops) await stop().catch(() => undefined);
      await fs.rm(root, { recursive: true, force: true });
    },
  };
}

/** A TCP port free on the loopback interface right now (for servers a test starts itself). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
