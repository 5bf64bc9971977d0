// The OpenAPI document is complete enough to generate a client from: built without a database, as
// `npm run openapi` does, and checked against the controllers' own route metadata.
import 'reflect-metadata';
import { HttpStatus, RequestMethod } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA } from '@nestjs/common/constants.js';
import type { OpenAPIObject } from '@nestjs/swagger';
import { ModulesContainer } from '@nestjs/core';
import { createOpenApiDocument, createPreviewApp } from './openapi-document.js';

type Response = { content?: Record<string, { schema?: Record<string, unknown> }> };
type Operation = {
  operationId: string;
  summary?: string;
  tags?: string[];
  security?: unknown[];
  responses: Record<string, Response>;
};

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;
/** Routes that answer no 4xx at all: health says 200 or 503, whoever asks and however. */
const NO_CLIENT_ERROR = new Set(['HealthController_check']);

let document: OpenAPIObject;
let operations: Array<{ route: string; operation: Operation }>;
/** Each handler's real status, read from Nest's own metadata, by operationId (`Controller_method`). */
const routeStatus = new Map<string, number>();

beforeAll(async () => {
  const app = await createPreviewApp();
  document = createOpenApiDocument(app);
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      const type = metatype as { name: string; prototype: Record<string, unknown> };
      for (const name of Object.getOwnPropertyNames(type.prototype)) {
        const handler = type.prototype[name];
        const verb = typeof handler === 'function' ? (Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined) : undefined;
        if (verb === undefined) continue;
        const code = Reflect.getMetadata(HTTP_CODE_METADATA, handler as object) as number | undefined;
        routeStatus.set(`${type.name}_${name}`, code ?? (verb === RequestMethod.POST ? HttpStatus.CREATED : HttpStatus.OK));
      }
    }
  }
  await app.close();
  operations = Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const operation = (item as Record<string, Operation | undefined>)[method];
      return operation ? [{ route: `${method.toUpperCase()} ${path}`, operation }] : [];
    }),
  );
});

const failing = (check: (operation: Operation) => boolean) => operations.filter(({ operation }) => !check(operation)).map(({ route }) => route);
const successes = (operation: Operation) => Object.entries(operation.responses).filter(([status]) => /^2\d\d$/.test(status));

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 with servers and every route of the API', () => {
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    expect(document.servers?.length).toBeGreaterThan(0);
    expect(operations.length).toBeGreaterThan(80);
  });

  it('gives every operation a summary and a tag the document declares', () => {
    const declared = new Set((document.tags ?? []).map((t) => t.name));
    expect(failing((o) => Boolean(o.summary?.trim()))).toEqual([]);
    expect(failing((o) => (o.tags ?? []).length > 0 && (o.tags ?? []).every((t) => declared.has(t)))).toEqual([]);
  });

  it('says who may call every operation: a security list, empty only where no credentials are needed', () => {
    expect(failing((o) => Array.isArray(o.security))).toEqual([]);
    const schemes = new Set(Object.keys(document.components?.securitySchemes ?? {}));
    const named = operations.flatMap(({ operation }) => (operation.security ?? []).flatMap((r) => Object.keys(r as object)));
    expect(named.filter((name) => !schemes.has(name))).toEqual([]);
    const open = operations.filter(({ operation }) => operation.security?.length === 0).map(({ route }) => route);
    expect(open.sort()).toEqual(['GET /api/calendar.ics', 'GET /api/health', 'POST /api/auth/accept-invite', 'POST /api/auth/login']);
  });

  it('documents a 2xx answer for every operation: a JSON schema, a file media type, or a 204', () => {
    const described = (operation: Operation) =>
      successes(operation).length > 0 &&
      successes(operation).every(([status, response]) => {
        if (status === '204') return response.content === undefined;
        const types = Object.entries(response.content ?? {});
        if (!types.length) return false;
        return types.every(([type, media]) => (type === 'application/json' ? typeof media.schema?.$ref === 'string' || media.schema?.type === 'array' || Array.isArray(media.schema?.anyOf) : type !== '*/*' && media.schema !== undefined));
      });
    expect(failing(described)).toEqual([]);
  });

  it('documents the status each route really answers with (201 for a POST unless @HttpCode says otherwise)', () => {
    const expected = routeStatus;
    expect(operations.filter(({ operation }) => !expected.has(operation.operationId)).map(({ route }) => route)).toEqual([]);
    const wrong = operations
      .filter(({ operation }) => !successes(operation).some(([status]) => Number(status) === expected.get(operation.operationId)))
      .map(({ route, operation }) => `${route}: answers ${expected.get(operation.operationId)}, documents ${successes(operation).map(([s]) => s).join(', ')}`);
    expect(wrong).toEqual([]);
  });

  it('documents at least one 4xx for every operation, each the ApiError body', () => {
    const clientErrors = (o: Operation) => Object.entries(o.responses).filter(([status]) => /^4\d\d$/.test(status));
    expect(failing((o) => NO_CLIENT_ERROR.has(o.operationId) || clientErrors(o).length > 0)).toEqual([]);
    const notApiError = operations.flatMap(({ route, operation }) =>
      Object.entries(operation.responses)
        .filter(([status]) => /^4\d\d$/.test(status))
        .filter(([, response]) => response.content?.['application/json']?.schema?.$ref !== '#/components/schemas/ApiError')
        .map(([status]) => `${route} ${status}`),
    );
    expect(notApiError).toEqual([]);
  });

  it('resolves every $ref, and keeps only components something refers to', () => {
    const text = JSON.stringify(document);
    const refs = new Set([...text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]));
    const components = Object.keys(document.components?.schemas ?? {});
    expect([...refs].filter((id) => !components.includes(id))).toEqual([]);
    expect(components.filter((id) => !refs.has(id))).toEqual([]);
    expect(document.components?.schemas?.ApiError).toMatchObject({ required: expect.arrayContaining(['statusCode', 'error', 'message']) });
  });
});
