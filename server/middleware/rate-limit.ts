// Rate limits per client (by IP) on the costly routes, by express-rate-limit (maintained, MIT); 429 when past.
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { RateConfig } from '../config';
import { RateLimitedError } from '../errors';

/** One limiter: `limit` requests per `windowMs` per client, refused with a RateLimited error and Retry-After. */
export function limiter(limit: number, windowMs: number, methods?: readonly string[]): RequestHandler {
  if (limit <= 0) return (_req, _res, next) => next();
  return rateLimit({
    windowMs,
    limit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    skip: (req) => methods !== undefined && !methods.includes(req.method),
    handler: (req, _res, next) => {
      const reset = (req as { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const retryAfter = Math.max(1, Math.ceil(((reset?.getTime() ?? Date.now() + windowMs) - Date.now()) / 1000));
      next(new RateLimitedError(limit, windowMs, retryAfter));
    },
  });
}

/**
 * The limiters, keyed by the path prefix (under /api) they guard; app.ts mounts them by path so that routes
 * added later under these paths are covered too.
 */
export function rateLimiters(cfg: RateConfig): { path: string; exact?: boolean; handler: RequestHandler }[] {
  return [
    { path: '/cypher', exact: true, handler: limiter(cfg.console, cfg.windowMs, ['POST']) },
    { path: '/actors', exact: true, handler: limiter(cfg.search, cfg.windowMs, ['GET']) },
    { path: '/imports', handler: limiter(cfg.imports, cfg.windowMs, ['POST']) },
  ];
}
