// All key-actor metrics of a graph in one pass over the same indexed graph, as columns (what the worker
// computes and the service pages through), and as the full object list for small graphs and tests.
import type { ActorMetrics, Community, GraphEdge, GraphNode, MetricsPage, MetricsResponse } from '../../model/schema';
import { ACTOR_KINDS, METRIC_SORTS, type ActorKind, type MetricSort } from '../../model/vocabulary';
import { betweennessSampled } from './betweenness';
import { BROKER_MAX_HOPS, COMPANY_KINDS, FUNDER_KINDS, brokerColumns } from './brokers';
import { degrees, fundsOf, type DegreeColumns } from './degree';
import { EXCLUDED_STATUSES, KIND_INDEX, indexInput, inputFromGraph, type MetricsInput } from './graph';
import { louvainCsr, modularityCsr } from './louvain';
import { pagerank } from './pagerank';

export const PAGERANK_DAMPING = 0.85;
/** Up to this many actors betweenness is exact (a search from every actor). */
export const BETWEENNESS_EXACT_MAX = 2000;
/**
 * Past it, sources are chosen so that searches visit about this many arcs in all (each search costs
 * n + arcs): ~2,000 sources at 10k actors / 40k ties, ~350 at 100k / 1M, within a minute on one core.
 */
export const BETWEENNESS_BUDGET = 8e8;
export const BETWEENNESS_MIN_SOURCES = 100;
/**
 * Past the exact size, betweenness searches stop being started after this long (once the minimum is done):
 * on a loaded machine the estimate then comes from fewer sources, and says so, rather than making the
 * figures wait. ~140 ms a search at 100k / 1M on this machine, so ~200 of the 397 the work budget allows.
 */
export const BETWEENNESS_TIME_BUDGET_MS = 30_000;
/** Broker searches: every funder up to this many, then an evenly spaced sample of this many. */
export const BROKER_FUNDERS_MAX = 400;
/** Broker searches past BROKER_FUNDERS_MIN stop being started after this long (~25 ms a search at 100k / 1M). */
export const BROKER_TIME_BUDGET_MS = 10_000;
export const BROKER_FUNDERS_MIN = 50;

export type MetricsParameters = NonNullable<MetricsPage['parameters']>;

/** Every metric of every actor, by index (actor i is ids[i], ids sorted), plus rankings by each sort key. */
export interface MetricsColumns extends DegreeColumns {
  ids: string[];
  names: string[];
  kinds: Uint8Array;
  betweenness: Float64Array;
  pagerank: Float64Array;
  /** Community of each actor, numbered by size (0 = largest). */
  community: Int32Array;
  /** Size of each community, by number. */
  communitySizes: Int32Array;
  modularity: number;
  brokerPairs: Float64Array;
  brokerShare: Float64Array;
  parameters: MetricsParameters;
  /** Actor indexes best first for each sort key; ties by id. */
  orders: Record<MetricSort, Int32Array>;
}

export interface MetricsOptions {
  /**
   * Betweenness sources, all searched (no time budget); default: exact up to BETWEENNESS_EXACT_MAX actors,
   * then as many as BETWEENNESS_BUDGET allows, cut by BETWEENNESS_TIME_BUDGET_MS.
   */
  betweennessSources?: number;
  /** Funders searched for brokers, all of them (no time budget); default BROKER_FUNDERS_MAX cut by BROKER_TIME_BUDGET_MS. */
  brokerFunders?: number;
  /** Time budgets (ms) of the sampled searches when the counts above are not given. */
  betweennessBudgetMs?: number;
  brokerBudgetMs?: number;
}

/** Called as each step of computeColumns starts (the worker reports them as progress). */
export type PhaseListener = (phase: MetricsPhase) => void;
export type MetricsPhase = 'indexing' | 'degree' | 'betweenness' | 'pagerank' | 'communities' | 'brokers' | 'ranking';

/** Sources for betweenness on a graph of n actors and `arcs` undirected arcs. */
export function betweennessSources(n: number, arcs: number): number {
  if (n <= BETWEENNESS_EXACT_MAX) return n;
  return Math.min(n, Math.max(BETWEENNESS_MIN_SOURCES, Math.min(BETWEENNESS_EXACT_MAX, Math.floor(BETWEENNESS_BUDGET / (n + arcs)))));
}

/** Communities numbered by size (largest first), ties by their first member (lowest index = first id). */
function numberCommunities(membership: Int32Array): { byNode: Int32Array; sizes: Int32Array } {
  const n = membership.length;
  const size = new Int32Array(n);
  const first = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    size[membership[i]] += 1;
    if (first[membership[i]] < 0) first[membership[i]] = i;
  }
  const used: number[] = [];
  for (let c = 0; c < n; c++) if (size[c] > 0) used.push(c);
  used.sort((a, b) => size[b] - size[a] || first[a] - first[b]);
  const renum = new Int32Array(n);
  used.forEach((c, i) => { renum[c] = i; });
  const byNode = new Int32Array(n);
  for (let i = 0; i < n; i++) byNode[i] = renum[membership[i]];
  return { byNode, sizes: Int32Array.from(used, (c) => size[c]) };
}

/** Indexes 0..n-1 sorted by `key` descending (then `tie` descending when given), equal ones by index. */
function rankBy(n: number, key: ArrayLike<number>, tie?: ArrayLike<number>): Int32Array {
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  return idx.sort((a, b) => key[b] - key[a] || (tie ? tie[b] - tie[a] : 0) || a - b);
}

/** Computes every metric from the tie columns; pure but for the time budgets (the worker calls it, tests too). */
export function computeColumns(input: MetricsInput, opts: MetricsOptions = {}, onPhase?: PhaseListener): MetricsColumns {
  onPhase?.('indexing');
  const g = indexInput(input);
  const n = g.ids.length;
  onPhase?.('degree');
  const deg = degrees(g);
  onPhase?.('betweenness');
  const asked = opts.betweennessSources;
  const pivots = Math.min(n, asked ?? betweennessSources(n, g.und.nbr.length));
  // A time budget only for a default sample: an exact computation or a count asked for is done whole.
  const btwDeadline = asked === undefined && pivots < n ? performance.now() + (opts.betweennessBudgetMs ?? BETWEENNESS_TIME_BUDGET_MS) : undefined;
  const btw = betweennessSampled(g.und, { directed: false, normalized: true, pivots, deadline: btwDeadline, minPivots: BETWEENNESS_MIN_SOURCES });
  const sources = btw.sources;
  onPhase?.('pagerank');
  const pr = pagerank(g.out, { damping: PAGERANK_DAMPING });
  onPhase?.('communities');
  const membership = louvainCsr(g.und);
  const comm = numberCommunities(membership);
  onPhase?.('brokers');
  const funderKinds = new Set(FUNDER_KINDS.map((k) => KIND_INDEX.get(k)!));
  const companyKinds = new Set(COMPANY_KINDS.map((k) => KIND_INDEX.get(k)!));
  const brokerDeadline = opts.brokerFunders === undefined ? performance.now() + (opts.brokerBudgetMs ?? BROKER_TIME_BUDGET_MS) : undefined;
  const brk = brokerColumns({
    out: g.out,
    isFunder: Uint8Array.from(g.kinds, (k) => (funderKinds.has(k) ? 1 : 0)),
    isCompany: Uint8Array.from(g.kinds, (k) => (companyKinds.has(k) ? 1 : 0)),
    sample: opts.brokerFunders ?? BROKER_FUNDERS_MAX,
    deadline: brokerDeadline,
    minSample: BROKER_FUNDERS_MIN,
  });
  const estimates: string[] = [];
  if (sources < n) {
    const cut = sources < pivots ? `, the ${Math.round((opts.betweennessBudgetMs ?? BETWEENNESS_TIME_BUDGET_MS) / 1000)} s time budget reached after ${sources} of ${pivots} planned searches` : '';
    estimates.push(`betweenness: estimated from ${sources} of ${n} actors as sources, spread evenly, scaled by ${n}/${sources} (Brandes & Pich 2007)${cut}`);
  }
  if (brk.searched < brk.funders) {
    const planned = Math.min(brk.funders, opts.brokerFunders ?? BROKER_FUNDERS_MAX);
    const cut = brk.searched < planned ? `, the ${Math.round((opts.brokerBudgetMs ?? BROKER_TIME_BUDGET_MS) / 1000)} s time budget reached after ${brk.searched} of ${planned} planned searches` : '';
    estimates.push(`broker: searches from ${brk.searched} of ${brk.funders} public funders, spread evenly, scores scaled by ${brk.funders}/${brk.searched}${cut}`);
  }
  const cols: Omit<MetricsColumns, 'orders'> = {
    ids: g.ids,
    names: g.names,
    kinds: g.kinds,
    ...deg,
    betweenness: btw.values,
    pagerank: pr,
    community: comm.byNode,
    communitySizes: comm.sizes,
    modularity: modularityCsr(g.und, membership),
    brokerPairs: brk.pairs,
    brokerShare: brk.share,
    parameters: {
      excludedStatuses: [...EXCLUDED_STATUSES],
      pagerankDamping: PAGERANK_DAMPING,
      betweennessSources: sources,
      betweennessExact: sources >= n,
      brokerMaxHops: BROKER_MAX_HOPS,
      brokerFunders: brk.searched,
      brokerFundersTotal: brk.funders,
      funderKinds: [...FUNDER_KINDS],
      companyKinds: [...COMPANY_KINDS],
      estimates,
    },
  };
  const keys: Record<MetricSort, [ArrayLike<number>, ArrayLike<number>?]> = {
    pagerank: [cols.pagerank],
    degree: [cols.degree],
    inDegree: [cols.inDegree],
    outDegree: [cols.outDegree],
    betweenness: [cols.betweenness],
    broker: [cols.brokerPairs, cols.brokerShare],
    fundsOut: [cols.fundsOutAmount, cols.fundsOutKnown],
    fundsIn: [cols.fundsInAmount, cols.fundsInKnown],
  };
  onPhase?.('ranking');
  const orders = Object.fromEntries(METRIC_SORTS.map((s) => [s, rankBy(n, keys[s][0], keys[s][1])])) as Record<MetricSort, Int32Array>;
  return { ...cols, orders };
}

/** Actor i's metrics as the API gives them (broker pairs rounded: sampled scores are scaled estimates). */
export function actorMetrics(c: MetricsColumns, i: number): ActorMetrics {
  return {
    id: c.ids[i],
    name: c.names[i],
    kind: ACTOR_KINDS[c.kinds[i]] as ActorKind,
    degree: c.degree[i],
    inDegree: c.inDegree[i],
    outDegree: c.outDegree[i],
    ...fundsOf(c, i),
    betweenness: c.betweenness[i],
    pagerank: c.pagerank[i],
    community: c.community[i],
    broker: { pairs: Math.round(c.brokerPairs[i]), share: c.brokerShare[i] },
  };
}

/** Every metric of a graph payload, every actor listed with community members: for small graphs and tests. */
export function computeMetrics(nodes: GraphNode[], edges: GraphEdge[], computedAt = new Date(), opts: MetricsOptions = {}): MetricsResponse {
  const c = computeColumns(inputFromGraph(nodes, edges), opts);
  const members: string[][] = Array.from(c.communitySizes, () => []);
  for (let i = 0; i < c.ids.length; i++) members[c.community[i]].push(c.ids[i]);
  const communities: Community[] = members.map((m, id) => ({ id, size: m.length, members: m }));
  return {
    metrics: c.ids.map((_, i) => actorMetrics(c, i)),
    communities,
    modularity: c.modularity,
    parameters: {
      excludedStatuses: c.parameters.excludedStatuses,
      pagerankDamping: c.parameters.pagerankDamping,
      betweennessSources: c.parameters.betweennessSources,
      brokerMaxHops: c.parameters.brokerMaxHops,
      funderKinds: c.parameters.funderKinds,
      companyKinds: c.parameters.companyKinds,
    },
    computedAt: computedAt.toISOString(),
  };
}
