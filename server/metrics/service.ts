// Metrics kept per graph version: computed in a worker thread (never on the event loop), refreshed in the
// background when the version moves, served ranked and paged meanwhile (stale figures say so).
import path from 'node:path';
import { ACTOR_KINDS, type MetricsPage, type MetricsQuery } from '../../model/schema';
import type { Db } from '../db';
import { BackgroundComputation } from '../background';
import type { Ranking } from '../graph/overview';
import { WorkerThread } from '../worker-thread';
import { KIND_INDEX } from './graph';
import { actorMetrics, type MetricsColumns, type MetricsOptions } from './index';
import type { MetricsDone, MetricsProgress, WorkerRequest } from './worker';

const WORKER_ENTRY = path.join(__dirname, 'worker-entry.js');
/** Communities listed in a page: the largest ones (an actor's `community` is its number, 0 = largest). */
const COMMUNITIES_LISTED = 100;
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

/** The figures of one version, with what is built from them on first use. */
interface Figures {
  columns: MetricsColumns;
  /** id → index, and the PageRank order as ids and kinds (the overview's ranking). */
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

/** Metrics per graph version, computed in the background in the metrics worker thread (server/background.ts). */
export class MetricsService {
  private readonly worker = new MetricsWorker();
  private readonly job: BackgroundComputation<Figures>;
  private last?: MetricsRun;

  constructor(db: Db, opts: MetricsServiceOptions = {}) {
    let run: Omit<MetricsRun, 'crashes'> | undefined;
    this.job = new BackgroundComputation<Figures>(
      db,
      async () => {
        const m: Done = await this.worker.run({ type: 'compute', source: { db: db.config }, options: opts.compute });
        run = { version: m.version, readMs: m.readMs, computeMs: m.computeMs, phases: m.phases };
        return { version: m.version, value: { columns: m.columns } };
      },
      { name: 'metrics', waitMs: opts.waitMs },
      (_r, crashes) => { if (run) this.last = { ...run, crashes }; },
    );
  }

  /** Starts a computation unless one is under way; the version it computes is the one it reads. */
  refresh(): void {
    this.job.refresh();
  }

  /** Reads the graph version and starts a computation when the figures are not for it. */
  check(): Promise<number> {
    return this.job.check();
  }

  /** Polls the graph version every `ms`, so that writes by other processes are computed without a request. */
  watch(ms = 5000): void {
    this.job.watch(ms);
  }

  /** Stops polling and any computation under way. */
  close(): void {
    this.job.close();
    this.worker.stop();
  }

  /** The last computation that ended well: its version, step times and the crashes retried on the way. */
  lastRun(): MetricsRun | undefined {
    return this.last;
  }

  /** The PageRank order when the figures are those of `version` (else undefined: rank by degree). */
  ranking(version: number): Ranking | undefined {
    const r = this.job.valueFor(version);
    if (!r) return undefined;
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
    const { status, graphVersion, result, error } = await this.job.state();
    const base = { status, graphVersion, sort: q.sort, offset: q.offset, limit: q.limit, ...(error ? { error } : {}) };
    if (!result) {
      return { ...base, version: null, computedAt: null, durationMs: null, total: 0, metrics: [], communities: [], communityCount: 0, modularity: 0, parameters: null };
    }
    const r = result.value;
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
      version: result.version,
      computedAt: result.computedAt,
      durationMs: result.durationMs,
      total,
      metrics: Array.from(picked, (i) => actorMetrics(c, i)),
      communities: Array.from({ length: listed }, (_, id) => ({ id, size: c.communitySizes[id] })),
      communityCount: c.communitySizes.length,
      modularity: c.modularity,
      parameters: c.parameters,
    };
  }
}
