// s3rver ships no types; the reference makes them visible to projects that compile this source.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./s3rver.d.ts" />
import S3rver from '@20minutes/s3rver';
import { promises as fs } from 'node:fs';
import path from 'node:path';

export interface EmbeddedS3Handle {
  endpoint: string;
  accessKey: string;
  secretKey: string;
  stop(): Promise<void>;
}

// s3rver's fixed local credentials; it checks request signatures against them.
const ACCESS_KEY = 'S3RVER';
const SECRET_KEY = 'S3RVER';

/** Starts an S3-compatible server (s3rver) on 127.0.0.1 with its objects kept under `dataDir`. */
export async function startEmbeddedS3(opts: { dataDir: string; port: number; buckets: string[] }): Promise<EmbeddedS3Handle> {
  const directory = path.resolve(opts.dataDir);
  await fs.mkdir(directory, { recursive: true });
  const server = new S3rver({
    address: '127.0.0.1',
    port: opts.port,
    directory,
    silent: true,
    configureBuckets: opts.buckets.map((name) => ({ name })),
  });
  const address = await server.run();
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    accessKey: ACCESS_KEY,
    secretKey: SECRET_KEY,
    stop: () => server.close(),
  };
}
