// Builds the Express app from its dependencies (a Db, options); index.ts listens, tests call it directly.
import fs from 'node:fs';
import path from 'node:path';
import express, { type RequestHandler } from 'express';
import { createAuth, type AuthConfig } from './auth';
import type { Db } from './db';
import { AppError, DatabaseUnavailableError } from './errors';
import { errorHandler } from './middleware/error-handler';
import { rateLimiters } from './middleware/rate-limit';
import { hostCheck, jsonBodiesOnly, sameOriginWrites, securityHeaders } from './middleware/security';
import { actorRoutes } from './routes/actors';
import type { DuplicatesOptions } from './duplicates';
import { duplicateRoutes } from './routes/duplicates';
import { editRoutes } from './routes/edits';
import { changeRoutes } from './routes/changes';
import { cypherRoutes } from './routes/cypher';
import { docsRoutes } from './routes/docs';
import { DEFAULT_SERVICE_CONFIG, type CypherConfig, type GraphLimits, type ServiceConfig } from './config';
import { GraphDigests } from './graph/digest';
import type { WholeGraph } from './graph/whole';
import type { KeptAnswers } from './graph/answers';
import type { HubDetails } from './graph/hub-details';
import type { GraphLayouts } from './layout/service';
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
import type { PageActivity } from './warm-up';

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
  /** The stats' breakdown and the degree ranking, scanned in the background per graph version (index.ts passes ones that poll for writes; default: new ones). */
  digests?: GraphDigests;
  /** Allowed host names and rate limits (defaults: loopback names only, DEFAULT_RATE_CONFIG). */
  service?: Partial<ServiceConfig>;
  /** Duplicate candidates (tests: a hold on the worker's computation). */
  duplicates?: DuplicatesOptions;
  /** Where the warm-up (server/warm-up.ts) sees pages loading their network (mounted on /api/graph). */
  pages?: PageActivity;
  /** GET /api/graph's answer kept per graph version (index.ts shares it with the warm-up, which fills it; default: a new one). */
  whole?: WholeGraph;
  /** The first page's answers kept on disk per database and graph version (index.ts; default: none kept). */
  answers?: KeptAnswers;
  /** The whole network's positions laid out per graph version (index.ts passes one that lays out in the background; default: laid out when asked). */
  layouts?: GraphLayouts;
  /** The hubs' details kept per graph version (index.ts; default: none, every request reads). */
  hubs?: HubDetails;
  /** Whether start-up work (seeding, recovery) is done: /api/health answers 503 "starting" until then. */
  ready?: () => boolean;
}

/** Paths under /api whose request bodies are files (CSV, XLSX, multipart), parsed by their own routes. */
const FILE_BODY_PATHS = ['/imports'];

function startupGate(ready: () => boolean): RequestHandler {
  return (_req, _res, next) => {
    if (ready()) return next();
    next(new DatabaseUnavailableError('the server is starting: it is waiting for Neo4j or preparing the database; try again in a few seconds', { reason: 'starting' }));
  };
}

/** Runs `h` only when the request path is exactly the mount path (app.use matches prefixes). */
const exactly = (h: RequestHandler): RequestHandler => (req, res, next) => (req.path === '/' ? h(req, res, next) : next());

export function createApp(db: Db, opts: AppOptions = {}): express.Express {
  const service = { ...DEFAULT_SERVICE_CONFIG, ...opts.service };
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // Before anything else, for every response (errors and static files included): headers, Host, origin.
  app.use(securityHeaders());
  app.use(hostCheck(service.allowedHosts));
  app.use(sameOriginWrites(service.allowedHosts));
  // Rate limits by path, so that routes added later under these paths are limited too.
  for (const l of rateLimiters(service.rate)) app.use(`/api${l.path}`, l.exact ? exactly(l.handler) : l.handler);
  app.use('/api', jsonBodiesOnly(FILE_BODY_PATHS));
  app.use(express.json({ limit: '5mb' }));

  const api = express.Router();
  const auth = createAuth(db, opts.auth ?? { host: '127.0.0.1', adminToken: opts.cypher?.adminToken });
  api.use(auth.authenticate);
  api.use(healthRoutes(db, opts.ready));
  api.use(docsRoutes());
  // Until start-up work is done (schema, recovery of interrupted change sets, seeds), nothing else is served.
  if (opts.ready) api.use(startupGate(opts.ready));
  api.use(auth.routes);
  api.use(auth.readGate);
  const metrics = opts.metrics ?? new MetricsService(db);
  if (opts.pages) api.use('/graph', opts.pages.watch);
  api.use(graphRoutes(db, { limits: opts.limits, ranking: (v) => metrics.ranking(v), digests: opts.digests ?? new GraphDigests(db), whole: opts.whole, answers: opts.answers, layouts: opts.layouts }));
  api.use(relationshipRoutes(db));
  api.use(actorRoutes(db, { hubs: opts.hubs }));
  api.use(duplicateRoutes(db, opts.duplicates));
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
  api.use((req, _res, next) => {
    next(new AppError('NotFoundError', 404, `no API route ${req.method} ${req.baseUrl}${req.path}`));
  });
  app.use('/api', api);

  const clientDir = opts.clientDir;
  if (clientDir && fs.existsSync(path.join(clientDir, 'index.html'))) {
    app.use(express.static(clientDir, { index: 'index.html', maxAge: '1h' }));
    // Client-side views (shared URLs) fall back to the single page.
    app.get(/^\/(?!api\/).*/, (_req, res) => res.sendFile(path.join(clientDir, 'index.html')));
  }
  app.use((req, _res, next) => next(new AppError('NotFoundError', 404, `nothing at ${req.method} ${req.path}`)));
  app.use(errorHandler);
  return app;
}
