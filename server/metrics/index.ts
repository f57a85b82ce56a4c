// All key-actor metrics of a graph in one pass over the same indexed graph: what GET /api/metrics returns.
import type { ActorMetrics, Community, GraphEdge, GraphNode, MetricsResponse } from '../../model/schema';
import { betweenness } from './betweenness';
import { BROKER_MAX_HOPS, COMPANY_KINDS, FUNDER_KINDS, brokers } from './brokers';
import { degrees } from './degree';
import { EXCLUDED_STATUSES, indexGraph } from './graph';
import { louvain, modularity } from './louvain';
import { pagerank } from './pagerank';

export const PAGERANK_DAMPING = 0.85;
/** Past this many actors betweenness is estimated from this many sources: exact takes ~17 s at 10k actors. */
export const BETWEENNESS_EXACT_MAX = 2000;

/** Communities numbered by size (largest first), ties by their first member id; members sorted. */
function communities(ids: string[], membership: number[]): { byNode: number[]; list: Community[] } {
  const groups = new Map<number, string[]>();
  membership.forEach((c, i) => groups.set(c, [...(groups.get(c) ?? []), ids[i]]));
  const sorted = [...groups.entries()].sort(([, a], [, b]) => b.length - a.length || (a[0] < b[0] ? -1 : 1));
  const renum = new Map(sorted.map(([c], i) => [c, i]));
  return {
    byNode: membership.map((c) => renum.get(c)!),
    list: sorted.map(([, members], i) => ({ id: i, size: members.length, members })),
  };
}

/** Computes every metric of the graph; pure, so the route can cache it and tests can call it without a database. */
export function computeMetrics(nodes: GraphNode[], edges: GraphEdge[], computedAt = new Date()): MetricsResponse {
  const g = indexGraph(nodes, edges);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const kinds = g.ids.map((id) => byId.get(id)!.kind);
  const deg = degrees(g);
  const pivots = Math.min(g.ids.length, BETWEENNESS_EXACT_MAX);
  const btw = betweenness(g.und, { directed: false, normalized: true, pivots });
  const pr = pagerank(g.out, { damping: PAGERANK_DAMPING });
  const membership = louvain(g.ids.length, g.weighted);
  const comm = communities(g.ids, membership);
  const brk = brokers({ out: g.out, isFunder: kinds.map((k) => FUNDER_KINDS.includes(k)), isCompany: kinds.map((k) => COMPANY_KINDS.includes(k)) });
  const metrics: ActorMetrics[] = g.ids.map((id, i) => ({
    id,
    name: byId.get(id)!.name,
    kind: kinds[i],
    ...deg[i],
    betweenness: btw[i],
    pagerank: pr[i],
    community: comm.byNode[i],
    broker: brk[i],
  }));
  return {
    metrics,
    communities: comm.list,
    modularity: modularity(g.ids.length, g.weighted, membership),
    parameters: {
      excludedStatuses: [...EXCLUDED_STATUSES],
      pagerankDamping: PAGERANK_DAMPING,
      betweennessSources: pivots,
      brokerMaxHops: BROKER_MAX_HOPS,
      funderKinds: [...FUNDER_KINDS],
      companyKinds: [...COMPANY_KINDS],
    },
    computedAt: computedAt.toISOString(),
  };
}
