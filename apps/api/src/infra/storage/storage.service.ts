import { Inject, Injectable } from '@nestjs/common';
import { Client } from 'minio';
import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { APP_CONFIG } from '../../config/config.js';
import type { ResolvedConfig } from '../resolved-config.js';

/** The one door to S3-compatible storage (embedded s3rver, MinIO or AWS S3: same protocol, other endpoint). */
@Injectable()
export class StorageService {
  private readonly client: Client;
  readonly bucket: string;

  /** Signs what browsers are handed (presigned POST): the host is part of what they must reach. */
  private readonly publicClient: Client;

  constructor(@Inject(APP_CONFIG) config: ResolvedConfig) {
    this.bucket = config.s3.bucket;
    this.client = clientFor(config.s3.endpoint, config);
    this.publicClient = config.s3.publicEndpoint ? clientFor(config.s3.publicEndpoint, config) : this.client;
  }

  async ensureBucket(): Promise<void> {
    if (!(await this.client.bucketExists(this.bucket))) await this.client.makeBucket(this.bucket);
  }

  /** Streams an object in; `size` must be given so nothing is buffered in memory. */
  async put(key: string, body: Readable | Buffer, size: number, contentType: string): Promise<void> {
    if (Buffer.isBuffer(body)) {
      await this.client.putObject(this.bucket, key, body, size, { 'Content-Type': contentType });
      return;
    }
    // For a stream the client would hold a whole 64 MiB part (or the whole object below that) in memory, and it
    // lists multipart uploads first, which s3rver does not implement. One streamed PUT of known length does
    // neither; S3 and MinIO take up to 5 GB that way. The presigned URL stays in this function, never in a log.
    const url = await this.client.presignedPutObject(this.bucket, key, 15 * 60);
    await streamPut(new URL(url), body, size, contentType);
  }

  get(key: string): Promise<Readable> {
    return this.client.getObject(this.bucket, key);
  }

  async remove(key: string): Promise<void> {
    await this.client.removeObject(this.bucket, key);
  }

  stat(key: string): Promise<{ size: number; lastModified: Date }> {
    return this.client.statObject(this.bucket, key);
  }

  /** Keys under `prefix` last modified before `before` (streamed listing: the bucket may be large). */
  async *keysOlderThan(prefix: string, before: Date): AsyncGenerator<string> {
    for await (const item of this.client.listObjectsV2(this.bucket, prefix, true) as AsyncIterable<{ name?: string; lastModified?: Date }>) {
      if (item.name && item.lastModified && item.lastModified < before) yield item.name;
    }
  }

  /** A browser-usable POST policy for exactly this key, bounded in size; the caller re-checks the object afterwards. */
  async presignedPost(key: string, opts: { minBytes?: number; maxBytes: number; expires: Date; contentTypePrefix?: string }): Promise<{ url: string; fields: Record<string, string> }> {
    const policy = this.publicClient.newPostPolicy();
    policy.setBucket(this.bucket);
    policy.setKey(key);
    policy.setContentLengthRange(opts.minBytes ?? 1, opts.maxBytes);
    policy.setExpires(opts.expires);
    if (opts.contentTypePrefix) policy.setContentTypeStartsWith(opts.contentTypePrefix);
    const { postURL, formData } = await this.publicClient.presignedPostPolicy(policy);
    return { url: postURL, fields: formData as Record<string, string> };
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.client.statObject(this.bucket, key);
      return true;
    } catch {
      return false;
    }
  }
}

function clientFor(endpoint: string, config: ResolvedConfig): Client {
  const url = new URL(endpoint);
  return new Client({
    endPoint: url.hostname,
    port: url.port ? Number(url.port) : undefined,
    useSSL: url.protocol === 'https:',
    accessKey: config.s3.accessKey,
    secretKey: config.s3.secretKey,
    // Given, so signing never asks the store for the bucket's region (the public host may not be reachable from here).
    region: config.s3.region,
    pathStyle: true,
  });
}

async function streamPut(url: URL, body: Readable, size: number, contentType: string): Promise<void> {
  const transport = url.protocol === 'https:' ? https : http;
  const request = transport.request(url, { method: 'PUT', headers: { 'content-length': size, 'content-type': contentType } });
  const response = new Promise<http.IncomingMessage>((resolve, reject) => {
    request.once('response', resolve);
    request.once('error', reject);
  });
  await Promise.all([pipeline(body, request), response]);
  const res = await response;
  const text = (await res.toArray()).map(String).join('');
  if (res.statusCode !== 200) throw new Error(`storage refused the object: HTTP ${res.statusCode} ${/<Code>([^<]+)<\/Code>/.exec(text)?.[1] ?? ''}`.trim());
}
