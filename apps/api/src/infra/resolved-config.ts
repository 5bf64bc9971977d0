import type { AppConfig } from '../config/config.js';

/** The configuration once the embedded PostgreSQL / S3 (if any) are up: every endpoint is known. */
export type ResolvedConfig = AppConfig & {
  database: { url: string };
  s3: { endpoint: string; accessKey: string; secretKey: string };
};
