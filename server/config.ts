// Reads and validates the environment once at start-up; everything else receives a typed Config.
import path from 'node:path';
import { z } from 'zod';

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  NEO4J_URI: z.string().regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/.+/, 'must be a neo4j:// or bolt:// URI').optional(),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z.string().optional(),
  MAILLAGE_SEED: z.string().default('seeds/ecosystem.json'),
  MAILLAGE_AUTOLOAD: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  MAILLAGE_CYPHER_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  MAILLAGE_CYPHER_MAX_ROWS: z.coerce.number().int().min(1).max(100_000).default(1000),
  MAILLAGE_CYPHER_MAX_BYTES: z.coerce.number().int().min(1024).max(100_000_000).default(5_000_000),
  MAILLAGE_CYPHER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  MAILLAGE_CYPHER_QUEUE: z.coerce.number().int().min(0).max(1000).default(8),
  // Short tokens are guessable; the console's writes are the one way to change data outside the loader.
  MAILLAGE_GRAPH_MAX_ELEMENTS: z.coerce.number().int().min(1).max(10_000_000).default(20_000),
  MAILLAGE_WHOLE_MAX_RELATIONSHIPS: z.coerce.number().int().min(1).max(10_000_000).default(50_000),
  MAILLAGE_ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  MAILLAGE_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  MAILLAGE_WRITE_TIMEOUT_MS: z.coerce.number().int().min(1000).max(3_600_000).default(120_000),
  MAILLAGE_POOL_ACQUISITION_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5000),
  MAILLAGE_RATE_WINDOW_MS: z.coerce.number().int().min(1000).max(3_600_000).default(60_000),
  MAILLAGE_RATE_CONSOLE: z.coerce.number().int().min(0).default(60),
  MAILLAGE_RATE_SEARCH: z.coerce.number().int().min(0).default(600),
  MAILLAGE_RATE_IMPORTS: z.coerce.number().int().min(0).default(20),
  MAILLAGE_ALLOWED_HOSTS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^(\*\.)?[a-z0-9.-]+$/, 'must be host names separated by commas (a leading *. allows subdomains)'))),
  MAILLAGE_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  MAILLAGE_PUBLIC_READ: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  MAILLAGE_SESSION_HOURS: z.coerce.number().min(0.1).max(24 * 90).default(12),
  MAILLAGE_IMPORT_DIR: z.string().default('.data/imports'),
  MAILLAGE_IMPORT_MAX_MB: z.coerce.number().int().min(1).max(100_000).default(512),
  MAILLAGE_IMPORT_BATCH: z.coerce.number().int().min(1).max(100_000).default(10_000),
  // Three: on two cores the importer and Neo4j share the CPU, and a third transaction fills the gaps while one
  // commits and the next batch is packed (bench/README.md, import, after 9: write phase 31-36 s vs 35-37 s with two).
  MAILLAGE_IMPORT_WRITERS: z.coerce.number().int().min(1).max(8).default(3),
  MAILLAGE_ANSWERS_DIR: z.string().default('.data/answers'),
});

export interface DbConfig {
  uri: string;
  user?: string;
  password?: string;
  database?: string;
  /** Server-side timeout of the routes' read queries (db.read), ms. */
  queryTimeoutMs?: number;
  /** Server-side timeout of write statements and transactions (db.write, db.transaction), ms. */
  writeTimeoutMs?: number;
  /** How long a query waits for a free pooled connection before a 503, ms. */
  acquisitionTimeoutMs?: number;
  poolSize?: number;
}

/** The Cypher console's limits (server/cypher/); writes only with `adminToken`, when one is set. */
export interface CypherConfig {
  timeoutMs: number;
  maxRows: number;
  /** Approximate cap on the JSON size of the rows returned. */
  maxBytes: number;
  adminToken?: string;
  /** Console queries run at once; more wait in a queue of `queue` places, then get a 503. */
  concurrency?: number;
  queue?: number;
}

export const DEFAULT_CYPHER_CONFIG: CypherConfig = { timeoutMs: 5000, maxRows: 1000, maxBytes: 5_000_000, concurrency: 4, queue: 8 };

/** Requests per client (IP) per window on the costly routes; 0 turns a limit off. */
export interface RateConfig {
  windowMs: number;
  console: number;
  search: number;
  imports: number;
}

export const DEFAULT_RATE_CONFIG: RateConfig = { windowMs: 60_000, console: 60, search: 600, imports: 20 };

/** What the HTTP layer enforces before any route (server/middleware/). */
export interface ServiceConfig {
  /** Public host names served besides loopback names and IP literals (DNS-rebinding protection). */
  allowedHosts: string[];
  rate: RateConfig;
}

export const DEFAULT_SERVICE_CONFIG: ServiceConfig = { allowedHosts: [], rate: DEFAULT_RATE_CONFIG };

/** How much of the graph a single answer may carry (GET /api/graph, GET /api/graph/elements). */
export interface GraphLimits {
  /** GET /api/graph (everything, with evidence): actors + relationships at most. */
  graph: number;
  /** GET /api/graph/elements: actors at most and relationships at most, after filters. */
  whole: number;
}

export const DEFAULT_GRAPH_LIMITS: GraphLimits = { graph: 20_000, whole: 50_000 };

export interface Config {
  port: number;
  host: string;
  /** Undefined when the app should start and use the local embedded Neo4j. */
  db?: DbConfig;
  seedFile: string;
  autoload: boolean;
  cypher: CypherConfig;
  service: ServiceConfig;
  /** Timeouts and pool wait for the routes' queries, merged into the DbConfig used. */
  queries: Pick<DbConfig, 'queryTimeoutMs' | 'writeTimeoutMs' | 'acquisitionTimeoutMs'>;
  /** How long in-flight requests may run on after SIGTERM before their connections are cut. */
  shutdownGraceMs: number;
  /** Anonymous reads allowed (MAILLAGE_PUBLIC_READ). */
  publicRead: boolean;
  sessionHours: number;
  limits: GraphLimits;
  /** Uploaded import files: where they wait between preview and commit, and the largest accepted. */
  imports: { dir: string; maxFileBytes: number; maxFiles: number; batchSize: number; writers: number };
  /** Where the first page's answers are kept per database and graph version (server/graph/answers.ts); none when undefined. */
  answersDir?: string;
}

/** Parses the environment; throws with every bad variable named. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`invalid configuration:\n${lines}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    db: e.NEO4J_URI
      ? { uri: e.NEO4J_URI, user: e.NEO4J_USER, password: e.NEO4J_PASSWORD, database: e.NEO4J_DATABASE }
      : undefined,
    seedFile: e.MAILLAGE_SEED,
    autoload: e.MAILLAGE_AUTOLOAD,
    cypher: {
      timeoutMs: e.MAILLAGE_CYPHER_TIMEOUT_MS,
      maxRows: e.MAILLAGE_CYPHER_MAX_ROWS,
      maxBytes: e.MAILLAGE_CYPHER_MAX_BYTES,
      adminToken: e.MAILLAGE_ADMIN_TOKEN,
      concurrency: e.MAILLAGE_CYPHER_CONCURRENCY,
      queue: e.MAILLAGE_CYPHER_QUEUE,
    },
    service: {
      allowedHosts: e.MAILLAGE_ALLOWED_HOSTS,
      rate: { windowMs: e.MAILLAGE_RATE_WINDOW_MS, console: e.MAILLAGE_RATE_CONSOLE, search: e.MAILLAGE_RATE_SEARCH, imports: e.MAILLAGE_RATE_IMPORTS },
    },
    queries: {
      queryTimeoutMs: e.MAILLAGE_QUERY_TIMEOUT_MS,
      writeTimeoutMs: e.MAILLAGE_WRITE_TIMEOUT_MS,
      acquisitionTimeoutMs: e.MAILLAGE_POOL_ACQUISITION_TIMEOUT_MS,
    },
    shutdownGraceMs: e.MAILLAGE_SHUTDOWN_GRACE_MS,
    publicRead: e.MAILLAGE_PUBLIC_READ,
    sessionHours: e.MAILLAGE_SESSION_HOURS,
    limits: { graph: e.MAILLAGE_GRAPH_MAX_ELEMENTS, whole: e.MAILLAGE_WHOLE_MAX_RELATIONSHIPS },
    imports: { dir: path.resolve(e.MAILLAGE_IMPORT_DIR), maxFileBytes: e.MAILLAGE_IMPORT_MAX_MB * 1024 * 1024, maxFiles: 10, batchSize: e.MAILLAGE_IMPORT_BATCH, writers: e.MAILLAGE_IMPORT_WRITERS },
    answersDir: e.MAILLAGE_ANSWERS_DIR === '' ? undefined : path.resolve(e.MAILLAGE_ANSWERS_DIR),
  };
}
