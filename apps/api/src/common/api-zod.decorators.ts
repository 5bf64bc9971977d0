import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiQuery } from '@nestjs/swagger';
import { z, type ZodObject, type ZodType } from 'zod';

type JsonSchema = Record<string, unknown>;

function toOpenApi(schema: ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  delete json.$schema;
  return json;
}

/** Documents a zod request body in OpenAPI, so the contract has one source of truth. */
export const ApiZodBody = (schema: ZodType) => ApiBody({ schema: toOpenApi(schema) as never });

export const ApiZodQuery = (schema: ZodObject) =>
  applyDecorators(
    ...Object.entries((toOpenApi(schema).properties ?? {}) as Record<string, JsonSchema>).map(([name, prop]) =>
      ApiQuery({ name, required: false, schema: prop as never }),
    ),
  );
