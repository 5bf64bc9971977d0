import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Role, SessionUser } from '@vetted/contracts';
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureDatabase } from '@vetted/dev-infra';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/config.js';
import { createApp } from '../create-app.js';
import { UsersService } from '../identity/users.service.js';
import type { ResolvedConfig } from '../infra/resolved-config.js';
import type { Logger } from 'pino';
import { createLogger } from '../logger.js';

export const TEST_PASSWORD = 'correct-horse-battery-staple';

export interface TestUser extends SessionUser {
  token: string;
  password: string;
}

export interface TestApp {
  app: NestFastifyApplication;
  baseUrl: string;
  config: ResolvedConfig;
  dataSource: DataSource;
  databaseUrl: string;
  /** Creates a user with these roles and signs them in. */
  newUser(roles: Role[], name?: string): Promise<TestUser>;
  http(token?: string): HttpClient;
  close(): Promise<void>;
}

/** A fresh database (and bucket) for one test file, migrated, with the whole API listening on a free port. */
export async function createTestApp(env: Record<string, string> = {}, shared?: { databaseUrl: string; bucket: string }, logger?: Logger): Promise<TestApp> {
  const databaseUrl = shared?.databaseUrl ?? (await createTestDatabase());
  // Its own spool folder, so a test can see this app's temporary upload files and nobody else's.
  const uploadTempDir = await fs.mkdtemp(path.join(os.tmpdir(), 'vetted-spool-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: databaseUrl,
    S3_ENDPOINT: process.env.TEST_S3_ENDPOINT,
    S3_ACCESS_KEY: process.env.TEST_S3_ACCESS_KEY,
    S3_SECRET_KEY: process.env.TEST_S3_SECRET_KEY,
    S3_BUCKET: shared?.bucket ?? `t-${randomUUID().slice(0, 18)}`,
    JOBS_ENABLED: 'false',
    SEED_DEMO: 'false',
    WEB_DIST_DIR: '/nonexistent',
    UPLOAD_TEMP_DIR: uploadTempDir,
    ...env,
  }) as ResolvedConfig;
  const app = await createApp(config, logger ?? createLogger('silent'));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const dataSource = app.get(DataSource);
  const users = app.get(UsersService);
  return {
    app,
    baseUrl,
    config,
    dataSource,
    databaseUrl,
    async newUser(roles, name) {
      const email = `${roles.join('-').replace(/_/g, '')}-${randomUUID().slice(0, 8)}@test.local`;
      const user = await users.create({ email, name: name ?? `Test ${roles.join(' ')}`, password: TEST_PASSWORD, roles }, null);
      const login = await new HttpClient(baseUrl).post('/api/auth/login', { email, password: TEST_PASSWORD });
      if (login.status !== 200) throw new Error(`login failed for ${email}: ${JSON.stringify(login.body)}`);
      return { id: user.id, email, name: user.name, roles, token: (login.body as { accessToken: string }).accessToken, password: TEST_PASSWORD };
    },
    http: (token) => new HttpClient(baseUrl, token),
    close: async () => {
      await app.close();
      await fs.rm(uploadTempDir, { recursive: true, force: true });
    },
  };
}

export async function createTestDatabase(): Promise<string> {
  const adminUrl = process.env.TEST_ADMIN_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_ADMIN_DATABASE_URL is not set: run the tests through jest (global setup starts PostgreSQL)');
  const name = `t_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
  await ensureDatabase(adminUrl, name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export interface HttpResult<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export class HttpClient {
  constructor(
    private readonly baseUrl: string,
    private readonly token?: string,
  ) {}

  get<T = any>(path: string) {
    return this.send<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown) {
    return this.send<T>('POST', path, body);
  }
  patch<T = any>(path: string, body?: unknown) {
    return this.send<T>('PATCH', path, body);
  }
  delete<T = any>(path: string) {
    return this.send<T>('DELETE', path);
  }

  async upload<T = any>(path: string, file: { name: string; type: string; data: Uint8Array }, fields: Record<string, string> = {}): Promise<HttpResult<T>> {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob([file.data], { type: file.type }), file.name);
    return this.send<T>('POST', path, form);
  }

  async send<T>(method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<HttpResult<T>> {
    const headers: Record<string, string> = { ...extraHeaders };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    let payload: RequestInit['body'];
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body: payload, redirect: 'manual' });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }
}
