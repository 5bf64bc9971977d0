// The OpenAPI components of the API's answers, made from the zod schemas of libs/contracts: one source
// of truth for the shapes, and their names are the contracts' own export names.
import * as contracts from '@vetted/contracts';
import { z, type ZodType } from 'zod';

type JsonSchema = Record<string, unknown>;

const COMPONENT_PREFIX = '#/components/schemas/';

/**
 * Every schema libs/contracts exports, named after its export (`contentItemSchema` → ContentItem). A
 * local registry, not zod's global one, so request bodies (converted one by one) stay self-contained.
 */
const named = z.registry<{ id: string }>();
for (const [exportName, value] of Object.entries(contracts)) {
  if (!(value instanceof z.ZodType) || !exportName.endsWith('Schema') || named.has(value)) continue;
  const base = exportName.slice(0, -'Schema'.length);
  named.add(value, { id: base.charAt(0).toUpperCase() + base.slice(1) });
}

/**
 * The schema object of an answer: a $ref to its named component, or an array or nullable of one.
 * Anything else is refused at start-up, so every answer has a name a generated client can use.
 */
export function responseSchemaRef(schema: ZodType): JsonSchema {
  const id = named.get(schema)?.id;
  if (id) return { $ref: `${COMPONENT_PREFIX}${id}` };
  if (schema instanceof z.ZodArray) return { type: 'array', items: responseSchemaRef(schema.element as ZodType) };
  if (schema instanceof z.ZodNullable) return { anyOf: [responseSchemaRef(schema.unwrap() as ZodType), { type: 'null' }] };
  throw new Error('An answer schema must be one libs/contracts exports (or an array or nullable of one), so it has a component name');
}

/**
 * The JSON Schema (2020-12, which OpenAPI 3.1 uses) of every named contract, as the API sends it
 * (`io: 'output'`), each nested named schema as a $ref. `additionalProperties: false` is dropped: the
 * API strips nothing from its answers, and a new field must not break a client that validates them.
 */
export function contractComponentSchemas(): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(named, {
    io: 'output',
    unrepresentable: 'any',
    uri: (id) => `${COMPONENT_PREFIX}${id}`,
    override: ({ jsonSchema }) => {
      if (jsonSchema.additionalProperties === false) delete jsonSchema.additionalProperties;
      // `z.unknown().nullable()` is "anything or null", which is just anything.
      if (jsonSchema.anyOf?.some((option) => typeof option === 'object' && Object.keys(option).length === 0)) delete jsonSchema.anyOf;
    },
  }) as { schemas: Record<string, JsonSchema> };
  for (const schema of Object.values(schemas)) {
    delete schema.$schema;
    delete schema.$id;
  }
  return schemas;
}

/** Only the components something in the document refers to (directly or through another component). */
export function referencedComponents(document: unknown, components: Record<string, JsonSchema>): Record<string, JsonSchema> {
  const kept = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith(COMPONENT_PREFIX)) {
        const id = value.slice(COMPONENT_PREFIX.length);
        if (!kept.has(id) && components[id]) {
          kept.add(id);
          visit(components[id]);
        }
      } else visit(value);
    }
  };
  visit(document);
  return Object.fromEntries(Object.entries(components).filter(([id]) => kept.has(id)).sort(([a], [b]) => a.localeCompare(b)));
}
