// The one error handler: typed errors, driver errors and the HTTP layer's own errors → their true status.
import type { ErrorRequestHandler } from 'express';
import { AppError, fromDriverError } from '../errors';

/**
 * Errors raised by Express and body-parser carry an HTTP status and a `type` (http-errors). Their status
 * is kept: a bad URL encoding is a 400, a latin1 JSON body a 415, a body past the limit a 413.
 */
function fromHttpError(err: unknown): AppError | undefined {
  const e = err as { status?: unknown; statusCode?: unknown; type?: unknown; message?: unknown } | null;
  const status = typeof e?.status === 'number' ? e.status : typeof e?.statusCode === 'number' ? e.statusCode : undefined;
  if (status === undefined || status < 400 || status >= 500) return undefined;
  const type = typeof e?.type === 'string' ? e.type : '';
  const message = String(e?.message ?? '');
  switch (type) {
    case 'entity.parse.failed':
      return new AppError('ValidationError', 400, `request body is not valid JSON: ${message}`, { issues: [{ field: 'body', message: 'invalid JSON' }] });
    case 'entity.too.large':
      return new AppError('PayloadTooLarge', 413, 'request body is too large', { limit: (err as { limit?: number }).limit });
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new AppError('UnsupportedMediaType', 415, `${message}: send UTF-8 JSON (Content-Type: application/json)`);
    case 'request.aborted':
      return new AppError('RequestAborted', 400, 'the request was aborted by the client');
    default:
      // The router's "Failed to decode param" (a malformed %-escape) is a 400 without a type.
      if (status === 400 && /decode/i.test(message)) {
        return new AppError('ValidationError', 400, 'the URL holds a malformed %-escape', { issues: [{ field: 'params', message: 'malformed URL encoding' }] });
      }
      return new AppError(status === 404 ? 'NotFoundError' : 'BadRequest', status, message || 'bad request');
  }
}

/** Maps anything thrown by a route to `{ error: { name, message, details } }` and its status; no stacks. */
export const errorHandler: ErrorRequestHandler = (err, _req, res, _next) => {
  let e: AppError;
  if (err instanceof AppError) e = err;
  else {
    const known = fromDriverError(err) ?? fromHttpError(err);
    if (known) e = known;
    else if (err instanceof RangeError && /call stack/i.test(err.message)) {
      // Last line of defence: inputs are depth-checked before use, so this means a check is missing.
      console.error('[maillage] stack overflow on input:', err);
      e = new AppError('ValidationError', 400, 'the input is nested too deeply', { issues: [{ field: '(root)', message: 'nested too deeply' }] });
    } else {
      console.error('[maillage] unexpected error:', err);
      e = new AppError('InternalError', 500, 'an unexpected error occurred; it has been logged');
    }
  }
  if (res.headersSent) {
    // Streaming already began: the status cannot change any more, so end the response where it is.
    res.end();
    return;
  }
  if (e.retryAfter !== undefined) res.set('Retry-After', String(e.retryAfter));
  res.status(e.status).json({ error: { name: e.name, message: e.message, details: e.details } });
};
