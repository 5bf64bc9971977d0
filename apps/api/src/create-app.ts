import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { LogController } from 'fastify';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { AppModule } from './app.module.js';
import { runMigrations } from './infra/database/data-source.js';
import type { ResolvedConfig } from './infra/resolved-config.js';
import { StorageService } from './infra/storage/storage.service.js';
import { installBodyTypeCheck } from './common/request-body-type.js';
import { installSecurityHeaders } from './common/security-headers.js';
import { installCrossOriginProtection } from './identity/cross-origin-protection.js';
import { PinoNestLogger } from './logger.js';
import { API_PREFIX, createOpenApiDocument } from './openapi-document.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Builds the whole API (migrated database, storage bucket, routes, docs, web) without listening yet. */
export async function createApp(config: ResolvedConfig, logger: Logger): Promise<NestFastifyApplication> {
  const applied = await runMigrations(config.database.url);
  if (applied.length) logger.info({ migrations: applied }, 'database migrated');

  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    // Our own onResponse hook writes one line per request instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: config.trustProxy,
    genReqId: requestId,
    bodyLimit: 1024 * 1024,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, { logger: new PinoNestLogger(logger) });
  app.setGlobalPrefix(API_PREFIX);
  // Order matters: headers first (so refusals carry them too), then the CSRF check, then the body type.
  await installSecurityHeaders(app);
  installCrossOriginProtection(app.getHttpAdapter().getInstance(), { publicOrigins: config.publicOrigins, host: config.host });
  installBodyTypeCheck(app.getHttpAdapter().getInstance());
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { files: 1, fields: 10, fieldSize: 10_000 } });
  logOneLinePerRequest(app);
  serveOpenApi(app, config);
  await serveWeb(app, config);
  await app.get(StorageService).ensureBucket();
  await app.init();
  return app;
}

/**
 * A caller's X-Request-ID is kept only when it is a UUID (a proxy's correlation id); anything else
 * could forge or flood log lines, so it gets a fresh one.
 */
function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && UUID.test(given) ? given.toLowerCase() : randomUUID();
}

function logOneLinePerRequest(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onResponse', (request, reply, done) => {
      request.log.info(
        { method: request.method, url: request.url.split('?')[0], status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
        'request',
      );
      done();
    });
}

function serveOpenApi(app: NestFastifyApplication, config: ResolvedConfig): void {
  SwaggerModule.setup('api/docs', app, createOpenApiDocument(app, config.publicOrigins), { jsonDocumentUrl: 'api/docs-json' });
}

/** Serves the built web app on the same port; unknown non-API paths get index.html (client-side routes). */
async function serveWeb(app: NestFastifyApplication, config: ResolvedConfig): Promise<void> {
  const root = path.resolve(config.webDistDir ?? fileURLToPath(new URL('../../web/dist', import.meta.url)));
  if (!existsSync(path.join(root, 'index.html'))) return;
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(fastifyStatic, { root, wildcard: false, index: ['index.html'] });
  fastify.get('/*', (request, reply) => {
    if (request.url.startsWith('/api/')) {
      return reply.status(404).send({ statusCode: 404, error: 'Not Found', message: `No API route ${request.method} ${request.url.split('?')[0]}` });
    }
    return reply.type('text/html').sendFile('index.html');
  });
}
