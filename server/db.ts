// The only module that imports neo4j-driver: connection, queries, transactions and Neo4j → JSON mapping.
import neo4j, { type Driver, type ManagedTransaction, type QueryResult, type RecordShape } from 'neo4j-driver';
import type { DbConfig } from './config';
import { DatabaseUnavailableError } from './errors';

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

export function connect(cfg: DbConfig): Db {
  const auth = cfg.password !== undefined ? neo4j.auth.basic(cfg.user ?? 'neo4j', cfg.password) : undefined;
  const driver: Driver = neo4j.driver(cfg.uri, auth, {
    disableLosslessIntegers: false,
    connectionAcquisitionTimeout: 10_000,
    connectionTimeout: 5_000,
    // Retries of transient failures stop after 5 s, so a request fails with a 503 instead of hanging 30 s.
    maxTransactionRetryTime: 5_000,
    maxConnectionPoolSize: 50,
  });
  const database = cfg.database;

  const toRows = (r: QueryResult<RecordShape>) => r.records.map((rec) => toPlain(rec.toObject()) as Row);

  return {
    uri: cfg.uri,
    config: cfg,
    async read(query, params = {}) {
      return toRows(await driver.executeQuery(query, toParams(params), { database, routing: neo4j.routing.READ }));
    },
    async write(query, params = {}) {
      return toRows(await driver.executeQuery(query, toParams(params), { database, routing: neo4j.routing.WRITE }));
    },
    async transaction(work) {
      const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
      try {
        return await session.executeWrite((tx: ManagedTransaction) =>
          work({ run: async (q, p = {}) => toRows(await tx.run(q, toParams(p))) }),
        );
      } finally {
        await session.close();
      }
    },
    async autocommit(query, params = {}) {
      const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
      try {
        return toRows(await session.run(query, toParams(params)));
      } finally {
        await session.close();
      }
    },
    async stream(query, params, onRow) {
      const session = driver.session({ database, defaultAccessMode: neo4j.session.READ, fetchSize: 5000 });
      try {
        for await (const rec of session.run(query, toParams(params))) onRow(toPlain(rec.toObject()) as Row);
      } finally {
        await session.close();
      }
    },
    async ping() {
      // A plain session run, not executeQuery: a health check must answer at once, not retry.
      const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
      try {
        await session.run('RETURN 1 AS ok');
      } catch (e) {
        throw new DatabaseUnavailableError(`the Neo4j database at ${cfg.uri} is not reachable: ${(e as Error).message}`);
      } finally {
        await session.close();
      }
    },
    async close() {
      await driver.close();
    },
    async explain(query, params, timeoutMs) {
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
    },
    async runConsole(query, params, opts) {
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
    },
  };
}

/**
 * JSON parameters → Neo4j values. The driver sends every JS number as a float, and LIMIT, SKIP, range()
 * and list indexes refuse floats: whole numbers become Cypher integers, other numbers stay floats.
 */
export function toParams<T>(value: T): T {
  if (typeof value === 'number') return (Number.isSafeInteger(value) ? neo4j.int(value) : value) as T;
  if (Array.isArray(value)) return value.map(toParams) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = toParams(v);
    return out as T;
  }
  return value;
}

/**
 * Neo4j values → plain JSON: Integers become numbers (strings past 2^53), temporals ISO strings,
 * nodes/relationships/paths small tagged objects. Everything the API returns goes through here.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return neo4j.integer.inSafeRange(value) ? value.toNumber() : value.toString();
  if (Array.isArray(value)) return value.map(toPlain);
  if (neo4j.isNode(value)) {
    return { $kind: 'node', elementId: value.elementId, labels: value.labels, properties: toPlain(value.properties) };
  }
  if (neo4j.isRelationship(value)) {
    return {
      $kind: 'relationship',
      elementId: value.elementId,
      type: value.type,
      start: value.startNodeElementId,
      end: value.endNodeElementId,
      properties: toPlain(value.properties),
    };
  }
  if (neo4j.isPath(value)) {
    return {
      $kind: 'path',
      start: toPlain(value.start),
      end: toPlain(value.end),
      segments: value.segments.map((s) => ({
        start: toPlain(s.start),
        relationship: toPlain(s.relationship),
        end: toPlain(s.end),
      })),
    };
  }
  if (
    neo4j.isDate(value) || neo4j.isDateTime(value) || neo4j.isLocalDateTime(value) ||
    neo4j.isTime(value) || neo4j.isLocalTime(value) || neo4j.isDuration(value) || neo4j.isPoint(value)
  ) {
    return String(value);
  }
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = toPlain(v);
    return out;
  }
  return value;
}
