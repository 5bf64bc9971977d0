import os from 'node:os';
import type { ContentFormat } from '@vetted/contracts';
import { z } from 'zod';

export const DEFAULT_DEMO_PASSWORD = 'vetted-demo-2026';

const bool = z
  .enum(['true', 'false', '1', '0'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1');
const port = z.coerce.number({ message: 'must be a port number' }).int().min(0).max(65535);
const positiveInt = z.coerce.number({ message: 'must be a whole number' }).int().positive();
/** One or more http(s) addresses, comma-separated; kept as origins (`https://vetted.example.com`). */
const publicOrigins = z.string().transform((value, ctx) => {
  const origins: string[] = [];
  for (const part of value.split(',').map((p) => p.trim()).filter(Boolean)) {
    let url: URL | undefined;
    try {
      url = new URL(part);
    } catch {
      /* reported below */
    }
    if (!url || !['http:', 'https:'].includes(url.protocol) || !url.host) {
      ctx.addIssue({ code: 'custom', message: `"${part}" is not an http(s) address, e.g. https://vetted.example.com` });
      return z.NEVER;
    }
    origins.push(url.origin);
  }
  return origins;
});

/** A 256-bit key, as 64 hex digits or base64 (`openssl rand -base64 32`). */
const secretKey = z.string().transform((value, ctx) => {
  const bytes = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, 'hex') : /^[A-Za-z0-9+/_-]{43}=?$/.test(value) ? Buffer.from(value, 'base64') : undefined;
  if (bytes?.length !== 32) {
    ctx.addIssue({ code: 'custom', message: 'must be 32 random bytes, as 64 hex digits or base64 (openssl rand -base64 32)' });
    return z.NEVER;
  }
  return bytes;
});

/** Every setting Vetted reads from the environment; nothing else reads process.env. */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: port.default(3000),
  PUBLIC_URL: publicOrigins.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATA_DIR: z.string().default('./.data'),
  EMBEDDED_PG_PORT: port.default(54320),
  EMBEDDED_S3_PORT: port.default(54321),
  DATABASE_URL: z
    .string()
    .refine((v) => /^postgres(ql)?:\/\/.+/.test(v), 'must be a postgres:// URL, e.g. postgres://user:password@host:5432/vetted')
    .optional(),
  DATABASE_POOL_SIZE: positiveInt.default(10),
  DATABASE_CONNECT_TIMEOUT_MS: positiveInt.default(5000),
  DATABASE_STATEMENT_TIMEOUT_MS: positiveInt.default(30_000),
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: positiveInt.default(60_000),
  HEALTH_TIMEOUT_MS: positiveInt.default(2000),
  S3_ENDPOINT: z.url({ message: 'must be a URL, e.g. https://s3.eu-west-3.amazonaws.com or http://minio:9000' }).optional(),
  S3_PUBLIC_ENDPOINT: z.url({ message: 'must be a URL browsers can reach, e.g. https://files.example.com' }).optional(),
  S3_ACCESS_KEY: z.string().min(1).optional(),
  S3_SECRET_KEY: z.string().min(1).optional(),
  S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a valid S3 bucket name').default('vetted'),
  S3_REGION: z.string().default('us-east-1'),
  SEED_DEMO: bool.optional(),
  DEMO_PASSWORD: z.string().min(8, 'must be at least 8 characters').default(DEFAULT_DEMO_PASSWORD),
  SESSION_IDLE_MINUTES: positiveInt.default(30),
  SESSION_ABSOLUTE_HOURS: positiveInt.default(12),
  LOGIN_MAX_FAILURES: positiveInt.default(10),
  LOGIN_WINDOW_MINUTES: positiveInt.default(15),
  REVIEW_DAYS_STANDARD: positiveInt.default(5),
  REVIEW_DAYS_FAST_TRACK: positiveInt.default(1),
  APPROVAL_VALIDITY_DAYS: positiveInt.default(730),
  PERIODIC_REVIEW_DAYS: positiveInt.default(60),
  CLAIM_VALIDITY_DAYS: positiveInt.default(730),
  // The applicant printed on Form FDA 2253 packages (the company holding the US application).
  FDA_APPLICANT_NAME: z.string().trim().min(1).max(200).optional(),
  // Markets whose policy requires a signed final release after MLR approval (comma-separated ISO codes, or `none`).
  RELEASE_MARKETS: z
    .string()
    .default('FR')
    .transform((v) => (v.trim().toLowerCase() === 'none' ? [] : v.split(',').map((m) => m.trim()).filter(Boolean)))
    .pipe(z.array(z.string().regex(/^[A-Z]{2}$/, 'must list ISO 3166 alpha-2 codes in capitals, e.g. FR or FR,BE'))),
  SEGMENT_WEEKLY_LIMIT: positiveInt.default(3),
  // Pieces one segment may get through one channel a week when admins set no cap on the pair (unset: only capped pairs are).
  SEGMENT_CHANNEL_WEEKLY_LIMIT: z.coerce.number({ message: 'must be a whole number' }).int().min(0).max(1000).optional(),
  WEB_DIST_DIR: z.string().optional(),
  TRUST_PROXY: bool.default(false),
  UPLOAD_MAX_MB: positiveInt.default(2048),
  UPLOAD_MAX_MB_VIDEO: positiveInt.default(2048),
  UPLOAD_MAX_MB_PODCAST: positiveInt.default(500),
  UPLOAD_MAX_MB_INFOGRAPHIC: positiveInt.default(100),
  EPISODE_MAX_SECONDS: positiveInt.default(90),
  PODCAST_MAX_SECONDS: positiveInt.default(3600),
  IMAGE_MAX_MEGAPIXELS: positiveInt.default(100),
  // A claim twice this old is taken as a dead worker's and rendered again.
  RENDITION_TIMEOUT_SECONDS: positiveInt.max(3600).default(300),
  PDF_MAX_PAGES: positiveInt.max(1000).default(50),
  // Versions one process renders at a time: sharp and ffmpeg each keep about one core busy, so one per core by default.
  RENDITION_CONCURRENCY: positiveInt.max(64).default(os.availableParallelism()),
  FFMPEG_PATH: z.string().min(1).optional(),
  JOBS_ENABLED: bool.default(true),
  // Claim detection: OCR runs at a time per process, how long a fast-track submission waits for its file to be read, and how close a sentence must be to a claim to be suggested.
  TEXT_CHECK_OCR_CONCURRENCY: positiveInt.max(16).default(1),
  TEXT_CHECK_WAIT_SECONDS: z.coerce.number({ message: 'must be a number of seconds' }).int().min(0).max(300).default(30),
  TEXT_CHECK_SUGGEST_THRESHOLD: z.coerce.number({ message: 'must be a number between 0 and 1' }).gt(0).max(1).default(0.5),
  // Video frames: at most this many are read (one every 2 s), and one video's reading (frames and their OCR) stops after this long.
  TEXT_CHECK_VIDEO_MAX_FRAMES: positiveInt.max(2000).default(120),
  TEXT_CHECK_VIDEO_TIMEOUT_SECONDS: positiveInt.max(3600).default(300),
  UPLOAD_TEMP_DIR: z.string().optional(),
  WEBHOOK_ALLOW_PRIVATE: bool.default(false),
  WEBHOOK_RETRY_BASE_SECONDS: positiveInt.default(10),
  WEBHOOK_RETRY_MAX_SECONDS: positiveInt.default(3600),
  WEBHOOK_MAX_ATTEMPTS: positiveInt.default(12),
  WEBHOOK_TIMEOUT_MS: positiveInt.default(10_000),
  WEBHOOK_SECRET_KEY: secretKey.optional(),
  SMTP_URL: z
    .string()
    .refine((v) => /^smtps?:\/\/[^/]+/.test(v), 'must be an smtp:// or smtps:// URL, e.g. smtps://user:password@smtp.example.com:465')
    .optional(),
  SMTP_FROM: z.string().min(3).default('Vetted <vetted@localhost>'),
  NOTIFICATION_EMAIL_RETRY_BASE_SECONDS: positiveInt.default(30),
  NOTIFICATION_EMAIL_MAX_ATTEMPTS: positiveInt.default(8),
  NOTIFICATION_DIGEST_HOUR: z.coerce.number({ message: 'must be an hour, 0 to 23' }).int().min(0).max(23).default(7),
});

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  /**
   * Origins the browser app is served from (PUBLIC_URL): the only ones whose cookie-authenticated
   * requests may change state. Undefined: the listen address (see allowedBrowserOrigins).
   */
  publicOrigins: string[] | undefined;
  logLevel: string;
  dataDir: string;
  embedded: { postgres: boolean; s3: boolean; pgPort: number; s3Port: number };
  database: { url: string | undefined; poolSize: number; timeouts: DatabaseTimeouts };
  /** How long each health probe (database, storage) may take before it counts as down. */
  healthTimeoutMs: number;
  /** publicEndpoint: where browsers reach the same store (presigned URLs); the API itself uses endpoint. */
  s3: { endpoint: string | undefined; publicEndpoint: string | undefined; accessKey: string | undefined; secretKey: string | undefined; bucket: string; region: string };
  seedDemo: boolean;
  demoPassword: string;
  session: { idleMinutes: number; absoluteHours: number };
  throttle: { maxFailures: number; windowMinutes: number };
  fdaApplicantName?: string;
  review: { standardBusinessDays: number; fastTrackBusinessDays: number; approvalValidityDays: number; periodicReviewDays: number; claimValidityDays: number; releaseMarkets: string[] };
  /** Pieces a segment may receive in one week before the calendar warns of saturation. */
  segmentWeeklyLimit: number;
  /** Weekly cap of a (segment, channel) pair without its own; null: such pairs are not capped. */
  segmentChannelWeeklyLimit: number | null;
  webDistDir: string | undefined;
  trustProxy: boolean;
  uploadMaxBytes: number;
  /** Per format; each at most uploadMaxBytes. Series episodes follow the video rules. */
  assets: { maxBytes: Record<ContentFormat, number>; episodeMaxSeconds: number; podcastMaxSeconds: number; imageMaxPixels: number };
  /** Background renditions: the longest one version's rendering may take, the PDF page cap, an ffmpeg to use instead of the npm-shipped one, and versions rendered at once. */
  renditions: { timeoutMs: number; pdfMaxPages: number; ffmpegPath: string | undefined; concurrency: number };
  jobsEnabled: boolean;
  /** Claim detection: concurrent OCR runs, the submission's wait for a running text check, the similarity that makes a suggestion, the video frame cap and time limit. */
  textCheck: { ocrConcurrency: number; waitMs: number; suggestThreshold: number; videoMaxFrames: number; videoTimeoutMs: number };
  /** Where uploads are spooled while hashed and checked: needs room for the largest upload. */
  uploadTempDir: string;
  webhooks: WebhookConfig;
  notifications: NotificationConfig;
}

export interface NotificationConfig {
  /** Where e-mail goes out; without it notifications stay in the app. Never logged (it may hold a password). */
  smtpUrl: string | undefined;
  from: string;
  /** Delay before the first retry of a refused send; each further one waits twice as long (at most an hour). */
  retryBaseSeconds: number;
  maxAttempts: number;
  /** Hour (UTC) the daily digests go out. */
  digestHourUtc: number;
}

export interface WebhookConfig {
  /** Lets webhooks reach private, loopback and link-local addresses (tests, on-premise receivers). */
  allowPrivateDestinations: boolean;
  /** Delay before the first retry; each further retry waits twice as long, up to retryMaxSeconds. */
  retryBaseSeconds: number;
  retryMaxSeconds: number;
  /** Attempts (the first send included) before a delivery is marked failed; an admin can still retry it. */
  maxAttempts: number;
  timeoutMs: number;
  /** AES-256-GCM key sealing webhook secrets at rest; without it they are stored as given. */
  secretKey: Buffer | undefined;
}

/** Bounds on waiting for PostgreSQL, so an outage or a frozen server answers 503 quickly instead of hanging. */
export interface DatabaseTimeouts {
  connectMs: number;
  statementMs: number;
  idleInTransactionMs: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

/** Parses the environment; throws ConfigError with one line per bad variable. */
export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.S3_ENDPOINT && (!e.S3_ACCESS_KEY || !e.S3_SECRET_KEY)) {
    problems.push('S3_ACCESS_KEY / S3_SECRET_KEY: required when S3_ENDPOINT is set');
  }
  if (problems.length) throw new ConfigError(problems);
  const embeddedPostgres = !e.DATABASE_URL;
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicOrigins: e.PUBLIC_URL?.length ? e.PUBLIC_URL : undefined,
    logLevel: e.LOG_LEVEL,
    dataDir: e.DATA_DIR,
    embedded: { postgres: embeddedPostgres, s3: !e.S3_ENDPOINT, pgPort: e.EMBEDDED_PG_PORT, s3Port: e.EMBEDDED_S3_PORT },
    database: {
      url: e.DATABASE_URL,
      poolSize: e.DATABASE_POOL_SIZE,
      timeouts: { connectMs: e.DATABASE_CONNECT_TIMEOUT_MS, statementMs: e.DATABASE_STATEMENT_TIMEOUT_MS, idleInTransactionMs: e.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS },
    },
    healthTimeoutMs: e.HEALTH_TIMEOUT_MS,
    s3: { endpoint: e.S3_ENDPOINT, publicEndpoint: e.S3_PUBLIC_ENDPOINT, accessKey: e.S3_ACCESS_KEY, secretKey: e.S3_SECRET_KEY, bucket: e.S3_BUCKET, region: e.S3_REGION },
    // Demo accounts share a known password, so they only appear on the embedded default or when asked for.
    seedDemo: e.SEED_DEMO ?? embeddedPostgres,
    demoPassword: e.DEMO_PASSWORD,
    session: { idleMinutes: e.SESSION_IDLE_MINUTES, absoluteHours: e.SESSION_ABSOLUTE_HOURS },
    throttle: { maxFailures: e.LOGIN_MAX_FAILURES, windowMinutes: e.LOGIN_WINDOW_MINUTES },
    segmentWeeklyLimit: e.SEGMENT_WEEKLY_LIMIT,
    segmentChannelWeeklyLimit: e.SEGMENT_CHANNEL_WEEKLY_LIMIT ?? null,
    fdaApplicantName: e.FDA_APPLICANT_NAME,
    review: {
      standardBusinessDays: e.REVIEW_DAYS_STANDARD,
      fastTrackBusinessDays: e.REVIEW_DAYS_FAST_TRACK,
      approvalValidityDays: e.APPROVAL_VALIDITY_DAYS,
      periodicReviewDays: e.PERIODIC_REVIEW_DAYS,
      claimValidityDays: e.CLAIM_VALIDITY_DAYS,
      releaseMarkets: e.RELEASE_MARKETS,
    },
    webDistDir: e.WEB_DIST_DIR,
    trustProxy: e.TRUST_PROXY,
    uploadMaxBytes: e.UPLOAD_MAX_MB * 1024 * 1024,
    assets: {
      maxBytes: {
        video: Math.min(e.UPLOAD_MAX_MB, e.UPLOAD_MAX_MB_VIDEO) * 1024 * 1024,
        series: Math.min(e.UPLOAD_MAX_MB, e.UPLOAD_MAX_MB_VIDEO) * 1024 * 1024,
        podcast: Math.min(e.UPLOAD_MAX_MB, e.UPLOAD_MAX_MB_PODCAST) * 1024 * 1024,
        infographic: Math.min(e.UPLOAD_MAX_MB, e.UPLOAD_MAX_MB_INFOGRAPHIC) * 1024 * 1024,
      },
      episodeMaxSeconds: e.EPISODE_MAX_SECONDS,
      podcastMaxSeconds: e.PODCAST_MAX_SECONDS,
      imageMaxPixels: e.IMAGE_MAX_MEGAPIXELS * 1_000_000,
    },
    renditions: { timeoutMs: e.RENDITION_TIMEOUT_SECONDS * 1000, pdfMaxPages: e.PDF_MAX_PAGES, ffmpegPath: e.FFMPEG_PATH, concurrency: e.RENDITION_CONCURRENCY },
    jobsEnabled: e.JOBS_ENABLED,
    textCheck: { ocrConcurrency: e.TEXT_CHECK_OCR_CONCURRENCY, waitMs: e.TEXT_CHECK_WAIT_SECONDS * 1000, suggestThreshold: e.TEXT_CHECK_SUGGEST_THRESHOLD, videoMaxFrames: e.TEXT_CHECK_VIDEO_MAX_FRAMES, videoTimeoutMs: e.TEXT_CHECK_VIDEO_TIMEOUT_SECONDS * 1000 },
    uploadTempDir: e.UPLOAD_TEMP_DIR ?? os.tmpdir(),
    webhooks: {
      allowPrivateDestinations: e.WEBHOOK_ALLOW_PRIVATE,
      retryBaseSeconds: e.WEBHOOK_RETRY_BASE_SECONDS,
      retryMaxSeconds: Math.max(e.WEBHOOK_RETRY_BASE_SECONDS, e.WEBHOOK_RETRY_MAX_SECONDS),
      maxAttempts: e.WEBHOOK_MAX_ATTEMPTS,
      timeoutMs: e.WEBHOOK_TIMEOUT_MS,
      secretKey: e.WEBHOOK_SECRET_KEY,
    },
    notifications: {
      smtpUrl: e.SMTP_URL,
      from: e.SMTP_FROM,
      retryBaseSeconds: e.NOTIFICATION_EMAIL_RETRY_BASE_SECONDS,
      maxAttempts: e.NOTIFICATION_EMAIL_MAX_ATTEMPTS,
      digestHourUtc: e.NOTIFICATION_DIGEST_HOUR,
    },
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
