// The whole network's positions, laid out once per graph version in a worker thread (never on the event loop) and
// shared by every page (GET /api/graph/layout): a page that gets them draws at once instead of running ForceAtlas2
// itself (~6 s on 10k/50k, 1.5 s on 2k/5k). Kept on disk with the first page's answers (KeptAnswers), so a server
// started again has them at once; a new version starts from the previous one's positions, so the picture a user
// knows survives an import. Anything missing or failed is simply "the page lays out itself".
import path from 'node:path';
import type { GraphLayout } from '../../model/schema';
import { DEFAULT_GRAPH_LIMITS, type GraphLimits } from '../config';
import type { Db } from '../db';
import { graphIdentity, type GraphIdentity, type KeptAnswers } from '../graph/answers';
import { readTotals } from '../graph/stats';
import { WorkerThread } from '../worker-thread';
import type { PageActivity } from '../warm-up';
import type { LayoutEffort, LayoutSeed, LayoutThreadDone, LayoutThreadRequest } from './worker';

const WORKER_ENTRY = path.join(__dirname, 'worker-entry.js');
/** Background work, like the metrics: the event loop serving requests, and the pages' own layouts, go first. */
export const LAYOUT_NICE = 10;
/** How long GET /api/graph/layout waits for the current version's layout under way (it started before the page's would). */
export const LAYOUT_WAIT_MS = 3_000;
/** A version is laid out once no write has moved it for this long (an import's batches, a burst of edits). */
export const LAYOUT_QUIET_MS = 3_000;
/** After a failed layout, the same version is tried again only after this long. */
const RETRY_AFTER_MS = 30_000;
/** The kept answer's name (server/graph/answers.ts). */
const NAME = 'layout';

export interface GraphLayoutsOptions {
  /** Where the layouts are kept on disk (the first page's answers'); none: in memory only. */
  answers?: KeptAnswers;
  /** Pages loading and drawing their network: a layout waits for them (the page's own layout needs the cores). */
  pages?: PageActivity;
  /** The whole-network limit: larger graphs are never laid out whole (default DEFAULT_GRAPH_LIMITS). */
  limits?: GraphLimits;
  waitMs?: number;
  quietMs?: number;
  /** The thread's time budget and iterations (tests make them small). */
  effort?: LayoutEffort;
  log?: (message: string) => void;
}

const keyOf = (id: GraphIdentity) => `${id.database}/${id.version}`;

/** The layout thread (server/worker-thread.ts), at a lower CPU priority than the event loop. */
export class LayoutWorker extends WorkerThread<Omit<LayoutThreadRequest, 'id'>, LayoutThreadDone> {
  constructor() {
    super({ entry: WORKER_ENTRY, name: 'the layout worker', nice: LAYOUT_NICE });
  }
}

export class GraphLayouts {
  private readonly worker = new LayoutWorker();
  private readonly waitMs: number;
  private readonly quietMs: number;
  private readonly log: (message: string) => void;
  /** The newest layout at hand: the answer as sent, and its positions to seed the next version's. */
  private ready?: { key: string; body: string; seed: LayoutSeed };
  private running?: { key: string; done: Promise<void> };
  private failed?: { key: string; at: number; message: string };
  private tooLarge?: string;
  /** The newest version seen, and since when (the quiet time before it is laid out). */
  private seen?: { key: string; since: number };
  private timer?: NodeJS.Timeout;
  private checking?: Promise<void>;
  /** Whether layouts may start: at once, or (watch) once its `after` settled. */
  private open = true;
  private gate: Promise<void> = Promise.resolve();
  private closed = false;
  /** Layouts computed by this process, and how the last one went (observability, tests). */
  computed = 0;
  last?: { version: number; actors: number; iterations: number; seeded: number; ms: number };

  constructor(private readonly db: Db, private readonly opts: GraphLayoutsOptions = {}) {
    this.waitMs = opts.waitMs ?? LAYOUT_WAIT_MS;
    this.quietMs = opts.quietMs ?? LAYOUT_QUIET_MS;
    this.log = opts.log ?? ((m) => console.log(`[maillage] ${m}`));
  }

  /**
   * GET /api/graph/layout's answer (JSON text): the current version's positions, waiting up to waitMs for them when
   * they are being computed; else why not. Without watch(), a request starts the computation itself.
   */
  async answer(): Promise<string> {
    const id = await graphIdentity(this.db);
    const key = keyOf(id);
    const at = await this.find(id);
    if (at) return at;
    await this.check({ now: !this.timer });
    if (this.running?.key === key && this.waitMs > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([this.running.done, new Promise((r) => { timer = setTimeout(r, this.waitMs); })]);
      clearTimeout(timer);
      const now = await this.find(id);
      if (now) return now;
    }
    const status: GraphLayout['status'] = this.tooLarge === key ? 'too-large' : this.failed?.key === key && !this.running ? 'failed' : 'computing';
    return JSON.stringify({ status, version: id.version } satisfies GraphLayout);
  }

  /**
   * Reads the graph's identity and starts its layout unless one is at hand, kept, under way, too large, or failed
   * lately. A new version waits quietMs (writes come in bursts) and for pages to be drawn — unless `now`.
   */
  check(opts: { now?: boolean } = {}): Promise<void> {
    // One check at a time: two (the poll and a request) could both find nothing running and start two layouts.
    this.checking ??= this.checkOnce(opts).finally(() => { this.checking = undefined; });
    return this.checking;
  }

  private async checkOnce(opts: { now?: boolean }): Promise<void> {
    if (this.closed || this.running || !this.open) return;
    const id = await graphIdentity(this.db);
    const key = keyOf(id);
    if (id.version <= 0 || this.tooLarge === key || (await this.find(id))) return;
    if (this.failed?.key === key && Date.now() - this.failed.at < RETRY_AFTER_MS) return;
    const first = !this.seen;
    if (this.seen?.key !== key) this.seen = { key, since: Date.now() };
    if (!opts.now) {
      // The first version this process sees is laid out at once (start-up: nothing was written a moment ago).
      if (!first && Date.now() - this.seen.since < this.quietMs) return;
      if (this.opts.pages?.busy) return;
    }
    const t = await readTotals(this.db);
    const limits = this.opts.limits ?? DEFAULT_GRAPH_LIMITS;
    // The graphs whose whole network a page draws: whole at once (GET /api/graph), or on demand (*Réseau entier*).
    if (!(t.actors + t.relationships <= limits.graph || (t.actors <= limits.whole && t.relationships <= limits.whole))) {
      this.tooLarge = key;
      return;
    }
    const seed = await this.seedFor(id);
    if (this.closed) return;
    this.start(id, key, seed);
  }

  /**
   * Polls the graph version every `ms` (writes by this process and others), laying out each new one — from when
   * `after` settles (index.ts: the warm-up's end, so that a page opened as the server starts does not share the
   * cores and a cold Neo4j with the thread's start and its read of the graph). Kept layouts are served meanwhile.
   */
  watch(ms = 1000, after: Promise<unknown> = Promise.resolve()): void {
    if (this.timer) return;
    this.open = false;
    const gate = after.then(() => { this.open = true; }, () => { this.open = true; });
    this.gate = gate;
    this.timer = setInterval(() => void this.check().catch(() => undefined), ms);
    this.timer.unref();
    void gate.then(() => this.check()).catch(() => undefined);
  }

  /** Resolves once the current version's layout is done or not to be done (tests, benches: a server that has been up). */
  async idle(): Promise<void> {
    await this.gate;
    await this.check();
    while (this.running) await this.running.done;
  }

  /** Stops polling and the thread (a layout under way is dropped). */
  close(): void {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.worker.stop();
  }

  /** The answer for exactly this database and version: in memory, or kept on disk (then in memory). */
  private async find(id: GraphIdentity): Promise<string | undefined> {
    const key = keyOf(id);
    if (this.ready?.key === key) return this.ready.body;
    const kept = await this.opts.answers?.get(NAME, id);
    const seed = kept && seedOf(kept.body);
    if (!kept || !seed) return undefined;
    this.ready = { key, body: kept.body, seed };
    return kept.body;
  }

  /** The positions to start from: the last layout at hand, else the one kept for an older version of this database. */
  private async seedFor(id: GraphIdentity): Promise<LayoutSeed | undefined> {
    if (this.ready?.key.startsWith(`${id.database}/`)) return this.ready.seed;
    const kept = await this.opts.answers?.latest(NAME, id.database);
    return kept && kept.version < id.version ? seedOf(kept.answer.body) : undefined;
  }

  private start(id: GraphIdentity, key: string, seed: LayoutSeed | undefined): void {
    const done = this.worker.run({ type: 'layout', source: { db: this.db.config }, seed, effort: this.opts.effort }).then(
      async (m) => {
        // The thread read the version before the graph: a write meanwhile labels it older (laid out again next check).
        const of = { database: id.database, version: m.version };
        const body: GraphLayout = {
          status: 'ready', version: m.version, ids: m.ids, xy: Array.from(m.xy, (v) => Math.round(v * 10) / 10),
          iterations: m.iterations, computedAt: new Date().toISOString(), scale: m.scale,
        };
        const text = JSON.stringify(body);
        this.ready = { key: keyOf(of), body: text, seed: { ids: m.ids, xy: m.xy, scale: m.scale } };
        this.failed = undefined;
        this.computed += 1;
        this.last = { version: m.version, actors: m.ids.length, iterations: m.iterations, seeded: m.seeded, ms: m.ms };
        this.log(`layout of graph version ${m.version}: ${m.ids.length} actors, ${m.iterations} iterations in ${m.ms} ms (read ${m.readMs} ms)${seed ? `, ${m.seeded} placed as in the previous version` : ''}`);
        await this.opts.answers?.put(NAME, of, { meta: {}, body: text });
      },
      (e: Error) => {
        this.failed = { key, at: Date.now(), message: e.message };
        if (!this.closed) this.log(`layout of graph version ${id.version} failed (pages lay the network out themselves): ${e.message}`);
      },
    );
    const running = { key, done: done.finally(() => { if (this.running === running) this.running = undefined; }) };
    this.running = running;
    // The graph may have moved meanwhile: its newest version next (after the quiet time).
    void running.done.then(() => (this.timer ? this.check() : undefined)).catch(() => undefined);
  }
}

/** The positions of a kept answer, or undefined when it is not a ready layout. */
function seedOf(body: string): LayoutSeed | undefined {
  try {
    const b = JSON.parse(body) as GraphLayout;
    if (b.status !== 'ready' || b.xy.length !== 2 * b.ids.length) return undefined;
    return { ids: b.ids, xy: Float32Array.from(b.xy), scale: b.scale };
  } catch {
    return undefined;
  }
}
