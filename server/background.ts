// A result kept per graph version and computed in the background (metrics, duplicate candidates): one
// computation at a time, started again when the version moves or its worker thread dies, and a status that
// says what a request gets meanwhile.
import type { Db } from './db';
import { graphVersion } from './graph/version';
import { WorkerThreadError } from './worker-thread';

/** fresh: for the current graph version; stale: an older version's while the new one computes; computing: none yet; failed: the last try failed. */
export type BackgroundStatus = 'fresh' | 'stale' | 'computing' | 'failed';

export interface Computed<T> {
  /** The graph version the value describes: the one read before reading the graph. */
  version: number;
  value: T;
  computedAt: string;
  /** How long the computation took, reading the graph included (ms). */
  durationMs: number;
}

/** What a request gets: the status, the current graph version, the value if any, and the last error. */
export interface BackgroundState<T> {
  status: BackgroundStatus;
  graphVersion: number;
  result?: Computed<T>;
  /** Why the last computation failed (status failed). */
  error?: string;
}

export interface BackgroundOptions {
  /** Names it in logs ("metrics"). */
  name: string;
  /** How long a request waits for a computation under way before answering what there is (default 2 s). */
  waitMs?: number;
}

/** After a failed computation, the next request tries again only after this long. */
const RETRY_AFTER_MS = 10_000;
/** A computation whose thread died is started again at once, this many times in a row at most. */
const CRASH_RETRIES = 2;

/**
 * `compute` reads the graph version, then the graph, and resolves with both (a write during the read leaves
 * the value labelled with the older version: served as stale and computed again).
 */
export class BackgroundComputation<T> {
  private result?: Computed<T>;
  private running?: Promise<void>;
  private failure?: { message: string; at: number };
  /** The newest graph version seen; a computation that ends older than it is followed by another. */
  private latest = -1;
  private timer?: NodeJS.Timeout;
  private crashes: string[] = [];
  private closed = false;
  private readonly waitMs: number;

  constructor(
    private readonly db: Db,
    private readonly compute: () => Promise<{ version: number; value: T }>,
    private readonly opts: BackgroundOptions,
    /** Called when a computation ends well, with the thread crashes retried on the way. */
    private readonly onDone?: (r: Computed<T>, crashes: string[]) => void,
  ) {
    this.waitMs = opts.waitMs ?? 2000;
  }

  /** Starts a computation unless one is under way. */
  refresh(): void {
    if (this.running || this.closed) return;
    const started = performance.now();
    let retry = false;
    this.running = this.compute().then(
      ({ version, value }) => {
        this.result = { version, value, computedAt: new Date().toISOString(), durationMs: Math.round(performance.now() - started) };
        this.failure = undefined;
        this.onDone?.(this.result, this.crashes);
        this.crashes = [];
      },
      (e: Error) => {
        // A thread that died (not one stopped by close) is replaced and the computation started again.
        const crashed = e instanceof WorkerThreadError && !e.stopped && !this.closed;
        retry = crashed && this.crashes.length < CRASH_RETRIES;
        if (crashed) this.crashes.push(e.message);
        console.error(`[maillage] ${this.opts.name} computation failed${retry ? ', starting it again' : ''}: ${e.message}`);
        if (!retry) {
          this.failure = { message: e.message, at: Date.now() };
          this.crashes = [];
        }
      },
    ).finally(() => {
      this.running = undefined;
      // The thread died: again, in a new one. The graph moved while this one ran: again, in the background.
      if (retry || (!this.failure && this.result && this.result.version < this.latest)) this.refresh();
    });
  }

  /** Reads the graph version and starts a computation when the value is not for it. */
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

  /** Stops polling; no computation starts after this. */
  close(): void {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** The value when it is that of `version`. */
  valueFor(version: number): T | undefined {
    return this.result?.version === version ? this.result.value : undefined;
  }

  /** What a request gets, after waiting up to waitMs for a computation under way. */
  async state(): Promise<BackgroundState<T>> {
    const version = await this.check();
    if (this.running && this.result?.version !== version && this.waitMs > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([this.running, new Promise((resolve) => { timer = setTimeout(resolve, this.waitMs); })]);
      clearTimeout(timer);
    }
    const r = this.result;
    const status: BackgroundStatus = r?.version === version ? 'fresh' : this.running ? (r ? 'stale' : 'computing') : this.failure ? 'failed' : r ? 'stale' : 'computing';
    return { status, graphVersion: version, result: r, ...(this.failure && !this.running ? { error: this.failure.message } : {}) };
  }
}
