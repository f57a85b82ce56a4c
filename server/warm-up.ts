// Warms Neo4j once the database is ready: plans (and runs, warming the page cache) the queries of a first page,
// then those of a first click, then the rest of a first interaction (search, a tie's evidence, funding chains),
// so that neither the first page nor the first click pays Cypher's planning (~1 s each on a freshly started Neo4j).
// The rest waits while a page is loading and drawing (PageActivity): on 2 cores it would take the core the page's
// layout and first frames need. Background only: never awaited by start-up, never fatal.
import type { RequestHandler } from 'express';
import { REL_TYPES, type RelType } from '../model/schema';
import { tokens } from '../model/text';
import { DEFAULT_GRAPH_LIMITS } from './config';
import type { Db, Params, Row } from './db';
import { filterParams } from './graph/filters';
import type { WholeGraph } from './graph/whole';
import { Q, type QueryName } from './queries';
import { FUNDING_MAX_CHAINS } from './routes/funding';
import { fuzzyParams, neighborhoodParams, searchParams } from './routes/actors';

/** Past this, no further warm-up query is started (one already running ends by its own timeout). */
export const WARM_UP_BUDGET_MS = 60_000;

/** What the first steps found in the graph: its size, an actor and one of its ties, so the queries also run for real. */
interface Found { database?: string; version?: number; actors?: number; relationships?: number; elements?: number; actor?: string; tie?: { id: string; type: string } }
/** What the steps are given besides what they found. */
interface Ctx { wholeMax: number; wholeLimit: number; whole?: WholeGraph }
/**
 * When a step runs: `page`, what a first page reads (at once, unless a page has already asked it: that page plans
 * it); `click`, what a first selection or expansion reads; `rest`, the other first interactions. `click` and
 * `rest` wait while a page is loading and drawing its network (PageActivity).
 */
export type Phase = 'page' | 'click' | 'rest';
interface Step {
  phase: Phase;
  query: QueryName;
  runs: (f: Found, o: Ctx) => Params[];
  then?: (rows: Row[], f: Found) => void;
  /** How the step reads, when not by its query alone. */
  read?: (db: Db, params: Params, f: Found, o: Ctx) => Promise<Row[]>;
}

// Neo4j 5 keys its query cache on each parameter's type *and size class* — a string's length or a list's size:
// 0, 1, 2–10, 11–100, 101–1000 (measured on 5.26, tests/server/warm-up.int.test.ts) — so a query is planned once
// per class its parameters fall in. The runs below cover the classes a first interaction meets: ids of 2–10 and
// of 11–100 characters (ones that name no actor are planned, and cost nothing to run), searches of one letter,
// one word, several words and a long word, all types or one.
const pad = (n: number) => 'x'.repeat(n);
const IDS = [pad(8), pad(24)];
const TERMS = ['a', 'abcd', 'ab cd', 'abcdefghijkl', 'abcd efgh ijkl'];
const TYPE_SETS: RelType[][] = [[...REL_TYPES], ['FUNDS']];
// The client's sizes (client/api.ts, client/scope.ts, client/panels/details.ts): integers, or lists whose size
// class is what matters.
const SEARCH_LIMIT = 12;
const DETAIL_LIMIT = 25;
const NEIGHBOURHOOD_LIMIT = 150;
/** The largest graph (actors + ties) the first page asks whole (client/scope.ts WHOLE_MAX); past it, its overview. */
export const PAGE_WHOLE_MAX = 10_000;
/** The overview's actors (client/scope.ts OVERVIEW_SIZE: 300), as ids that name nothing (the size class is what is planned). */
const OVERVIEW_IDS = Array.from({ length: 300 }, (_, i) => `${pad(8)}${i}`);

/** The found actor's id (run first, for real) and the ids of each size class. */
const ids = (f: Found) => (f.actor ? [f.actor, ...IDS] : IDS);
const small = (f: Found, o: Ctx) => f.elements !== undefined && f.elements <= o.wholeMax;
const large = (f: Found, o: Ctx) => f.elements !== undefined && f.elements > o.wholeMax;
/** A large graph whose whole network the page offers on demand (GET /api/graph/elements: within the whole limit). */
const onDemand = (f: Found, o: Ctx) => large(f, o) && (f.actors ?? 0) <= o.wholeLimit && (f.relationships ?? 0) <= o.wholeLimit;
/**
 * The cursors of the whole network's pages (server/graph/elements.ts): the walk's start (empty strings), then the last
 * actor, tie and type of a page — each of ≤ 10 or ≤ 100 characters (PARTNERS_WITH has 13). Ids that name nothing come
 * after every actor: those pages are empty.
 */
const TIE_CURSORS = [
  { after: '', afterRel: '', afterType: '' },
  ...IDS.flatMap((after) => IDS.flatMap((afterRel) => ['FUNDS', 'PARTNERS_WITH'].map((afterType) => ({ after, afterRel, afterType })))),
];

/**
 * The route queries of a first page, then of a first click, then of the other first interactions (on a freshly
 * started Neo4j each plan takes 0.1–3 s: ~25 s in all on the 2-core machine), with parameters built as the routes
 * build them (same types and size classes, so the same cached plans). tests/server/warm-up.int.test.ts records
 * the routes' reads of a first page and a first interaction and checks that the warm-up ran each of them.
 */
export const WARM_UP_STEPS: readonly Step[] = [
  // Every request of a page asks it (server/auth: is there any account?).
  { phase: 'page', query: 'userCount', runs: () => [{}] },
  // The page's counts (GET /api/graph/stats), then the whole graph when small (GET /api/graph?max=…), else its
  // overview (GET /api/graph/overview, no filters); the sources once it is drawn.
  // The database and version the first page's answers are kept for (server/graph/answers.ts), then the version alone
  // (the scans' and the other routes').
  {
    phase: 'page',
    query: 'graphIdentity',
    runs: () => [{}],
    then: (rows, f) => { f.database = String(rows[0]?.database ?? ''); f.version = Number(rows[0]?.version ?? 0); },
  },
  { phase: 'page', query: 'graphVersion', runs: () => [{}] },
  {
    phase: 'page',
    query: 'graphTotals',
    runs: () => [{}],
    then: (rows, f) => {
      f.actors = Number(rows[0]?.actors ?? 0);
      f.relationships = Number(rows[0]?.relationships ?? 0);
      f.elements = f.actors + f.relationships;
    },
  },
  // Through the route's kept answer when the app shares it (index.ts): the first page then gets it without reading.
  {
    phase: 'page',
    query: 'exportGraph',
    runs: (f, o) => (small(f, o) ? [{}] : []),
    read: (db, params, f, o) =>
      o.whole && f.version !== undefined && f.database !== undefined
        ? o.whole.body({ database: f.database, version: f.version }, f.actors ?? 0, f.relationships ?? 0).then(() => [])
        : db.read(Q.exportGraph, params),
  },
  { phase: 'page', query: 'actorsByIds', runs: (f, o) => (large(f, o) ? [{ ids: OVERVIEW_IDS }] : []) },
  { phase: 'page', query: 'tiesAmong', runs: (f, o) => (large(f, o) ? [{ ...filterParams({}), ids: OVERVIEW_IDS }] : []) },
  { phase: 'page', query: 'sources', runs: () => [{}] },
  // An actor to run the others for real (a term of one letter: the first one's size class).
  {
    phase: 'click',
    query: 'actorSearch',
    runs: () => [searchParams(TERMS[0], SEARCH_LIMIT)],
    then: (rows, f) => { f.actor ??= (rows[0]?.actor as { id?: string } | undefined)?.id; },
  },
  {
    phase: 'click',
    query: 'actor',
    runs: (f) => ids(f).map((id) => ({ id, limit: DETAIL_LIMIT })),
    then: (rows, f) => {
      const groups = (rows[0]?.groups ?? []) as { type: string; rels: { props: { id: string } }[] }[];
      const g = groups.find((x) => x.rels.length);
      if (g && !f.tie) f.tie = { id: g.rels[0].props.id, type: g.type };
    },
  },
  { phase: 'click', query: 'actorNode', runs: (f) => ids(f).map((id) => ({ id })) },
  { phase: 'click', query: 'neighborhood', runs: (f) => ids(f).flatMap((id) => TYPE_SETS.map((types) => neighborhoodParams(id, 1, types, NEIGHBOURHOOD_LIMIT))) },
  {
    phase: 'rest',
    query: 'relationship',
    runs: (f) => [...(f.tie ? [f.tie] : []), ...IDS.map((id) => ({ id, type: 'FUNDS' }))].flatMap((t) => [{ id: t.id, type: t.type }, { id: t.id, type: null }]),
  },
  { phase: 'rest', query: 'actorSearch', runs: () => TERMS.slice(1).map((t) => searchParams(t, SEARCH_LIMIT)) },
  { phase: 'rest', query: 'actorSearchFuzzy', runs: () => TERMS.map((t) => fuzzyParams(tokens(t), SEARCH_LIMIT)) },
  { phase: 'rest', query: 'fundingUpstream', runs: (f) => ids(f).map((id) => ({ id, maxDepth: 1, limit: FUNDING_MAX_CHAINS + 1 })) },
  { phase: 'rest', query: 'fundingDownstream', runs: (f) => ids(f).map((id) => ({ id, maxDepth: 1, limit: FUNDING_MAX_CHAINS + 1 })) },
  // *Réseau entier* of a large graph: its pages (one row each here: the plan is what is wanted). Unplanned, the first
  // load paid ~1.4 s for them on the 10k/50k bench graph (bench/README.md, after 7).
  { phase: 'rest', query: 'elementsActors', runs: (f, o) => (onDemand(f, o) ? ['', ...IDS].map((after) => ({ ...filterParams({}), after, size: 1 })) : []) },
  { phase: 'rest', query: 'elementsTies', runs: (f, o) => (onDemand(f, o) ? TIE_CURSORS.map((c) => ({ ...filterParams({}), ...c, size: 1 })) : []) },
];

/** After a page's last request for its network is answered, the time it is taken to lay it out and draw it. */
export const PAGE_GRACE_MS = 3_000;
/**
 * The same after a page of *Réseau entier* (`/api/graph/elements`). It was 12 s while the page laid those tens of
 * thousands of elements out itself (~9 s from the last page to the layout done on 10k/50k). Since after 8 the server's
 * positions are drawn at once and the page's first frames take one core for ~4–5 s; waiting 12 s then kept the warm-up
 * from planning a first click's queries (an actor's details) before the user's first click on that network: on a
 * restarted server that click waited 0.9–1.2 s for the plan (bench/README.md, quiet after 8). The planning takes the
 * other core while the page draws.
 */
export const WHOLE_GRACE_MS = 3_000;

/**
 * Whether a page is loading its network: the requests under /api/graph in flight, and the time since the last
 * was answered (the page then lays out and draws, which takes the machine's cores for a few seconds).
 */
export class PageActivity {
  private inFlight = 0;
  /** Until when the page is taken to be laying out and drawing what it was last answered. */
  private until = 0;
  /** Whether a page has asked for its network since the server started. */
  seen = false;
  /** Callers of `settled` still waiting (observability, tests). */
  waiting = 0;
  private readonly wholeGraceMs: number;
  constructor(private readonly graceMs = PAGE_GRACE_MS, wholeGraceMs?: number) {
    this.wholeGraceMs = wholeGraceMs ?? (graceMs === 0 ? 0 : WHOLE_GRACE_MS);
  }

  /** Mounted on the routes a page loads its network from (createApp: /api/graph). */
  readonly watch: RequestHandler = (req, res, next) => {
    this.seen = true;
    this.inFlight += 1;
    // Mounted on /api/graph, so the path is the rest: /elements for the whole network's pages.
    const grace = req.path.startsWith('/elements') ? this.wholeGraceMs : this.graceMs;
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      this.inFlight -= 1;
      this.until = Math.max(this.until, Date.now() + grace);
    };
    res.on('finish', end);
    res.on('close', end);
    next();
  };

  /** True while a page's network is asked for, and for the grace after its last answer. */
  get busy(): boolean {
    return this.inFlight > 0 || Date.now() < this.until;
  }

  /** Resolves once no page is loading (polled: a condition, checked every `pollMs`). */
  async settled(pollMs = 200): Promise<void> {
    this.waiting += 1;
    try {
      while (this.busy) await new Promise((r) => setTimeout(r, pollMs));
    } finally {
      this.waiting -= 1;
    }
  }
}

export interface WarmUpReport { ran: number; skipped: number; failed: number; ms: number; waitedMs: number }

export interface WarmUpOptions {
  log?: (msg: string) => void;
  /** Time the queries may take in all (waits for pages not counted); past it no further query starts. */
  budgetMs?: number;
  /** The pages being loaded: the `click` and `rest` steps wait while one is, the `page` ones stop once one came. */
  pages?: PageActivity;
  /** The largest graph (actors + ties) the first page asks whole (default PAGE_WHOLE_MAX). */
  wholeMax?: number;
  /** Actors at most and ties at most of the whole network on demand (default DEFAULT_GRAPH_LIMITS.whole). */
  wholeLimit?: number;
  /** GET /api/graph's kept answer (the app's): when given, the warm-up fills it instead of only planning its query. */
  whole?: WholeGraph;
}

/**
 * Runs the steps one query after the other (one core at most, so requests that come meanwhile simply run beside
 * it), until done or past `budgetMs`. Errors are logged and the next step runs; the promise never rejects.
 */
export async function warmUp(db: Db, opts: WarmUpOptions = {}): Promise<WarmUpReport> {
  const t0 = Date.now();
  const budget = opts.budgetMs ?? WARM_UP_BUDGET_MS;
  const o: Ctx = { wholeMax: opts.wholeMax ?? PAGE_WHOLE_MAX, wholeLimit: opts.wholeLimit ?? DEFAULT_GRAPH_LIMITS.whole, whole: opts.whole };
  const found: Found = {};
  const report = { ran: 0, skipped: 0, failed: 0, ms: 0, waitedMs: 0 };
  for (const step of WARM_UP_STEPS) {
    let failed = false;
    for (const params of step.runs(found, o)) {
      if (step.phase === 'page' && opts.pages?.seen) {
        // A page came first and planned its queries itself (the size is still read: the later steps use it).
        if (step.query !== 'graphTotals') { report.skipped++; continue; }
      } else if (step.phase !== 'page' && opts.pages?.busy) {
        const w = Date.now();
        await opts.pages.settled();
        report.waitedMs += Date.now() - w;
      }
      if (failed || Date.now() - t0 - report.waitedMs >= budget) { report.skipped++; continue; }
      try {
        const rows = step.read ? await step.read(db, params, found, o) : await db.read(Q[step.query], params);
        step.then?.(rows, found);
        report.ran++;
      } catch (e) {
        // One failure per step is enough to tell (the database gone away, a timeout): the step's other runs are skipped.
        report.failed++;
        failed = true;
        opts.log?.(`warm-up: ${step.query} failed (the first answers will only be slower): ${(e as Error).message}`);
      }
    }
  }
  report.ms = Date.now() - t0;
  opts.log?.(`warm-up: ${report.ran} queries in ${report.ms} ms${report.waitedMs ? ` (${report.waitedMs} ms of it waiting for pages to draw)` : ''}${report.skipped ? `, ${report.skipped} skipped` : ''}${report.failed ? `, ${report.failed} failed` : ''}`);
  return report;
}
