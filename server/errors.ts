// Typed errors with stable names; the one error handler in app.ts maps them to status codes and JSON.
import type { ZodError } from 'zod';

export class AppError extends Error {
  readonly status: number;
  readonly details?: unknown;
  constructor(name: string, status: number, message: string, details?: unknown) {
    super(message);
    this.name = name;
    this.status = status;
    this.details = details;
  }
}

/** One problem with one input field: `field` is a dotted path (query.depth, relationships.3.evidence.0.source). */
export interface FieldIssue {
  field: string;
  message: string;
}

export class ValidationError extends AppError {
  readonly issues: FieldIssue[];
  constructor(issues: FieldIssue[], message?: string) {
    super('ValidationError', 400, message ?? summarise(issues), { issues });
    this.issues = issues;
  }
}

export class NotFoundError extends AppError {
  constructor(what: string, id: string) {
    super('NotFoundError', 404, `${what} "${id}" does not exist`, { [what.toLowerCase()]: id });
  }
}

export class DatabaseUnavailableError extends AppError {
  constructor(message = 'the Neo4j database is not reachable') {
    super('DatabaseUnavailable', 503, message);
  }
}

function summarise(issues: FieldIssue[]): string {
  const head = issues.slice(0, 3).map((i) => `${i.field}: ${i.message}`).join('; ');
  return issues.length > 3 ? `${head}; and ${issues.length - 3} more` : head;
}

/** Turns zod issues into field issues, prefixing each path with where the value came from (query, body, params). */
export function fromZod(err: ZodError, prefix?: string): ValidationError {
  const issues = err.issues.map((i) => ({
    field: [prefix, ...i.path.map(String)].filter((p) => p !== undefined && p !== '').join('.') || '(root)',
    message: i.message,
  }));
  return new ValidationError(issues);
}
