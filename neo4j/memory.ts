// How much memory and disk each local Neo4j gets: heap, page cache, the transaction limits that keep one query
// from starving the others, and its transaction logs. Environment variables first, else defaults sized from
// the machine's RAM.
import os from 'node:os';

/** Whose instance it is: each reads its own variables (MAILLAGE_NEO4J_*, MAILLAGE_TEST_NEO4J_*, MAILLAGE_BENCH_NEO4J_*). */
export type Profile = 'app' | 'test' | 'bench';

export interface MemorySettings {
  /** JVM heap (-Xmx): queries, transaction state, caches. */
  heap: number;
  /** Page cache (server.memory.pagecache.size): the store files kept in memory, outside the heap. */
  pageCache: number;
  /** dbms.memory.transaction.total.max: all running transactions together. */
  txTotal: number;
  /** db.memory.transaction.max: one transaction; past it that transaction alone fails, the others go on. */
  txMax: number;
}

const MB = 1024 * 1024;
const GB = 1024 * MB;
const UNITS: Record<string, number> = { '': MB, k: 1024, m: MB, g: GB };

/** `6g`, `512m`, `512` (megabytes) → bytes; throws naming the variable for anything else. */
export function parseSize(text: string, name: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?)b?\s*$/i.exec(text);
  if (!m) throw new Error(`${name}=${text}: expected a size such as 6g, 512m or 512 (megabytes)`);
  return Math.round(Number(m[1]) * UNITS[m[2].toLowerCase()]);
}

/** Bytes → the JVM's and Neo4j's notation, rounded down to whole megabytes (`6144m`). */
export const toSetting = (bytes: number) => `${Math.max(1, Math.floor(bytes / MB))}m`;

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const PREFIX: Record<Profile, string> = { app: 'MAILLAGE_NEO4J_', test: 'MAILLAGE_TEST_NEO4J_', bench: 'MAILLAGE_BENCH_NEO4J_' };

/**
 * Defaults: the app and the bench get a quarter of the RAM as heap (1–8 GB: 6 GB on a 24 GB machine, 2 GB on
 * an 8 GB laptop) and an eighth as page cache (0.5–4 GB); the tests, whose graphs are small, 1 GB and 256 MB.
 * All transactions together may use half the heap, one transaction a quarter: a runaway query fails alone.
 */
export function memorySettings(profile: Profile, env: NodeJS.ProcessEnv = process.env, ram = os.totalmem()): MemorySettings {
  const v = (k: string) => env[PREFIX[profile] + k];
  const size = (k: string, fallback: number) => (v(k) ? parseSize(v(k)!, PREFIX[profile] + k) : fallback);
  const heap = size('HEAP', profile === 'test' ? GB : clamp(ram / 4, GB, 8 * GB));
  const pageCache = size('PAGECACHE', profile === 'test' ? 256 * MB : clamp(ram / 8, 512 * MB, 4 * GB));
  const txTotal = size('TX_TOTAL_MAX', heap / 2);
  const txMax = size('TX_MAX', Math.min(txTotal, heap / 4));
  if (txMax > txTotal) throw new Error(`${PREFIX[profile]}TX_MAX (${toSetting(txMax)}) cannot exceed ${PREFIX[profile]}TX_TOTAL_MAX (${toSetting(txTotal)})`);
  if (txTotal >= heap) throw new Error(`${PREFIX[profile]}TX_TOTAL_MAX (${toSetting(txTotal)}) must stay below the heap (${toSetting(heap)})`);
  return { heap, pageCache, txTotal, txMax };
}

/** How an instance keeps its transaction logs: what it costs on disk beyond the store itself. */
export interface StorageSettings {
  /** db.tx_log.preallocate: each log file is given its whole rotation size when it is created. */
  txLogPreallocate: boolean;
  /** db.tx_log.rotation.size: a new log file past this size. */
  txLogRotation: number;
  /** db.tx_log.rotation.retention_policy, in Neo4j's words: `false` (only what recovery needs), `1G size`, `2 days`… */
  txLogRetention: string;
}

const RETENTION = /^(true|false|\d+[kmg]? (files|size|txs|entries|hours|days))$/i;

/**
 * Defaults: the app and the bench keep 1 GB of past transaction logs (Neo4j's own default, 2 days, kept every
 * large import's logs: tens of GB after a few 1M-tie imports) and preallocate 256 MB files (sequential writes).
 * The tests' database holds a few megabytes: no preallocation (Neo4j's default preallocates 2 × 256 MB per
 * instance, and on a nearly full disk the database then fails to start), 16 MB files, no history.
 */
export function storageSettings(profile: Profile, env: NodeJS.ProcessEnv = process.env): StorageSettings {
  const name = (k: string) => PREFIX[profile] + k;
  const v = (k: string) => env[name(k)]?.trim() || undefined;
  const test = profile === 'test';
  const pre = v('TX_LOG_PREALLOCATE');
  if (pre !== undefined && !/^(true|false)$/i.test(pre)) throw new Error(`${name('TX_LOG_PREALLOCATE')}=${pre}: expected true or false`);
  const retention = v('TX_LOG_RETENTION') ?? (test ? 'false' : '1G size');
  if (!RETENTION.test(retention)) {
    throw new Error(`${name('TX_LOG_RETENTION')}=${retention}: expected false, true, or an amount and a unit such as "1G size", "10 files", "2 days"`);
  }
  const rotation = v('TX_LOG_ROTATION');
  return {
    txLogPreallocate: pre !== undefined ? pre.toLowerCase() === 'true' : !test,
    txLogRotation: rotation !== undefined ? parseSize(rotation, name('TX_LOG_ROTATION')) : test ? 16 * MB : 256 * MB,
    txLogRetention: retention,
  };
}

/** How the JVM and Neo4j manage memory while writing: the collector and where a transaction's changes are held. */
export interface RuntimeSettings {
  /** The JVM's garbage collector: `g1` (-XX:+UseG1GC, Neo4j's default) or `parallel` (-XX:+UseParallelGC). */
  gc: 'g1' | 'parallel';
  /** db.tx_state.memory_allocation: a transaction's uncommitted changes on the JVM heap or off it. */
  txState: 'on_heap' | 'off_heap';
  /** A neo4j.conf-style file of any other settings (`CONF`), read before the launcher's own: for measuring. */
  conf?: string;
}

const GCS = ['g1', 'parallel'] as const;
const TX_STATES = ['on_heap', 'off_heap'] as const;

/**
 * Defaults: the parallel collector (on two cores it spent 14 % less of Neo4j's CPU than G1, Neo4j's default,
 * writing 300k ties: bench/README.md, import, after 6) and transaction state on the heap (Neo4j's default; off
 * the heap cost more).
 */
export function runtimeSettings(profile: Profile, env: NodeJS.ProcessEnv = process.env): RuntimeSettings {
  const pick = <T extends string>(k: string, allowed: readonly T[], fallback: T): T => {
    const text = env[PREFIX[profile] + k]?.trim().toLowerCase();
    if (!text) return fallback;
    if (!(allowed as readonly string[]).includes(text)) throw new Error(`${PREFIX[profile]}${k}=${env[PREFIX[profile] + k]}: expected ${allowed.join(' or ')}`);
    return text as T;
  };
  const conf = env[PREFIX[profile] + 'CONF']?.trim();
  return { gc: pick('GC', GCS, 'parallel'), txState: pick('TX_STATE', TX_STATES, 'on_heap'), ...(conf ? { conf } : {}) };
}
