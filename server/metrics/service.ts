// Metrics kept per graph version: computed in a worker thread (never on the event loop), refreshed in the
// background when the version moves, served ranked and paged meanwhile (stale figures say so).
import path from 'node:path';
import { ACTOR_KINDS, type MetricsPage, type MetricsQuery } from '../../model/schema';
import type { Db } from '../db';
import { graphVersion } from '../graph/version';
import type { Ranking } from '../graph/overview';
import { WorkerThread, WorkerThreadError } from '../worker-thread';
import { KIND_INDEX } from './graph';
import { actorMetrics, type MetricsColumns, type MetricsOptions } from './index';
import type { MetricsDone, MetricsProgress, WorkerRequest } from './worker';

const WORKER_ENTRY = path.join(__dirname, 'worker-entry.js');
/** Communities listed in a page: the largest ones (an actor's `community` is its number, 0 = largest). */
const COMMUNITIES_LISTED = 100;
/** After a failed computation, the next request tries again only after this long. */
const RETRY_AFTER_MS = 10_000;
/** A computation whose thread died is started again at once, this many times in a row at most. */
const CRASH_RETRIES = 2;
/**
 * The thread's nice value: computing is background work, and on a 2-core machine the event loop serving
 * requests (search p95) must win the CPU whenever it wants it.
 */
export const METRICS_NICE = 10;

export interface MetricsServiceOptions {
  /** How long a request waits for a computation under way before answering what there is (default 2 s). */
  waitMs?: number;
  /** Estimation settings passed to the worker (tests use them to force estimates on small graphs). */
  compute?: MetricsOptions;
}

interface Result {
  version: number;
  columns: MetricsColumns;
  computedAt: string;
  durationMs: number;
  /** Built on first use: id → index, and the PageRank order as ids and kinds (the overview's ranking). */
  index?: Map<string, number>;
  ranking?: Ranking;
}

/** How the last computation went: for logs and benches (the API gives durationMs). */
export interface MetricsRun {
  version: number;
  readMs: number;
  computeMs: number;
  phases: MetricsDone['phases'];
  /** Threads that died during it and were replaced (each retried). */
  crashes: string[];
}

type Done = { id: number; type: 'done' } & MetricsDone;

/** The metrics worker thread (server/worker-thread.ts), at a lower CPU priority than the event loop. */
export class MetricsWorker extends WorkerThread<Omit<WorkerRequest, 'id'>, MetricsDone, MetricsProgress> {
  constructor() {
    super({ entry: WORKER_ENTRY, name: 'the metrics worker', nice: METRICS_NICE });
  }
}

export class MetricsService {
  private result?: Result;
  private running?: Promise<void>;
  private readonly worker = new MetricsWorker();
  private failure?: { message: string; at: number };
  /** The newest graph version seen; a computation that ends older than it is followed by another. */
  private latest = -1;
  private timer?: NodeJS.Timeout;
  private readonly waitMs: number;
  private crashes: string[] = [];
  private closed = false;
  private last?: MetricsRun;

  constructor(private readonly db: Db, private readonly opts: MetricsServiceOptions = {}) {
    this.waitMs = opts.waitMs ?? 2000;
  }

  /** Starts a computation unless one is under way; the version it computes is the one it reads. */
  refresh(): void {
    if (this.running || this.closed) return;
    const started = performance.now();
    let retry = false;
    this.running = this.worker.run({ type: 'compute', source: { db: this.db.config }, options: this.opts.compute }).then(
      (m: Done) => {
        this.result = { version: m.version, columns: m.columns, computedAt: new Date().toISOString(), durationMs: Math.round(performance.now() - started) };
        this.last = { version: m.version, readMs: m.readMs, computeMs: m.computeMs, phases: m.phases, crashes: this.crashes };
        this.failure = undefined;
        this.crashes = [];
      },
      (e: Error) => {
        // A thread that died (not one stopped by close) is replaced and the computation started again.
        const crashed = e instanceof WorkerThreadError && !e.stopped && !this.closed;
        retry = crashed && this.crashes.length < CRASH_RETRIES;
        if (crashed) this.crashes.push(e.message);
        console.error(`[maillage] metrics computation failed${retry ? ', starting it again' : ''}: ${e.message}`);
        if (!retry) {
          this.failure = { message: e.message, at: Date.now() };
          this.crashes = [];
        }
      },
    ).finally(() => {
      this.running = undefined;
      // The thread died: again, in a new one. The graph moved while this one ran: compute again, in the background.
      if (retry || (!this.failure && this.result && this.result.version < this.latest)) this.refresh();
    });
  }

  /** The last computation that ended well: its version, step times and the crashes retried on the way. */
  lastRun(): MetricsRun | undefined {
    return this.last;
  }

  /** Reads the graph version and starts a computation when the figures are not for it. */
  async check(): Promise<number> {
    const version = await graphVersion(this.db);
    this.latest = Math.max(this.latest, version);
    const upToDate = this.result?.version === version;
    const mayRetry = !this.failure || Date.now() - this.failure.at > RETRY_AFTER_MS;
    if (!upToDate && !this.running && mayRetry) this.refresh();
    return version;
  }

  /** Polls the graph version every `ms`, so that writes by other processes are computed without a request. */
  watch(ms = 5000): void {
    this.timer ??= setInterval(() => void this.check().catch(() => undefined), ms);
    this.timer.unref();
  }

  /** Stops polling and any computation under way. */
  close(): void {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.worker.stop();
  }

  /** The PageRank order when the figures are those of `version` (else undefined: rank by degree). */
  ranking(version: number): Ranking | undefined {
    const r = this.result;
    if (!r || r.version !== version) return undefined;
    if (!r.ranking) {
      const order = r.columns.orders.pagerank;
      const ids: string[] = new Array<string>(order.length);
      const kinds: string[] = new Array<string>(order.length);
      for (let i = 0; i < order.length; i++) {
        ids[i] = r.columns.ids[order[i]];
        kinds[i] = ACTOR_KINDS[r.columns.kinds[order[i]]];
      }
      r.ranking = { version, ids, kinds };
    }
    return r.ranking;
  }

  /** One page of a ranking, with the status of the figures; waits up to waitMs for a computation under way. */
  async page(q: MetricsQuery): Promise<MetricsPage> {
    const version = await this.check();
    if (this.running && this.result?.version !== version && this.waitMs > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([this.running, new Promise((resolve) => { timer = setTimeout(resolve, this.waitMs); })]);
      clearTimeout(timer);
    }
    const r = this.result;
    const status: MetricsPage['status'] = r?.version === version ? 'fresh' : this.running ? (r ? 'stale' : 'computing') : this.failure ? 'failed' : r ? 'stale' : 'computing';
    const base = { status, graphVersion: version, sort: q.sort, offset: q.offset, limit: q.limit };
    const failed = this.failure && !this.running ? { error: this.failure.message } : {};
    if (!r) {
      return { ...base, ...failed, version: null, computedAt: null, durationMs: null, total: 0, metrics: [], communities: [], communityCount: 0, modularity: 0, parameters: null };
    }
    const c = r.columns;
    const order = c.orders[q.sort];
    let picked: ArrayLike<number>;
    let total: number;
    if (!q.kinds && !q.ids) {
      total = order.length;
      picked = order.subarray(q.offset, q.offset + q.limit);
    } else {
      const kinds = q.kinds ? new Set(q.kinds.map((k) => KIND_INDEX.get(k)!)) : undefined;
      let only: Uint8Array | undefined;
      if (q.ids) {
        r.index ??= new Map(c.ids.map((id, i) => [id, i]));
        only = new Uint8Array(order.length);
        for (const id of q.ids) {
          const i = r.index.get(id);
          if (i !== undefined) only[i] = 1;
        }
      }
      const out: number[] = [];
      total = 0;
      for (let j = 0; j < order.length; j++) {
        const i = order[j];
        if ((kinds && !kinds.has(c.kinds[i])) || (only && !only[i])) continue;
        if (total >= q.offset && out.length < q.limit) out.push(i);
        total += 1;
      }
      picked = out;
    }
    const listed = Math.min(COMMUNITIES_LISTED, c.communitySizes.length);
    return {
      ...base,
      ...failed,
      version: r.version,
      computedAt: r.computedAt,
      durationMs: r.durationMs,
      total,
      metrics: Array.from(picked, (i) => actorMetrics(c, i)),
      communities: Array.from({ length: listed }, (_, id) => ({ id, size: c.communitySizes[id] })),
      communityCount: c.communitySizes.length,
      modularity: c.modularity,
      parameters: c.parameters,
    };
  }
}
