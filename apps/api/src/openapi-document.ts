// The API's OpenAPI 3.1 document: read from the controllers' decorators, answers and errors from the
// zod schemas of libs/contracts. Served at /api/docs-json and written to a file by `npm run openapi`.
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from './app.module.js';
import { apiErrorResponse } from './common/api-zod.decorators.js';
import { contractComponentSchemas, referencedComponents } from './common/openapi-schemas.js';
import { loadConfig } from './config/config.js';
import { API_SECURITY_SCHEMES, OPEN_OPERATION } from './identity/api-security.js';
import type { ResolvedConfig } from './infra/resolved-config.js';

export const API_PREFIX = 'api';

/** One per feature module (the controllers' @ApiTags), in the order a reader meets them. */
const TAGS: Array<[string, string]> = [
  ['auth', 'Sign in and out, the current session, agency guests accepting their invitation'],
  ['users', 'User accounts (admins) and a reviewer’s own out-of-office and delegates'],
  ['content', 'Content items, their versions and files, renditions, text checks and agency guests'],
  ['review', 'The parallel review: submissions, signed lane decisions, comments, reviewer groups, the inbox'],
  ['claims', 'The claims library: claims, their references and their medical and regulatory review'],
  ['library', 'What reps see: approved, unexpired material, shares with doctors and their feedback'],
  ['calendar', 'The editorial calendar, the HCP agenda, segment saturation and ICS feeds'],
  ['audit', 'The tamper-evident audit trail and an item’s auditor’s package'],
  ['filings', 'Regulatory filings (Form FDA 2253)'],
  ['analytics', 'The committee’s dashboard'],
  ['notifications', 'In-app notifications and e-mail settings'],
  ['integrations', 'Personal access tokens and signed webhooks for CRM/CLM systems'],
  ['health', 'Liveness and readiness'],
];

/**
 * The document for an app already built (the running API, with its public addresses as servers), or
 * for one built in preview mode (no database, no storage: nothing is instantiated).
 */
export function createOpenApiDocument(app: INestApplication, publicOrigins: string[] = []): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('Vetted API')
    .setDescription(
      'Content factory and promotional review workflow: content, parallel review, signatures, audit. Every error is the `ApiError` body with a stable `code` (contracts’ API_ERROR_CODES). State-changing browser requests must come from where Vetted is served; other clients send a bearer token.',
    )
    .setVersion('0.1.0')
    .setLicense('Apache-2.0', 'https://www.apache.org/licenses/LICENSE-2.0');
  for (const origin of publicOrigins) builder.addServer(origin, 'This Vetted (PUBLIC_URL)');
  builder.addServer('{origin}', 'Your Vetted', { origin: { default: 'http://localhost:3000', description: 'Where Vetted is served (its PUBLIC_URL)' } });
  for (const [name, scheme] of Object.entries(API_SECURITY_SCHEMES)) builder.addSecurity(name, scheme);
  for (const [name, description] of TAGS) builder.addTag(name, description);

  const document = SwaggerModule.createDocument(app, builder.build());
  for (const operations of Object.values(document.paths)) {
    for (const operation of Object.values(operations) as Operation[]) {
      if (operation[OPEN_OPERATION]) {
        delete operation[OPEN_OPERATION];
        operation.security = [];
      }
      documentPathParameters(operation);
    }
  }
  document.components = { ...document.components, schemas: referencedComponents(document.paths, contractComponentSchemas()) };
  return document;
}

/** The app module in Nest's preview mode: routes and their metadata, with no provider run (no database, no storage). */
export async function createPreviewApp(): Promise<INestApplication> {
  // Only read to build the module graph; in preview mode nothing connects anywhere.
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: 'postgres://openapi@127.0.0.1:1/none', JOBS_ENABLED: 'false' }) as ResolvedConfig;
  const app = await NestFactory.create(AppModule.forRoot(config), new FastifyAdapter(), { preview: true, logger: false, abortOnError: false });
  app.setGlobalPrefix(API_PREFIX);
  return app;
}

/** The document without a database or storage, as `npm run openapi` writes it. */
export async function buildOpenApiDocument(): Promise<OpenAPIObject> {
  const app = await createPreviewApp();
  try {
    return createOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

type Operation = Record<string, unknown> & { parameters?: Array<{ in?: string; name?: string; schema?: unknown }>; responses?: Record<string, unknown> };

/**
 * Every path parameter is an id (ParseUUIDPipe) or a version number (versionNumberParamSchema): a
 * malformed one is a 400 and an unknown one a 404 on every route, so this says it once for all.
 */
function documentPathParameters(operation: Operation): void {
  const parameters = (operation.parameters ?? []).filter((p) => p.in === 'path');
  if (!parameters.length || !operation.responses) return;
  for (const parameter of parameters) {
    parameter.schema = parameter.name === 'number' ? { type: 'integer', minimum: 1, maximum: 2147483647 } : { type: 'string', format: 'uuid' };
  }
  for (const status of [400, 404] as const) operation.responses[status] ??= apiErrorResponse(status);
}
