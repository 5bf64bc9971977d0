import { Inject, Injectable } from '@nestjs/common';
import { Client } from 'minio';
import type { Readable } from 'node:stream';
import { withTimeout } from '../../common/with-timeout.js';
import { APP_CONFIG } from '../../config/config.js';
import type { ResolvedConfig } from '../resolved-config.js';

/** The one door to S3-compatible storage (embedded s3rver, MinIO or AWS S3: same protocol, other endpoint). */
@Injectable()
export class StorageService {
  private readonly client: Client;
  readonly bucket: string;

  constructor(@Inject(APP_CONFIG) config: ResolvedConfig) {
    const url = new URL(config.s3.endpoint);
    this.bucket = config.s3.bucket;
    this.client = new Client({
      endPoint: url.hostname,
      port: url.port ? Number(url.port) : undefined,
      useSSL: url.protocol === 'https:',
      accessKey: config.s3.accessKey,
      secretKey: config.s3.secretKey,
      region: config.s3.region,
      pathStyle: true,
    });
  }

  async ensureBucket(): Promise<void> {
    if (!(await this.client.bucketExists(this.bucket))) await this.client.makeBucket(this.bucket);
  }

  async isUp(): Promise<boolean> {
    try {
      return await withTimeout(this.client.bucketExists(this.bucket), 3000);
    } catch {
      return false;
    }
  }

  /** Streams an object in; `size` must be given so the client does not buffer large files in memory. */
  async put(key: string, body: Readable | Buffer, size: number, contentType: string): Promise<void> {
    await this.client.putObject(this.bucket, key, body, size, { 'Content-Type': contentType });
  }

  get(key: string): Promise<Readable> {
    return this.client.getObject(this.bucket, key);
  }

  async remove(key: string): Promise<void> {
    await this.client.removeObject(this.bucket, key);
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
