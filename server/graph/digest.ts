// What the large-graph routes need that no store answers in constant time — the stats' breakdown by kind,
// status, year and amount; every actor ranked by degree — computed by a scan per graph version in the
// background, kept in Neo4j (a restart does not lose it) and served from the last result while a newer one
// is computed: the first page opened after a write does not wait for a scan of a million ties.
import type { Db } from '../db';
import { Q } from '../queries';
import { degreeRanking, type Ranking } from './overview';
import { breakdownDigest, type Breakdown } from './stats';
import { graphVersion } from './version';

/** The graph's size, from the count store: tells whether a kept result is of a graph like this one. */
export interface GraphSize {
  actors: number;
  relationships: number;
}

/** A result and the graph version it was computed for; `stale` when the graph changed since (a newer one is computed). */
export interface Digested<T> {
  value: T;
  version: number;
  stale: boolean;
}

/** One kind of result: where it is kept, how it is computed, and how it is written as text. */
export interface DigestSpec<T> {
  /** Kept as `(:GraphDigest {id: key})`. */
  key: string;
  compute(db: Db): Promise<T>;
  encode(value: T): string;
  decode(text: string): T;
}

export interface DigestOptions {
  /**
   * Graphs of at most this many actors + relationships are computed on request, so their answer is exact at
   * once (a scan of 20,000 elements takes a few tens of ms). Default 20,000.
   */
  inlineMax?: number;
  /**
   * A result kept for an older version is served while the new one computes only if the graph's size moved
   * by at most this fraction since (an edit); past it (a large import) the request waits. Default 0.1.
   */
  drift?: number;
  /** Where failures of background computations are told (default: stderr). */
  log?: (message: string) => void;
  /** Awaited before each scan starts (tests: holds the scans so that a page meets the previous results). */
  hold?: () => Promise<void>;
}

interface Kept<T> {
  version: number;
  size: GraphSize;
  value: T;
}

const sameSize = (a: GraphSize, b: GraphSize) => a.actors === b.actors && a.relationships === b.relationships;

/**
 * One result per graph version, computed at most once at a time: requests for a version it does not have
 * start the computation and get the last result meanwhile (`stale`), unless the graph is small, the last
 * result is of a graph of another size, or there is none: those wait for the computation.
 */
export class BackgroundDigest<T> {
  private kept?: Kept<T>;
  private loaded?: Promise<void>;
  private running?: { version: number; done: Promise<Kept<T>> };
  /** Scans started by this process (observability, tests). */
  runs = 0;
  private readonly inlineMax: number;
  private readonly drift: number;
  private readonly log: (message: string) => void;
  private readonly hold?: () => Promise<void>;

  constructor(private readonly db: Db, private readonly spec: DigestSpec<T>, opts: DigestOptions = {}) {
    this.hold = opts.hold;
    this.inlineMax = opts.inlineMax ?? 20_000;
    this.drift = opts.drift ?? 0.1;
    this.log = opts.log ?? ((m) => console.error(`[maillage] ${m}`));
  }

  /** The result for `version` (the graph being of `size`), or the last one while it is computed. */
  async get(version: number, size: GraphSize): Promise<Digested<T>> {
    await (this.loaded ??= this.load());
    const k = this.kept;
    // Same version and same counts: a graph whose version was reset (its GraphState deleted) is not taken for the old one.
    if (k && k.version === version && sameSize(k.size, size)) return { value: k.value, version, stale: false };
    const done = this.start(version);
    if (!k || size.actors + size.relationships <= this.inlineMax || !this.comparable(k.size, size)) {
      const d = await done;
      return { value: d.value, version: d.version, stale: d.version < version };
    }
    return { value: k.value, version: k.version, stale: true };
  }

  /** The graph version of the last result (undefined before the first), without starting anything. */
  get keptVersion(): number | undefined {
    return this.kept?.version;
  }

  /** The result for `version` itself, waiting for its computation if need be (when the last one would not do). */
  async current(version: number, size: GraphSize): Promise<Digested<T>> {
    await (this.loaded ??= this.load());
    const k = this.kept;
    if (k && k.version === version && sameSize(k.size, size)) return { value: k.value, version, stale: false };
    const d = await this.start(version);
    return { value: d.value, version: d.version, stale: d.version < version };
  }

  /** Starts computing for `version` unless the result is of it already or under way (a poll after writes). */
  async check(version: number, size: GraphSize): Promise<void> {
    await (this.loaded ??= this.load());
    const k = this.kept;
    if (!(k && k.version === version && sameSize(k.size, size))) this.start(version).catch(() => undefined);
  }

  /** Resolves when no computation is under way (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running.done.catch(() => undefined);
  }

  private comparable(then: GraphSize, now: GraphSize): boolean {
    const was = then.actors + then.relationships;
    const is = now.actors + now.relationships;
    return was > 0 && Math.abs(is - was) <= this.drift * Math.max(is, was);
  }

  private start(version: number): Promise<Kept<T>> {
    if (this.running && this.running.version >= version) return this.running.done;
    // A computation for an older version is under way: this one follows it (one scan at a time).
    const before = this.running?.done.catch(() => undefined);
    this.runs += 1;
    const done = (async () => {
      await before;
      return this.compute();
    })();
    const run = { version, done };
    this.running = run;
    done.then(
      (k) => { if (!this.kept || k.version >= this.kept.version) this.kept = k; },
      (e: Error) => this.log(`graph digest "${this.spec.key}" failed: ${e.message}`),
    ).finally(() => { if (this.running === run) this.running = undefined; });
    return done;
  }

  /** Reads the version and size first: a write landing during the scan makes the result older than the graph, never newer. */
  private async compute(): Promise<Kept<T>> {
    await this.hold?.();
    const [version, size] = await Promise.all([graphVersion(this.db), readSize(this.db)]);
    const value = await this.spec.compute(this.db);
    const k: Kept<T> = { version, size, value };
    await this.db.write(Q.graphDigestWrite, { id: this.spec.key, version, actors: size.actors, relationships: size.relationships, value: this.spec.encode(value) })
      .catch((e: Error) => this.log(`graph digest "${this.spec.key}" not kept: ${e.message}`));
    return k;
  }

  /** The result kept by an earlier run (or another process), if any. */
  private async load(): Promise<void> {
    try {
      const [row] = await this.db.read(Q.graphDigestRead, { id: this.spec.key });
      if (!row || this.kept) return;
      this.kept = {
        version: row.version as number,
        size: { actors: row.actors as number, relationships: row.relationships as number },
        value: this.spec.decode(row.value as string),
      };
    } catch (e) {
      // Unreadable (another format, a failed read): computed again.
      this.log(`graph digest "${this.spec.key}" could not be read: ${(e as Error).message}`);
    }
  }
}

/** Actors and relationships of the whole graph, from the count store. */
export async function readSize(db: Db): Promise<GraphSize> {
  const [row] = await db.read(Q.graphTotals);
  return { actors: (row?.actors as number) ?? 0, relationships: (row?.relationships as number) ?? 0 };
}

/** The whole-graph scans the large-graph routes serve: the stats' breakdown and the degree ranking. */
export class GraphDigests {
  readonly breakdown: BackgroundDigest<Breakdown>;
  readonly degree: BackgroundDigest<Omit<Ranking, 'version'>>;
  private timer?: NodeJS.Timeout;

  constructor(private readonly db: Db, opts?: DigestOptions) {
    this.breakdown = new BackgroundDigest(db, breakdownDigest, opts);
    this.degree = new BackgroundDigest(db, degreeRanking, opts);
  }

  /** Starts what the current graph version lacks (the ranking first: the overview waits on it). */
  async check(): Promise<void> {
    const [version, size] = await Promise.all([graphVersion(this.db), readSize(this.db)]);
    await this.degree.check(version, size);
    await this.breakdown.check(version, size);
  }

  /**
   * Polls the graph version every `ms` (and once now), so that after a write — through this server or another
   * process (npm run import) — the scans run before anyone asks.
   */
  watch(ms = 5000): void {
    const tick = () => void this.check().catch(() => undefined);
    tick();
    this.timer ??= setInterval(tick, ms);
    this.timer.unref();
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Resolves when no scan is under way. */
  async idle(): Promise<void> {
    await Promise.all([this.degree.idle(), this.breakdown.idle()]);
  }
}
