// Who is making a request, and whether they may write: the one place routes ask (issue 12 adds accounts).
import crypto from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { AppError } from '../errors';

export type Role = 'viewer' | 'editor' | 'admin';
const RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };

/** The author of a request as the history records it: `local` (single user on loopback), `token`, or an account. */
export interface Principal {
  name: string;
  role: Role;
  via: 'local' | 'token' | 'session' | 'anonymous';
}

export interface AuthConfig {
  /** The interface the server listens on: on loopback with no accounts, the local user is an admin. */
  host: string;
  adminToken?: string;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
export const isLoopback = (host: string) => LOOPBACK.has(host) || host.startsWith('127.');

/** True when the request carries the configured admin token; hashes first so the comparison's time says nothing. */
export function hasAdminToken(req: Request, token: string | undefined): boolean {
  if (!token) return false;
  const m = /^Bearer (.+)$/.exec(req.get('authorization') ?? '');
  if (!m) return false;
  const digest = (s: string) => crypto.createHash('sha256').update(s).digest();
  return crypto.timingSafeEqual(digest(m[1]), digest(token));
}

/** Sets res.locals.principal for every request; never refuses (requireRole does). */
export function authenticate(cfg: AuthConfig): RequestHandler {
  const local = isLoopback(cfg.host);
  return (req, res, next) => {
    let p: Principal;
    if (hasAdminToken(req, cfg.adminToken)) p = { name: 'token', role: 'admin', via: 'token' };
    else if (local) p = { name: 'local', role: 'admin', via: 'local' };
    else p = { name: 'anonymous', role: 'viewer', via: 'anonymous' };
    res.locals.principal = p;
    next();
  };
}

export function principal(res: Response): Principal {
  return (res.locals.principal as Principal | undefined) ?? { name: 'anonymous', role: 'viewer', via: 'anonymous' };
}

export class ForbiddenError extends AppError {
  constructor(needed: Role, p: Principal) {
    super(
      p.via === 'anonymous' ? 'AuthenticationRequired' : 'Forbidden',
      p.via === 'anonymous' ? 401 : 403,
      p.via === 'anonymous'
        ? `this action needs the "${needed}" role: sign in or send the admin token (Authorization: Bearer …)`
        : `this action needs the "${needed}" role; ${p.name} is ${p.role}`,
      { needed, role: p.role },
    );
  }
}

/** Refuses the request unless its principal has at least `role`. */
export function requireRole(role: Role): RequestHandler {
  return (_req, res, next) => {
    const p = principal(res);
    if (RANK[p.role] >= RANK[role]) next();
    else next(new ForbiddenError(role, p));
  };
}
