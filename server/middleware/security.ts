// What every request passes before any route: security headers, the Host allow-list, cross-origin write refusal.
import type { Request, RequestHandler } from 'express';
import helmet from 'helmet';
import { AppError, ForbiddenRequestError } from '../errors';

/**
 * Security headers by helmet (maintained, MIT). The CSP fits the Vite build (module scripts from 'self', no
 * inline script), Cytoscape and CodeMirror (they set styles from script: 'unsafe-inline' styles only),
 * exports (data:/blob: images) and the API docs page; frame-ancestors 'none' forbids framing.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    // Served over plain HTTP on loopback by default: HSTS would only matter behind a TLS proxy, which sets it.
    strictTransportSecurity: false,
  });
}

/** The host part of a Host header: lower case, without the port; [::1] keeps its brackets. */
export function hostName(header: string): string {
  const h = header.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  const colon = h.lastIndexOf(':');
  return colon >= 0 ? h.slice(0, colon) : h;
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/**
 * Whether this server answers for `name`. IP literals are always served: DNS rebinding needs a name that an
 * attacker controls and points at us, and the browser's origin for an IP literal is that IP itself.
 * Loopback names (localhost, *.localhost) and the configured public names are served; nothing else.
 */
export function hostAllowed(name: string, allowed: readonly string[]): boolean {
  if (IPV4.test(name) || name.startsWith('[')) return true;
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  return configured(name, allowed);
}

/** `name` is one of the configured public names (`*.example.org` covers its subdomains and itself). */
const configured = (name: string, allowed: readonly string[]) =>
  allowed.some((a) => (a.startsWith('*.') ? name.endsWith(a.slice(1)) || name === a.slice(2) : name === a));

/** Refuses requests whose Host header names a host this server does not serve (DNS rebinding). */
export function hostCheck(allowed: readonly string[]): RequestHandler {
  return (req, _res, next) => {
    const header = req.get('host');
    if (!header) return next(new AppError('BadRequest', 400, 'the request has no Host header'));
    const name = hostName(header);
    if (hostAllowed(name, allowed)) return next();
    next(new ForbiddenRequestError('HostNotAllowed',
      `this server does not serve the host "${name}"; if it should, add it to MAILLAGE_ALLOWED_HOSTS`, { host: name }));
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Why a request that would change something comes from another site's page, or undefined when it does not. */
function crossOriginReason(req: Request, allowed: readonly string[]): string | undefined {
  const site = req.get('sec-fetch-site');
  if (site !== undefined) {
    // Browsers send it on every request: same-origin pages and direct navigation ('none') are ours.
    return site === 'same-origin' || site === 'none' ? undefined : `Sec-Fetch-Site: ${site}`;
  }
  const origin = req.get('origin');
  if (origin === undefined) return undefined; // not a browser (curl, scripts): no ambient credentials to abuse
  if (origin === 'null') return 'Origin: null';
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return `Origin: ${origin}`;
  }
  // Our own page: the origin is the host asked for, or one of the public names configured for this server.
  if (url.host.toLowerCase() === (req.get('host') ?? '').toLowerCase()) return undefined;
  return configured(url.hostname.toLowerCase(), allowed) ? undefined : `Origin: ${origin}`;
}

/** Refuses writes (POST, PUT, PATCH, DELETE) sent by a page of another origin (CSRF against the local admin). */
export function sameOriginWrites(allowed: readonly string[]): RequestHandler {
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const reason = crossOriginReason(req, allowed);
    if (!reason) return next();
    next(new ForbiddenRequestError('CrossOriginRefused', `writes are accepted from this site's own pages only (${reason})`, { reason }));
  };
}

/**
 * Request bodies must be UTF-8 JSON (415 otherwise), except on routes that take files, which parse their
 * own media types (`exempt` path prefixes, e.g. /imports).
 */
export function jsonBodiesOnly(exempt: readonly string[]): RequestHandler {
  return (req, _res, next) => {
    const hasBody = Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding') !== undefined;
    if (!hasBody || SAFE_METHODS.has(req.method) || exempt.some((p) => req.path.startsWith(p))) return next();
    if (req.is('application/json')) return next();
    next(new AppError('UnsupportedMediaType', 415,
      `the request body must be JSON (Content-Type: application/json), not ${req.get('content-type') ?? 'untyped'}`,
      { contentType: req.get('content-type') ?? null }));
  };
}
