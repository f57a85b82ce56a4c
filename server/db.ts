// The only module that imports neo4j-driver: connection, queries, transactions and Neo4j → JSON mapping.
import neo4j, { type Driver, type ManagedTransaction, type QueryResult, type RecordShape } from 'neo4j-driver';
import type { DbConfig } from './config';
import { AppError, DatabaseUnavailableError, QueryTimeoutError, ValidationError } from './errors';

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

/** A write unit of work: every statement in one transaction, committed together or not at all. */
export interface Tx {
  run(query: string, params?: Params): Promise<Row[]>;
}

export interface Db {
  /** Runs a read query (routed to readers on a cluster) and returns plain JSON rows. */
  read(query: string, params?: Params): Promise<Row[]>;
  /** Runs a single write statement (schema commands among them) in its own transaction. */
  write(query: string, params?: Params): Promise<Row[]>;
  /** Runs `work` in one write transaction: it commits when `work` resolves, rolls back when it throws. */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * Runs one statement as an auto-commit transaction, never retried: what `CALL { … } IN TRANSACTIONS` needs
   * (wiping a large graph in bounded batches).
   */
  autocommit(query: string, params?: Params): Promise<Row[]>;
  /** Runs a read query and hands each row to `onRow` as it arrives (large reads never sit in memory). */
  stream(query: string, params: Params, onRow: (row: Row) => void): Promise<void>;
  /** Resolves when the server answers `RETURN 1`; rejects with DatabaseUnavailable otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
  readonly uri: string;
  /** What it was connected with, so a worker thread can open its own connection to the same database. */
  readonly config: DbConfig;
  /** EXPLAIN of a console query (nothing runs): its query type and plan operators. */
  explain(query: string, params: Params, timeoutMs: number): Promise<ExplainInfo>;
  /** Runs one console query as a single auto-commit transaction, streaming rows up to the caps. */
  runConsole(query: string, params: Params, opts: ConsoleRunOptions): Promise<ConsoleResult>;
}

/** Prepended to a console query for the EXPLAIN pre-check (error positions on line 1 shift by its length). */
export const EXPLAIN_PREFIX = 'EXPLAIN ';

export interface ExplainInfo {
  /** 'r' read-only, 'rw' read-write, 'w' write-only, 's' schema write. */
  queryType: string;
  operators: { type: string; details: string }[];
}

export interface ConsoleRunOptions {
  timeoutMs: number;
  maxRows: number;
  /** Stop adding rows once their JSON would pass this many characters. */
  maxBytes: number;
  /** Write access mode (admin token proven); read access mode otherwise. */
  write: boolean;
}

export interface ConsoleResult {
  columns: string[];
  rows: Row[];
  /** Why rows are missing, if they are: the row cap or the size cap was reached. */
  truncatedBy?: 'rows' | 'bytes';
}

/** Timeouts of the routes' own queries (the console has its own), in ms. */
export const DEFAULT_QUERY_TIMEOUT_MS = 30_000;
export const DEFAULT_WRITE_TIMEOUT_MS = 120_000;

export function connect(cfg: DbConfig): Db {
  const auth = cfg.password !== undefined ? neo4j.auth.basic(cfg.user ?? 'neo4j', cfg.password) : undefined;
  const driverConfig = {
    disableLosslessIntegers: false,
    // A request waits at most this long for a free connection, then gets a 503 (pool exhausted).
    connectionAcquisitionTimeout: cfg.acquisitionTimeoutMs ?? 5_000,
    connectionTimeout: 5_000,
    // Retries of transient failures stop after 5 s, so a request fails with a 503 instead of hanging 30 s.
    maxTransactionRetryTime: 5_000,
    maxConnectionPoolSize: cfg.poolSize ?? 50,
  };
  const driver: Driver = neo4j.driver(cfg.uri, auth, driverConfig);
  // Console queries get their own small pool: users' heavy questions never take the routes' connections, and
  // a connection the server leaves hanging (Neo4j overflows its stack writing a deeply nested result and
  // never answers) is dropped by replacing this driver, not leaked.
  let consoleDriver: Driver | undefined;
  const consoleDrv = () => (consoleDriver ??= neo4j.driver(cfg.uri, auth, { ...driverConfig, maxConnectionPoolSize: 16 }));
  const dropConsoleDriver = (d: Driver) => {
    if (consoleDriver === d) consoleDriver = undefined;
    d.close().catch(() => undefined);
  };
  const database = cfg.database;
  // Every route's query has a server-side timeout: a heavy request is stopped by Neo4j, not left running.
  const readTx = { timeout: cfg.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS };
  const writeTx = { timeout: cfg.writeTimeoutMs ?? DEFAULT_WRITE_TIMEOUT_MS };

  const toRows = (r: QueryResult<RecordShape>) => r.records.map((rec) => toPlain(rec.toObject()) as Row);

  // Circuit breaker: once a query finds the database unreachable, requests get their 503 at once (instead of
  // each waiting out the driver's retries) while a probe pings every second; the first answer closes it again.
  let down = false;
  let closed = false;
  const pingOnce = async () => {
    // A plain session run, not executeQuery: a health check must answer at once, not retry.
    const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
    try {
      await session.run('RETURN 1 AS ok');
    } finally {
      await session.close();
    }
  };
  const probe = () => {
    const tick = () => {
      if (closed || !down) return;
      pingOnce().then(() => { down = false; }, () => { setTimeout(tick, PROBE_INTERVAL_MS).unref(); });
    };
    setTimeout(tick, PROBE_INTERVAL_MS).unref();
  };
  const guarded = async <T>(work: () => Promise<T>): Promise<T> => {
    if (down) throw new DatabaseUnavailableError();
    try {
      return await work();
    } catch (e) {
      if (isConnectionLost(e) && !down && !closed) {
        down = true;
        probe();
      }
      throw e;
    }
  };

  return {
    uri: cfg.uri,
    config: cfg,
    read(query, params = {}) {
      return guarded(async () =>
        toRows(await driver.executeQuery(query, toParams(params), { database, routing: neo4j.routing.READ, transactionConfig: readTx })));
    },
    write(query, params = {}) {
      return guarded(async () =>
        toRows(await driver.executeQuery(query, toParams(params), { database, routing: neo4j.routing.WRITE, transactionConfig: writeTx })));
    },
    transaction(work) {
      return guarded(async () => {
        const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
        try {
          return await session.executeWrite((tx: ManagedTransaction) =>
            work({ run: async (q, p = {}) => toRows(await tx.run(q, toParams(p))) }),
            writeTx,
          );
        } finally {
          await session.close();
        }
      });
    },
    autocommit(query, params = {}) {
      return guarded(async () => {
        const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
        try {
          return toRows(await session.run(query, toParams(params), writeTx));
        } finally {
          await session.close();
        }
      });
    },
    stream(query, params, onRow) {
      return guarded(async () => {
        const session = driver.session({ database, defaultAccessMode: neo4j.session.READ, fetchSize: 5000 });
        try {
          for await (const rec of session.run(query, toParams(params), writeTx)) onRow(toPlain(rec.toObject()) as Row);
        } finally {
          await session.close();
        }
      });
    },
    async ping() {
      try {
        await pingOnce();
        down = false;
      } catch (e) {
        throw new DatabaseUnavailableError(`the Neo4j database at ${cfg.uri} is not reachable: ${(e as Error).message}`);
      }
    },
    async close() {
      closed = true;
      await Promise.all([driver.close(), consoleDriver?.close()]);
    },
    explain(query, params, timeoutMs) {
      return guarded(() => explainOn(consoleDrv(), database, query, params, timeoutMs));
    },
    runConsole(query, params, opts) {
      return guarded(() => runConsoleOn(consoleDrv(), dropConsoleDriver, database, query, params, opts));
    },
  };
}

/** How often a database found unreachable is pinged until it answers again. */
const PROBE_INTERVAL_MS = 1_000;

/** Driver errors meaning the connection to the server is gone (as opposed to a query the server refused). */
const isConnectionLost = (e: unknown) => {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'ServiceUnavailable' || code === 'SessionExpired';
};

async function explainOn(driver: Driver, database: string | undefined, query: string, params: Params, timeoutMs: number): Promise<ExplainInfo> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    const r = await session.run(EXPLAIN_PREFIX + query, toParams(params), { timeout: timeoutMs });
    const operators: ExplainInfo['operators'] = [];
    type PlanNode = { operatorType: string; arguments?: Record<string, unknown>; children: PlanNode[] };
    const walk = (p: PlanNode) => {
      operators.push({ type: p.operatorType, details: String(p.arguments?.Details ?? '') });
      p.children.forEach(walk);
    };
    if (r.summary.plan) walk(r.summary.plan as unknown as PlanNode);
    return { queryType: String(r.summary.queryType), operators };
  } finally {
    await session.close();
  }
}

async function runConsoleOn(
  d: Driver, drop: (d: Driver) => void, database: string | undefined, query: string, params: Params, opts: ConsoleRunOptions,
): Promise<ConsoleResult> {
  // The transaction timeout stops the query on the server; this deadline also covers a server that never
  // answers after it, so the request always ends.
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      drop(d);
      reject(new QueryTimeoutError(opts.timeoutMs));
    }, opts.timeoutMs + CONSOLE_DEADLINE_GRACE_MS);
  });
  try {
    return await Promise.race([consoleRun(d, database, query, params, opts), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** How long past its transaction timeout a console query may take before its connection is given up. */
const CONSOLE_DEADLINE_GRACE_MS = 3_000;

async function consoleRun(driver: Driver, database: string | undefined, query: string, params: Params, opts: ConsoleRunOptions): Promise<ConsoleResult> {
  // session.run, not executeRead/Write: an auto-commit transaction is never retried, so a heavy query
  // runs once; the access mode makes the server itself refuse writes in a read session.
  const session = driver.session({
    database,
    defaultAccessMode: opts.write ? neo4j.session.WRITE : neo4j.session.READ,
    fetchSize: Math.min(opts.maxRows + 1, 1000),
  });
  try {
    const result = session.run(query, toParams(params), { timeout: opts.timeoutMs });
    const columns = [...(await result.keys())];
    const rows: Row[] = [];
    let bytes = 0;
    let truncatedBy: ConsoleResult['truncatedBy'];
    // Streamed: leaving the loop early cancels the rest of the result on the server.
    for await (const rec of result) {
      if (rows.length >= opts.maxRows) { truncatedBy = 'rows'; break; }
      const row = toPlain(rec.toObject()) as Row;
      bytes += JSON.stringify(row).length + 1;
      if (bytes > opts.maxBytes) { truncatedBy = 'bytes'; break; }
      rows.push(row);
    }
    return { columns, rows, truncatedBy };
  } finally {
    await session.close();
  }
}

/** Deepest nesting of lists and maps accepted in parameters and returned in results. */
export const MAX_VALUE_DEPTH = 64;

/**
 * JSON parameters → Neo4j values. The driver sends every JS number as a float, and LIMIT, SKIP, range()
 * and list indexes refuse floats: whole numbers become Cypher integers, other numbers stay floats.
 * Recursion is bounded: past MAX_VALUE_DEPTH levels the input is refused (a 400), never a stack overflow.
 */
export function toParams<T>(value: T, depth = 0): T {
  if (typeof value === 'number') return (Number.isSafeInteger(value) ? neo4j.int(value) : value) as T;
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_VALUE_DEPTH) {
    throw new ValidationError([{ field: 'params', message: `nested more than ${MAX_VALUE_DEPTH} levels deep` }]);
  }
  // Loops, no closure per list (tsx's keepNames names each): an import's batch holds 10,000 ties' lists and maps.
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      out[i] = typeof v === 'string' ? v : toParams(v, depth + 1);
    }
    return out as T;
  }
  if (Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const k in value) {
      if (Object.prototype.hasOwnProperty.call(value, k)) out[k] = toParams((value as Record<string, unknown>)[k], depth + 1);
    }
    return out as T;
  }
  return value;
}

/**
 * Neo4j values → plain JSON: Integers become numbers (strings past 2^53), temporals ISO strings,
 * nodes/relationships/paths small tagged objects. Everything the API returns goes through here.
 */
export function toPlain(value: unknown, depth = 0): unknown {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return neo4j.integer.inSafeRange(value) ? value.toNumber() : value.toString();
  if (typeof value !== 'object') return value;
  if (depth >= MAX_VALUE_DEPTH) {
    throw new AppError('ResultTooDeep', 422, `the result nests lists or maps more than ${MAX_VALUE_DEPTH} levels deep; flatten it`, { maxDepth: MAX_VALUE_DEPTH });
  }
  if (Array.isArray(value)) {
    // A loop, strings passed as they are: an import's scans return lists of a million strings in all.
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      out[i] = typeof v === 'string' ? v : toPlain(v, depth + 1);
    }
    return out;
  }
  // No closure: tsx's keepNames would name one per record (a defineProperty each).
  const d = depth + 1;
  if (neo4j.isNode(value)) {
    return { $kind: 'node', elementId: value.elementId, labels: value.labels, properties: toPlain(value.properties, d) };
  }
  if (neo4j.isRelationship(value)) {
    return {
      $kind: 'relationship',
      elementId: value.elementId,
      type: value.type,
      start: value.startNodeElementId,
      end: value.endNodeElementId,
      properties: toPlain(value.properties, d),
    };
  }
  if (neo4j.isPath(value)) {
    return {
      $kind: 'path',
      start: toPlain(value.start, d),
      end: toPlain(value.end, d),
      segments: value.segments.map((s) => ({
        start: toPlain(s.start, d),
        relationship: toPlain(s.relationship, d),
        end: toPlain(s.end, d),
      })),
    };
  }
  if (
    neo4j.isDate(value) || neo4j.isDateTime(value) || neo4j.isLocalDateTime(value) ||
    neo4j.isTime(value) || neo4j.isLocalTime(value) || neo4j.isDuration(value) || neo4j.isPoint(value)
  ) {
    return String(value);
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = toPlain(v, d);
  return out;
}
