import { PipeTransform } from '@nestjs/common';
import type { ZodType } from 'zod';
import { BadInputError } from './domain-errors.js';

/** Validates a request part against a schema from @vetted/contracts; every problem is named in the 400 message. */
export class ZodValidationPipe<T extends ZodType> implements PipeTransform<unknown, T['_output']> {
  constructor(private readonly schema: T) {}

  transform(value: unknown): T['_output'] {
    const result = this.schema.safeParse(value ?? {});
    if (result.success) return result.data;
    const issues = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    const message = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
    throw new BadInputError(message, { issues });
  }
}
