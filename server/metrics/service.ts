// Metrics kept per graph version: computed in a worker thread (never on the event loop), refreshed in the
// background when the version moves, served ranked and paged meanwhile (stale figures say so).
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ACTOR_KINDS, type MetricsPage, type MetricsQuery } from '../../model/schema';
import type { Db } from '../db';
import { graphVersion } from '../graph/version';
import type { Ranking } from '../graph/overview';
import { KIND_INDEX } from './graph';
import { actorMetrics, type MetricsColumns, type MetricsOptions } from './index';
import type { WorkerMessage, WorkerRequest } from './worker';

const WORKER_ENTRY = path.join(__dirname, 'worker-entry.js');
/** Communities listed in a page: the largest ones (an actor's `community` is its number, 0 = largest). */
const COMMUNITIES_LISTED = 100;
/** After a failed computation, the next request tries again only after this long. */
const RETRY_AFTER_MS = 10_000;

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

type Done = Extract<WorkerMessage, { type: 'done' }>;

/**
 * The metrics worker thread, started on first use and kept (its start-up is the slow part); unreferenced
 * while idle, so it never keeps a finished process alive. A crashed one is replaced on the next request.
 */
export class MetricsWorker {
  private worker?: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (m: Done) => void; reject: (e: Error) => void }>();

  private start(): Worker {
    const w = new Worker(WORKER_ENTRY, { execArgv: [] });
    w.on('message', (m: WorkerMessage) => {
      const p = this.pending.get(m.id);
      if (!p || m.type === 'progress') return;
      this.pending.delete(m.id);
      if (!this.pending.size) w.unref();
      if (m.type === 'done') p.resolve(m);
      else p.reject(new Error(m.message));
    });
    const fail = (e: Error) => {
      if (this.worker === w) this.worker = undefined;
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    };
    w.once('error', fail);
    w.once('exit', (code) => fail(new Error(`the metrics worker stopped (exit code ${code}) before it finished`)));
    return w;
  }

  run(req: Omit<WorkerRequest, 'id'>): Promise<Done> {
    this.worker ??= this.start();
    const id = this.nextId++;
    const done = new Promise<Done>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    // Referenced while it computes (a script awaiting the result must not exit first), not while idle.
    this.worker.ref();
    this.worker.postMessage({ ...req, id });
    return done;
  }

  /** Ends the thread (and whatever it is computing). */
  stop(): void {
    void this.worker?.terminate();
    this.worker = undefined;
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

  constructor(private readonly db: Db, private readonly opts: MetricsServiceOptions = {}) {
    this.waitMs = opts.waitMs ?? 2000;
  }

  /** Starts a computation unless one is under way; the version it computes is the one it reads. */
  refresh(): void {
    if (this.running) return;
    const started = performance.now();
    this.running = this.worker.run({ type: 'compute', source: { db: this.db.config }, options: this.opts.compute }).then(
      (m) => {
        this.result = { version: m.version, columns: m.columns, computedAt: new Date().toISOString(), durationMs: Math.round(performance.now() - started) };
        this.failure = undefined;
      },
      (e: Error) => {
        this.failure = { message: e.message, at: Date.now() };
        console.error(`[maillage] metrics computation failed: ${e.message}`);
      },
    ).finally(() => {
      this.running = undefined;
      // The graph moved while this one ran: compute again, in the background.
      if (!this.failure && this.result && this.result.version < this.latest) this.refresh();
    });
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
