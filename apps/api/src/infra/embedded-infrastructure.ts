import path from 'node:path';
import type { AppConfig } from '../config/config.js';
import type { ResolvedConfig } from './resolved-config.js';

export interface RunningInfrastructure {
  config: ResolvedConfig;
  stop(): Promise<void>;
}

export const EMBEDDED_DATABASE = 'vetted';

/** Starts the embedded PostgreSQL with its `vetted` database; `url` points at that database. */
export async function startEmbeddedDatabase(config: AppConfig, log?: (line: string) => void): Promise<{ url: string; stop(): Promise<void> }> {
  const devInfra = await import('@vetted/dev-infra');
  const server = await devInfra.startEmbeddedPostgres({ dataDir: path.join(config.dataDir, 'postgres'), port: config.embedded.pgPort, log });
  await devInfra.ensureDatabase(server.url, EMBEDDED_DATABASE);
  return { url: devInfra.embeddedPostgresUrl(config.embedded.pgPort, EMBEDDED_DATABASE), stop: server.stop };
}

/** Starts the embedded PostgreSQL and/or S3 server for whatever the environment did not point elsewhere. */
export async function resolveInfrastructure(config: AppConfig, log: (line: string) => void): Promise<RunningInfrastructure> {
  const stops: Array<() => Promise<void>> = [];
  let databaseUrl = config.database.url;
  let s3 = config.s3;
  if (config.embedded.postgres || config.embedded.s3) {
    // Loaded only when needed: production images point at real services and never start these.
    const devInfra = await import('@vetted/dev-infra');
    if (!databaseUrl) {
      const pg = await startEmbeddedDatabase(config, log);
      stops.push(pg.stop);
      databaseUrl = pg.url;
      log(`embedded PostgreSQL listening on 127.0.0.1:${config.embedded.pgPort} (data in ${path.join(config.dataDir, 'postgres')})`);
    }
    if (!s3.endpoint) {
      const server = await devInfra.startEmbeddedS3({ dataDir: path.join(config.dataDir, 's3'), port: config.embedded.s3Port, buckets: [config.s3.bucket] });
      stops.unshift(server.stop);
      s3 = { ...s3, endpoint: server.endpoint, accessKey: server.accessKey, secretKey: server.secretKey };
      log(`embedded S3 server listening on ${server.endpoint} (data in ${path.join(config.dataDir, 's3')})`);
    }
  }
  const resolved = { ...config, database: { ...config.database, url: databaseUrl }, s3 } as ResolvedConfig;
  return {
    config: resolved,
    stop: async () => {
      for (const stop of stops) await stop().catch(() => undefined);
    },
  };
}
