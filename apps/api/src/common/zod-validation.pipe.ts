import { PipeTransform } from '@nestjs/common';
import { isUnstorableText } from '@vetted/contracts';
import type { ZodType } from 'zod';
import { BadInputError } from './domain-errors.js';

/**
 * Validates a request part against a schema from @vetted/contracts; every problem is named in the 400 message.
 * Before the schema, any string or key holding NUL or a lone surrogate is refused wherever it sits, so a
 * field whose schema forgot the `text()` primitive still cannot carry them to PostgreSQL or the audit hash.
 */
export class ZodValidationPipe<T extends ZodType> implements PipeTransform<unknown, T['_output']> {
  constructor(private readonly schema: T) {}

  transform(value: unknown): T['_output'] {
    const unstorable = findUnstorableText(value);
    if (unstorable !== undefined) {
      const message = `${unstorable ? `${unstorable}: ` : ''}must not contain NUL characters or lone UTF-16 surrogates`;
      throw new BadInputError(message, { issues: [{ path: unstorable, message }] }, 'invalid_input');
    }
    const result = this.schema.safeParse(value ?? {});
    if (result.success) return result.data;
    const issues = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    const message = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
    const unknownOnly = result.error.issues.every((i) => i.code === 'unrecognized_keys');
    throw new BadInputError(message, { issues }, unknownOnly ? 'unknown_parameter' : 'invalid_input');
  }
}

/** The path of the first string (or object key) that cannot be stored, '' for the value itself; undefined when clean. */
function findUnstorableText(value: unknown, path: string[] = [], depth = 0): string | undefined {
  if (typeof value === 'string') return isUnstorableText(value) ? path.join('.') : undefined;
  if (value === null || typeof value !== 'object' || depth > 32) return undefined;
  for (const [key, child] of Object.entries(value)) {
    if (isUnstorableText(key)) return [...path, JSON.stringify(key)].join('.');
    const found = findUnstorableText(child, [...path, key], depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}
