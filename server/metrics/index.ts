// All key-actor metrics of a graph in one pass over the same indexed graph, as columns (what the worker
// computes and the service pages through), and as the full object list for small graphs and tests.
import type { ActorMetrics, Community, GraphEdge, GraphNode, MetricsPage, MetricsResponse } from '../../model/schema';
import { ACTOR_KINDS, METRIC_SORTS, type ActorKind, type MetricSort } from '../../model/vocabulary';
import { betweenness } from './betweenness';
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
/** Broker searches: every funder up to this many, then an evenly spaced sample of this many. */
export const BROKER_FUNDERS_MAX = 400;

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
  /** Betweenness sources; default: exact up to BETWEENNESS_EXACT_MAX actors, then by BETWEENNESS_BUDGET. */
  betweennessSources?: number;
  /** Funders searched for brokers; default BROKER_FUNDERS_MAX. */
  brokerFunders?: number;
}

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

/** Computes every metric from the tie columns; pure (the worker calls it, tests too). */
export function computeColumns(input: MetricsInput, opts: MetricsOptions = {}): MetricsColumns {
  const g = indexInput(input);
  const n = g.ids.length;
  const deg = degrees(g);
  const sources = Math.min(n, opts.betweennessSources ?? betweennessSources(n, g.und.nbr.length));
  const btw = betweenness(g.und, { directed: false, normalized: true, pivots: sources });
  const pr = pagerank(g.out, { damping: PAGERANK_DAMPING });
  const membership = louvainCsr(g.und);
  const comm = numberCommunities(membership);
  const funderKinds = new Set(FUNDER_KINDS.map((k) => KIND_INDEX.get(k)!));
  const companyKinds = new Set(COMPANY_KINDS.map((k) => KIND_INDEX.get(k)!));
  const brk = brokerColumns({
    out: g.out,
    isFunder: Uint8Array.from(g.kinds, (k) => (funderKinds.has(k) ? 1 : 0)),
    isCompany: Uint8Array.from(g.kinds, (k) => (companyKinds.has(k) ? 1 : 0)),
    sample: opts.brokerFunders ?? BROKER_FUNDERS_MAX,
  });
  const estimates: string[] = [];
  if (sources < n) {
    estimates.push(`betweenness: estimated from ${sources} of ${n} actors as sources, evenly spaced, scaled by ${n}/${sources} (Brandes & Pich 2007)`);
  }
  if (brk.searched < brk.funders) {
    estimates.push(`broker: searches from ${brk.searched} of ${brk.funders} public funders, evenly spaced, scores scaled by ${brk.funders}/${brk.searched}`);
  }
  const cols: Omit<MetricsColumns, 'orders'> = {
    ids: g.ids,
    names: g.names,
    kinds: g.kinds,
    ...deg,
    betweenness: btw,
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
