// Builds the Express app from its dependencies (a Db, options); index.ts listens, tests call it directly.
import fs from 'node:fs';
import path from 'node:path';
import express, { type ErrorRequestHandler } from 'express';
import { createAuth, type AuthConfig } from './auth';
import type { Db } from './db';
import { AppError, DatabaseUnavailableError } from './errors';
import { actorRoutes } from './routes/actors';
import { duplicateRoutes } from './routes/duplicates';
import { editRoutes } from './routes/edits';
import { changeRoutes } from './routes/changes';
import { cypherRoutes } from './routes/cypher';
import type { CypherConfig, GraphLimits } from './config';
import { graphRoutes } from './routes/graph';
import { healthRoutes } from './routes/health';
import { exportRoutes } from './routes/export';
import { MetricsService } from './metrics/service';
import { metricsRoutes } from './routes/metrics';
import { pathRoutes } from './routes/paths';
import { relationshipRoutes } from './routes/relationships';
import { importTemplateRoutes } from './routes/imports-template';
import { fundingRoutes } from './routes/funding';
import { importRoutes, type ImportsConfig } from './routes/imports';
import { extractRoutes } from './routes/extract';

export interface AppOptions {
  /** Folder of the built client (vite build); served at / when it exists. */
  clientDir?: string;
  /** The Cypher console's limits and admin token (defaults: 5 s, 1000 rows, 5 MB, read-only). */
  cypher?: CypherConfig;
  /** Who may read and write (server/auth): the listening host, the admin token, public reads. Default: loopback, no token. */
  auth?: AuthConfig;
  /** How much of the graph one answer may carry (defaults: 20,000 elements whole, 50,000 by pages). */
  limits?: GraphLimits;
  /** Where uploaded import files wait, and their limits (default: .data/imports, 512 MB a file, 10 files). */
  imports?: ImportsConfig;
  /** The metrics kept per graph version (index.ts passes one that also polls for writes; default: a new one). */
  metrics?: MetricsService;
}

/** Driver errors that mean "the database is not there", as opposed to a bad query. */
function isUnavailable(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code;
  return code === 'ServiceUnavailable' || code === 'SessionExpired';
}

/** The one error handler: typed errors → their status and { error: { name, message, details } }; no stacks. */
const errorHandler: ErrorRequestHandler = (err, _req, res, _next) => {
  let e: AppError;
  if (err instanceof AppError) e = err;
  else if (isUnavailable(err)) e = new DatabaseUnavailableError();
  else if ((err as { type?: string }).type === 'entity.parse.failed') {
    e = new AppError('ValidationError', 400, `request body is not valid JSON: ${(err as Error).message}`, { issues: [{ field: 'body', message: 'invalid JSON' }] });
  } else if ((err as { type?: string }).type === 'entity.too.large') {
    e = new AppError('PayloadTooLarge', 413, 'request body is too large');
  } else {
    console.error('[maillage] unexpected error:', err);
    e = new AppError('InternalError', 500, 'an unexpected error occurred; it has been logged');
  }
  res.status(e.status).json({ error: { name: e.name, message: e.message, details: e.details } });
};

export function createApp(db: Db, opts: AppOptions = {}): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(express.json({ limit: '5mb' }));

  const api = express.Router();
  const auth = createAuth(db, opts.auth ?? { host: '127.0.0.1', adminToken: opts.cypher?.adminToken });
  api.use(auth.authenticate);
  api.use(healthRoutes(db));
  api.use(auth.routes);
  api.use(auth.readGate);
  const metrics = opts.metrics ?? new MetricsService(db);
  api.use(graphRoutes(db, { limits: opts.limits, ranking: (v) => metrics.ranking(v) }));
  api.use(relationshipRoutes(db));
  api.use(actorRoutes(db));
  api.use(duplicateRoutes(db));
  api.use(editRoutes(db));
  api.use(changeRoutes(db));
  api.use(cypherRoutes(db, opts.cypher));
  api.use(metricsRoutes(metrics));
  api.use(exportRoutes(db));
  api.use(pathRoutes(db));
  api.use(fundingRoutes(db));
  // The template first: /imports/template is not an import id.
  api.use(importTemplateRoutes());
  api.use(importRoutes(db, opts.imports));
  api.use(extractRoutes(db));
  api.use((req, res) => {
    res.status(404).json({ error: { name: 'NotFoundError', message: `no API route ${req.method} ${req.baseUrl}${req.path}` } });
  });
  app.use('/api', api);

  const clientDir = opts.clientDir;
  if (clientDir && fs.existsSync(path.join(clientDir, 'index.html'))) {
    app.use(express.static(clientDir, { index: 'index.html', maxAge: '1h' }));
    // Client-side views (shared URLs) fall back to the single page.
    app.get(/^\/(?!api\/).*/, (_req, res) => res.sendFile(path.join(clientDir, 'index.html')));
  }
  app.use(errorHandler);
  return app;
}
