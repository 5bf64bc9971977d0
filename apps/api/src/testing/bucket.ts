import { Client } from 'minio';
import type { TestApp } from './test-app.js';

/** Direct access to a test app's bucket, to look at (or tamper with) what the API stored. */
export function bucketClient(t: TestApp): Client {
  const url = new URL(t.config.s3.endpoint);
  return new Client({ endPoint: url.hostname, port: Number(url.port), useSSL: false, accessKey: t.config.s3.accessKey, secretKey: t.config.s3.secretKey, pathStyle: true });
}

export async function objectsUnder(t: TestApp, prefix: string): Promise<string[]> {
  const names: string[] = [];
  for await (const o of bucketClient(t).listObjectsV2(t.config.s3.bucket, prefix, true) as AsyncIterable<{ name?: string }>) if (o.name) names.push(o.name);
  return names;
}

export async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
