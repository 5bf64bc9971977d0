import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { apiErrorSchema } from '@vetted/contracts';
import { z, type ZodObject, type ZodType } from 'zod';
import { responseSchemaRef } from './openapi-schemas.js';

type JsonSchema = Record<string, unknown>;

function toOpenApi(schema: ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  delete json.$schema;
  return json;
}

/** Documents a zod request body in OpenAPI, so the contract has one source of truth. */
export const ApiZodBody = (schema: ZodType) =>
  applyDecorators(ApiBody({ schema: toOpenApi(schema) as never }), ApiErrors(400, 415));

export const ApiZodQuery = (schema: ZodObject) =>
  applyDecorators(
    ...Object.entries((toOpenApi(schema).properties ?? {}) as Record<string, JsonSchema>).map(([name, prop]) =>
      ApiQuery({ name, required: false, schema: prop as never }),
    ),
    ApiErrors(400),
  );

const SUCCESS: Record<number, string> = { 200: 'OK', 201: 'Created', 202: 'Accepted' };

/** A handler that returns (or resolves to) T: what a response decorator checks at compile time. */
type Returning<T> = (...args: never[]) => T | Promise<T>;

/**
 * Documents a JSON answer by the contracts schema the handler returns (a named component); it only
 * compiles on a handler whose return type is that schema's output. The status is the route's own:
 * 201 for a POST unless it says `@HttpCode(200)`; the OpenAPI test checks they agree.
 */
export function ApiZodResponse<S extends ZodType>(schema: S, status = 200, description = SUCCESS[status] ?? 'OK') {
  const decorator = ApiResponse({ status, description, content: { 'application/json': { schema: responseSchemaRef(schema) as never } } });
  return <M extends Returning<z.output<S>>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<M>) => decorator(target, key, descriptor);
}

/** A file answer (a download, a rendition, a calendar): its media types, as the route sends them. */
export const ApiFileResponse = (description: string, ...mediaTypes: string[]) =>
  ApiResponse({
    status: 200,
    description,
    content: Object.fromEntries(mediaTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
  });

/** A 204: done, nothing to say. */
export const ApiNoContent = (description = 'Done; no body') => ApiResponse({ status: 204, description });

/** What each error status means here, with the stable `code`s (contracts' API_ERROR_CODES) it may carry. */
const ERRORS = {
  400: 'Refused input (`invalid_input`, `unknown_parameter`, or a more precise code): `message` and `details.issues` name every problem',
  401: 'No valid session or access token (`session_required`), or a refused credential (`wrong_credentials`, `signature_refused`, `invitation_invalid`, `feed_token_invalid`)',
  403: 'Not allowed: the caller’s roles (`forbidden`), an access token without the scope (`insufficient_scope`), or a browser request from another origin (`cross_origin_refused`)',
  404: 'No such thing (`not_found`, `details.resource` and `details.id`); agency guests get it for items they are not invited to',
  409: 'The current state does not allow it (`state_conflict` or a more precise code such as `stale_version`); `details` carries the current state',
  413: 'The file is larger than allowed (`file_too_large`, `details.limit`)',
  415: 'A body that is neither JSON nor multipart (`unsupported_content_type`), or a refused file type (`file_type_refused`)',
  422: 'The file was read and refused (`file_rejected`, `upload_incomplete`, `pdf_script_refused`)',
  429: 'Too many attempts (`too_many_attempts`); retry after the `Retry-After` seconds',
  503: 'The database or file storage is unavailable (`database_unavailable`, `storage_unavailable`); retry after the `Retry-After` seconds',
} as const;
export type ErrorStatus = keyof typeof ERRORS;

const RETRY_AFTER = { 'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer' } } };

/** The response object of an error status: the API's error body (`ApiError`) with a stable `code`. */
export function apiErrorResponse(status: ErrorStatus) {
  return {
    description: ERRORS[status],
    ...(status === 429 || status === 503 ? { headers: RETRY_AFTER } : {}),
    content: { 'application/json': { schema: responseSchemaRef(apiErrorSchema) as never } },
  };
}

/** Documents the error answers a route may give, beyond those its access rule and inputs already say. */
export const ApiErrors = (...statuses: ErrorStatus[]) => applyDecorators(...statuses.map((status) => ApiResponse({ status, ...apiErrorResponse(status) })));
