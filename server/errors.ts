// Typed errors with stable names; the one error handler in app.ts maps them to status codes and JSON.
import type { ZodError } from 'zod';

export class AppError extends Error {
  readonly status: number;
  readonly details?: unknown;
  /** Seconds a client should wait before trying again (sent as Retry-After with 429 and 503). */
  retryAfter?: number;
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

/** 503: the database is down, restarting, or every connection is busy; the client may retry later. */
export class DatabaseUnavailableError extends AppError {
  constructor(message = 'the Neo4j database is not reachable; try again in a few seconds', details?: unknown) {
    super('DatabaseUnavailable', 503, message, details);
    this.retryAfter = 5;
  }
}

/** 503: the server is at capacity (console queue full, database memory pool exhausted); retry later. */
export class ServerBusyError extends AppError {
  constructor(message: string, retryAfter = 2, details?: unknown) {
    super('ServerBusy', 503, message, details);
    this.retryAfter = retryAfter;
  }
}

/** 429: this client sent more requests than the rate limit allows. */
export class RateLimitedError extends AppError {
  constructor(limit: number, windowMs: number, retryAfter: number) {
    super('RateLimited', 429, `too many requests: at most ${limit} per ${Math.round(windowMs / 1000)} s on this route; wait ${retryAfter} s`, { limit, windowMs });
    this.retryAfter = retryAfter;
  }
}

/** 403: a write from another site's page (CSRF) or a request for a host name this server does not serve. */
export class ForbiddenRequestError extends AppError {
  constructor(name: 'CrossOriginRefused' | 'HostNotAllowed', message: string, details?: unknown) {
    super(name, 403, message, details);
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

// ---- The Cypher console's refusals (server/cypher/): each names why, so the client can say so ----

/** A console query that would write, sent without the admin token (or with a wrong one). */
export class WriteNotAllowedError extends AppError {
  constructor(why: string, offset?: number) {
    super('WriteNotAllowed', 403, `${why}: the console is read-only without the admin token`, { offset });
  }
}

/** A procedure or plugin function outside the console's allow-list. */
export class ProcedureNotAllowedError extends AppError {
  constructor(procedure: string, offset?: number) {
    super('ProcedureNotAllowed', 403, `"${procedure}" is not on the console's allow-list of procedures and functions`, { procedure, offset });
  }
}

/** LOAD CSV would let a user read the server's files or make it fetch URLs. */
export class LoadCsvNotAllowedError extends AppError {
  constructor(offset?: number) {
    super('LoadCsvNotAllowed', 403, 'LOAD CSV is not accepted in the console: it reads files and fetches URLs', { offset });
  }
}

/** Any other construct the console refuses (admin commands, several statements, USE, \u escapes…). */
export class QueryRejectedError extends AppError {
  constructor(reason: string, message: string, offset?: number) {
    super('QueryRejected', 403, message, { reason, offset });
  }
}

/**
 * Neo4j driver errors, read by their public `code` and message only → the typed error they mean, or
 * undefined for errors that are not the database's to explain (programming errors stay 500).
 */
export function fromDriverError(err: unknown): AppError | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return undefined;
  const message = String((err as Error).message ?? '');
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || code === 'ProtocolError') {
    return new DatabaseUnavailableError();
  }
  // The pool had no free connection within connectionAcquisitionTimeout: every connection is busy.
  if (/^Connection acquisition timed out/.test(message)) {
    return new DatabaseUnavailableError('every database connection is busy; try again in a few seconds', { reason: 'pool-exhausted' });
  }
  if (/TransactionTimedOut/.test(code)) return new QueryTimeoutError();
  if (/TransactionMemoryLimit|TransactionOutOfMemory/.test(code)) {
    return new AppError('QueryTooLarge', 422, 'the query needed more memory than one transaction may use; narrow it', { code });
  }
  if (/MemoryPoolOutOfMemory|OutOfMemory/.test(code)) {
    return new ServerBusyError('the database is short of memory right now; try again shortly', 5, { code });
  }
  // Database starting, stopping or restarting; transactions terminated by a shutdown; leader switches.
  if (code.startsWith('Neo.TransientError.') || code === 'Neo.ClientError.Database.DatabaseNotFound' ||
    code === 'Neo.ClientError.Cluster.NotALeader' || code === 'Neo.ClientError.Transaction.Terminated') {
    return new DatabaseUnavailableError('the Neo4j database is restarting or unavailable; try again in a few seconds', { code });
  }
  return undefined;
}

/** 422, not 408: 408 invites browsers and proxies to resend the request, re-running the costly query. */
export class QueryTimeoutError extends AppError {
  constructor(timeoutMs?: number) {
    super('QueryTimeout', 422,
      timeoutMs === undefined
        ? 'the query did not finish within the time allowed and was stopped; narrow it (LIMIT, fewer hops)'
        : `the query did not finish within ${timeoutMs} ms and was stopped; narrow it (LIMIT, fewer hops)`,
      timeoutMs === undefined ? undefined : { timeoutMs });
  }
}

/** Neo4j could not parse the query; the position is in the user's text (1-based line and column). */
export class CypherSyntaxError extends AppError {
  constructor(message: string, position?: { line: number; column: number; offset: number }) {
    super('CypherSyntaxError', 400, message, position);
  }
}

/** Neo4j refused the query for another client-side reason (unknown function, missing parameter, type error). */
export class CypherError extends AppError {
  constructor(code: string, message: string) {
    super('CypherError', 400, message, { code });
  }
}

/** The request conflicts with the current state (undo refused, an element changed since it was read). */
export class ConflictError extends AppError {
  constructor(message: string, details?: unknown) {
    super('Conflict', 409, message, details);
  }
}

/** 409: removing this evidence would leave a relationship unsourced (every edge keeps at least one). */
export class LastEvidenceError extends AppError {
  constructor(relationship: string) {
    super('LastEvidence', 409, `relationship "${relationship}" has only this evidence, and every relationship stays sourced: add another source first, or delete the relationship`, { relationship });
  }
}

// ---- Large graphs (issue 10) ----

/** A whole-graph answer past its configured limit: the overview, filters or pages answer instead. */
export class GraphTooLargeError extends AppError {
  constructor(message: string, details: Record<string, unknown>) {
    super('GraphTooLarge', 413, message, details);
  }
}

/** The graph changed between two pages of one walk (its version moved): start again from the first page. */
export class GraphChangedError extends AppError {
  constructor(was: number, now: number) {
    super('GraphChanged', 409, `the graph changed since this walk began (version ${was}, now ${now}); start again from the first page`, { was, now });
  }
}

/** Several elements answer to one id; the request must say which (e.g. ?type=FUNDS). */
export class AmbiguousIdError extends AppError {
  constructor(what: string, id: string, candidates: string[], field: string) {
    super('AmbiguousId', 409, `several ${what}s have the id "${id}" (${candidates.join(', ')}); add ${field} to pick one`, { id, candidates, field });
  }
}
