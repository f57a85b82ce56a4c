// Who is making a request, and whether they may write: the one place routes ask.
import crypto from 'node:crypto';
import cookieParser from 'cookie-parser';
import { doubleCsrf } from 'csrf-csrf';
import { Router, type Request, type RequestHandler, type Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import { LoginRequest, UserCreate, UserNameParams, UserUpdate, type Role, type SessionInfo } from '../../model/schema';
import type { Db } from '../db';
import { AppError } from '../errors';
import { parseInput } from '../validate';
import { checkCredentials, closeSession, countUsers, createUser, listUsers, openSession, removeUser, sessionKey, sessionUser, updateUser } from './accounts';

export type { Role } from '../../model/schema';
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
  /** Reads without an account (MAILLAGE_PUBLIC_READ); default true. */
  publicRead?: boolean;
  /** How long a sign-in lasts; default 12 hours. */
  sessionHours?: number;
  /** Failed sign-ins allowed per client address and per account name in 15 minutes; default 10. */
  loginAttempts?: number;
}

export const SESSION_COOKIE = 'maillage_session';
export const CSRF_COOKIE = 'maillage_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';

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

const ANONYMOUS: Principal = { name: 'anonymous', role: 'viewer', via: 'anonymous' };

export function principal(res: Response): Principal {
  return (res.locals.principal as Principal | undefined) ?? ANONYMOUS;
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

export class CsrfError extends AppError {
  constructor() {
    super('CsrfTokenInvalid', 403, `missing or invalid CSRF token: send the ${CSRF_HEADER} header given by GET /api/session`);
  }
}

/**
 * A browser sends at least one of these on a write (cross-site ones included); curl and scripts send none.
 * Ambient credentials (the session cookie, the loopback position) are what CSRF abuses, and only browsers carry them for someone else.
 */
function fromBrowser(req: Request): boolean {
  return Boolean(req.get('origin') || req.get('sec-fetch-site') || req.get('referer') || req.get('cookie'));
}

/** What requireRole needs from authenticate: whether this request's CSRF token is good. */
interface CsrfState {
  needed: boolean;
  valid(): boolean;
}

/** Refuses the request unless its principal has at least `role` and, for a browser's write, a valid CSRF token. */
export function requireRole(role: Role): RequestHandler {
  return (_req, res, next) => {
    const p = principal(res);
    if (RANK[p.role] < RANK[role]) return next(new ForbiddenError(role, p));
    const csrf = res.locals.csrf as CsrfState | undefined;
    if (csrf?.needed && !csrf.valid()) return next(new CsrfError());
    next();
  };
}

/** True when `p` may act on a change authored by `author` (undo, revert): admins on anyone's, editors on their own. */
export function mayActFor(p: Principal, author: string): boolean {
  return p.role === 'admin' || (RANK[p.role] >= RANK.editor && p.name === author);
}

export interface Auth {
  /** Sets res.locals.principal (and the CSRF state) for every request; never refuses. */
  authenticate: RequestHandler[];
  /** /session (sign in, out, who am I) and /users (accounts, admin only). */
  routes: Router;
  /** With MAILLAGE_PUBLIC_READ=false, refuses anonymous reads (mount after the routes that stay open). */
  readGate: RequestHandler;
}

/** The auth layer of one app: sessions in Neo4j, a CSRF secret per process (the client re-asks after a restart). */
export function createAuth(db: Db | undefined, cfg: AuthConfig): Auth {
  const local = isLoopback(cfg.host);
  const publicRead = cfg.publicRead ?? true;
  const ttlMs = (cfg.sessionHours ?? 12) * 3600_000;
  // The validated session of each request, for the CSRF token's binding (a stale cookie binds nothing).
  const sessionOf = new WeakMap<Request, string>();
  const secret = crypto.randomBytes(32).toString('hex');
  const csrf = doubleCsrf({
    getSecret: () => secret,
    getSessionIdentifier: (req) => sessionOf.get(req) ?? '',
    cookieName: CSRF_COOKIE,
    cookieOptions: { sameSite: 'strict', path: '/', secure: false, httpOnly: true },
    getCsrfTokenFromRequest: (req) => req.get(CSRF_HEADER),
  });
  const csrfToken = (req: Request, res: Response, overwrite = false) =>
    csrf.generateCsrfToken(req, res, { overwrite, cookieOptions: { sameSite: 'strict', path: '/', httpOnly: true, secure: req.secure } });

  // With no account, loopback is the single user's tool. Counted at most every 2 s (the CLI adds accounts from another process).
  // Requests arriving while it is counted share the count (a page's first requests come together; on a freshly
  // started Neo4j each would plan the query again).
  let accounts: { value: boolean; at: number } | undefined;
  let counting: Promise<boolean> | undefined;
  const accountsExist = async (): Promise<boolean> => {
    if (!db) return false;
    if (accounts && Date.now() - accounts.at < 2000) return accounts.value;
    if (counting) return counting;
    const count = countUsers(db).then((c) => {
      // A change of accounts while counting (forgetAccounts) leaves nothing kept.
      if (counting === count) accounts = { value: c.users > 0, at: Date.now() };
      return c.users > 0;
    });
    counting = count;
    const clear = () => { if (counting === count) counting = undefined; };
    count.then(clear, clear);
    return count;
  };
  const forgetAccounts = () => { accounts = undefined; counting = undefined; };

  const resolve = async (req: Request): Promise<Principal> => {
    if (hasAdminToken(req, cfg.adminToken)) return { name: 'token', role: 'admin', via: 'token' };
    const cookie = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    if (cookie && db) {
      const u = await sessionUser(db, cookie);
      if (u) {
        sessionOf.set(req, sessionKey(cookie));
        return { name: u.name, role: u.role, via: 'session' };
      }
    }
    if (local && !(await accountsExist())) return { name: 'local', role: 'admin', via: 'local' };
    return ANONYMOUS;
  };

  const authenticate: RequestHandler = (req, res, next) => {
    resolve(req)
      // The database being down must not hide /api/health's own answer: fail closed, as anonymous.
      .catch(() => ANONYMOUS)
      .then((p) => {
        res.locals.principal = p;
        const state: CsrfState = { needed: p.via === 'session' || (p.via === 'local' && fromBrowser(req)), valid: () => csrf.validateRequest(req) };
        res.locals.csrf = state;
        next();
      }, next);
  };

  const readGate: RequestHandler = (_req, res, next) => {
    if (!publicRead && principal(res).via === 'anonymous') {
      next(new AppError('AuthenticationRequired', 401, 'this server does not answer anonymous readers: sign in (POST /api/session)'));
    } else next();
  };

  const sessionInfo = async (req: Request, res: Response, p: Principal, overwrite = false): Promise<SessionInfo> => ({
    user: p,
    loginRequired: !local || (await accountsExist().catch(() => true)),
    publicRead,
    csrfToken: csrfToken(req, res, overwrite),
  });

  const tooMany: Parameters<typeof rateLimit>[0] = {
    windowMs: 15 * 60_000,
    limit: cfg.loginAttempts ?? 10,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (_req, res, next) => {
      next(new AppError('TooManyRequests', 429, 'too many failed sign-ins: wait before trying again', { retryAfter: Number(res.get('Retry-After')) || undefined }));
    },
  };
  // Two counters: one per client address (a guesser trying many names), one per name (many addresses on one account).
  const perClient = rateLimit(tooMany); // keyed by address (IPv6 by /56 subnet)
  const perName = rateLimit({
    ...tooMany,
    keyGenerator: (req) => `name:${String((req.body as { name?: unknown } | undefined)?.name ?? '').toLowerCase().slice(0, 64)}`,
  });

  const mustCsrf = (req: Request, res: Response) => {
    const state = res.locals.csrf as CsrfState;
    if ((state.needed || fromBrowser(req)) && !state.valid()) throw new CsrfError();
  };
  const needDb = (): Db => {
    if (!db) throw new AppError('NotAvailable', 503, 'accounts need the database');
    return db;
  };

  const routes = Router();
  routes.get('/session', async (req, res) => {
    res.set('Cache-Control', 'no-store');
    res.json(await sessionInfo(req, res, principal(res)));
  });

  routes.post('/session', perClient, perName, async (req, res) => {
    mustCsrf(req, res);
    const { name, password } = parseInput(LoginRequest, req.body ?? {}, 'body');
    const user = await checkCredentials(needDb(), name, password);
    const value = await openSession(needDb(), user.name, ttlMs);
    res.cookie(SESSION_COOKIE, value, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/', maxAge: ttlMs });
    // A new session gets a new CSRF token bound to it (the old one was bound to no session).
    sessionOf.set(req, sessionKey(value));
    res.set('Cache-Control', 'no-store');
    res.json(await sessionInfo(req, res, { ...user, via: 'session' }, true));
  });

  routes.delete('/session', async (req, res) => {
    mustCsrf(req, res);
    const cookie = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    if (cookie && db) await closeSession(db, cookie);
    res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/' });
    sessionOf.delete(req);
    const p = local && !(await accountsExist()) ? { name: 'local', role: 'admin' as const, via: 'local' as const } : ANONYMOUS;
    res.json(await sessionInfo(req, res, p, true));
  });

  routes.get('/users', requireRole('admin'), async (_req, res) => {
    res.json({ users: await listUsers(needDb()) });
  });

  routes.post('/users', requireRole('admin'), async (req, res) => {
    const body = parseInput(UserCreate, req.body ?? {}, 'body');
    const user = await createUser(needDb(), body);
    forgetAccounts();
    res.status(201).json({ user });
  });

  // An admin changes anyone's role or password; a signed-in account changes its own password.
  routes.patch('/users/:name', requireRole('viewer'), async (req, res) => {
    const { name } = parseInput(UserNameParams, req.params, 'params');
    const change = parseInput(UserUpdate, req.body ?? {}, 'body');
    const p = principal(res);
    const self = p.via === 'session' && p.name === name && change.role === undefined;
    if (p.role !== 'admin' && !self) throw new ForbiddenError('admin', p);
    await refuseLastAdmin(needDb(), name, change.role);
    res.json({ user: await updateUser(needDb(), name, change) });
  });

  routes.delete('/users/:name', requireRole('admin'), async (req, res) => {
    const { name } = parseInput(UserNameParams, req.params, 'params');
    await refuseLastAdmin(needDb(), name, 'viewer');
    await removeUser(needDb(), name);
    forgetAccounts();
    res.status(204).end();
  });

  return { authenticate: [cookieParser(), authenticate], routes, readGate };
}

/** Through the API, the last admin account cannot demote or remove itself (the CLI can, on the server's machine). */
async function refuseLastAdmin(db: Db, name: string, newRole: Role | undefined): Promise<void> {
  if (newRole === undefined || newRole === 'admin') return;
  const users = await listUsers(db);
  const target = users.find((u) => u.name === name);
  if (target?.role === 'admin' && users.filter((u) => u.role === 'admin').length === 1) {
    throw new AppError('LastAdmin', 409, `"${name}" is the last admin account: make another admin first`, { name });
  }
}
