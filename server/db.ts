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
  /** Resolves when the server answers `RETURN 1`; rejects with DatabaseUnavailable otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
  readonly uri: string;
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
