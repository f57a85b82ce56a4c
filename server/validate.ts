// Parses request input with a zod schema from model/schema.ts; failures become a ValidationError naming the field.
import type { z } from 'zod';
import { fromZod } from './errors';

/** Returns the parsed value, or throws a 400 whose details name `where.field` (e.g. query.depth). */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, where: 'query' | 'params' | 'body'): z.infer<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw fromZod(r.error, where);
  return r.data;
}
