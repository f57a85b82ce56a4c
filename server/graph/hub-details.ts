// The details of the graph's hubs (GET /api/actors/:id for the actors with the most ties: the overview's first, the
// ones users click first), computed in the background once per graph version and served from memory while the
// version is unchanged. A hub's details read the sort keys of every one of its ties (Neo4j keeps no order on a
// node's relationships): ~80 ms for 20,000 ties on the 2-core machine, where an actor of a few hundred ties takes a
// few ms. Every write moves the version (docs/design.md §1): a kept answer is served only for the version it was
// read at, after one small query.
import type { Db } from '../db';
import { actorDetail } from '../routes/actors';
import type { PageActivity } from '../warm-up';
import { readSize, type GraphDigests } from './digest';
import { graphVersion } from './version';

export interface HubDetailsOptions {
  /** How many actors of the degree ranking are looked at, at most (default 100). */
  top?: number;
  /** Actors with fewer ties are not kept: their details are read fast enough (default 1,000). */
  minTies?: number;
  /** The `limit`s kept (default: 25, what the details panel asks; 100, the API's default; 200, "Voir les N autres"). */
  limits?: number[];
  /** Pages loading their network: the next hub waits while one is (the page's layout and frames need the cores). */
  pages?: PageActivity;
  log?: (message: string) => void;
}

const keyOf = (id: string, limit: number) => `${limit}\u0000${id}`;

export class HubDetails {
  private kept?: { version: number; bodies: Map<string, string> };
  private filling?: { version: number; done: Promise<void> };
  private timer?: NodeJS.Timeout;
  private readonly top: number;
  private readonly minTies: number;
  private readonly limits: number[];
  private readonly log: (message: string) => void;
  /** Fills started by this process (observability, tests). */
  runs = 0;

  constructor(private readonly db: Db, private readonly digests: GraphDigests, private readonly opts: HubDetailsOptions = {}) {
    this.top = opts.top ?? 100;
    this.minTies = opts.minTies ?? 1_000;
    this.limits = [...(opts.limits ?? [25, 100, 200])].sort((a, b) => a - b);
    this.log = opts.log ?? ((m) => console.error(`[maillage] ${m}`));
  }

  /** The JSON body of `id`'s details at `limit` when kept for the current graph version. */
  async get(id: string, limit: number): Promise<string | undefined> {
    const k = this.kept;
    const body = k?.bodies.get(keyOf(id, limit));
    if (!k || body === undefined) return undefined;
    return (await graphVersion(this.db)) === k.version ? body : undefined;
  }

  /** The actors whose details are kept (tests, observability). */
  get keptIds(): string[] {
    return [...new Set([...(this.kept?.bodies.keys() ?? [])].map((k) => k.split('\u0000')[1]))];
  }

  /** Computes the hubs' details for the current version unless they are kept or under way; resolves when done. */
  async check(): Promise<void> {
    const version = await graphVersion(this.db);
    if (this.filling?.version === version) return this.filling.done;
    if (this.kept?.version === version) return;
    this.runs += 1;
    const run = { version, done: this.fill(version) };
    this.filling = run;
    run.done
      .catch((e: Error) => this.log(`hubs' details not computed: ${e.message}`))
      .finally(() => { if (this.filling === run) this.filling = undefined; });
    return run.done.catch(() => undefined);
  }

  /** Checks every `pollMs` (the version moves with writes from any process). */
  watch(pollMs = 5_000): void {
    // Neo4j away: the next poll tries again (a rejection left unhandled would end the process).
    void this.check().catch(() => undefined);
    this.timer ??= setInterval(() => void this.check().catch(() => undefined), pollMs);
    this.timer.unref();
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /**
   * The degree ranking of `version` (its background scan), then each hub in that order, one query at a time, kept
   * as soon as read; stops at the first actor with fewer than `minTies` ties (the next ones have fewer).
   */
  private async fill(version: number): Promise<void> {
    const ranking = await this.digests.degree.current(version, await readSize(this.db));
    if (ranking.version !== version) return;
    const bodies = new Map<string, string>();
    this.kept = { version, bodies };
    for (const id of ranking.value.ids.slice(0, this.top)) {
      await this.opts.pages?.settled();
      // A newer version's fill took over (what is read after a write is never served: get() checks the version).
      if (this.kept?.version !== version) return;
      for (const limit of this.limits) {
        const detail = await actorDetail(this.db, id, limit);
        if (!detail) break;
        if (detail.relationshipCounts.reduce((n, g) => n + g.total, 0) < this.minTies) return;
        bodies.set(keyOf(id, limit), JSON.stringify(detail));
      }
    }
  }
}
