// Builds graph payloads for metric tests: nodes and edges stated in one line each.
import type { ActorKind, GraphEdge, GraphNode } from '../../../model/schema';

export function node(id: string, kind: ActorKind = 'company'): GraphNode {
  return { id, name: id.toUpperCase(), kind, aliases: [] };
}

export function edge(type: GraphEdge['type'], source: string, target: string, extra: Partial<GraphEdge> = {}): GraphEdge {
  return { id: `${type}:${source}:${target}`, type, source, target, status: 'effective', evidence: [{ source: 'fixture', excerpt: 'x' }], ...extra };
}

/** Adjacency lists from pairs: both ways unless directed. */
export function adjacency(n: number, pairs: [number, number][], directed: boolean): number[][] {
  const adj: number[][] = Array.from({ length: n }, () => []);
  for (const [a, b] of pairs) {
    adj[a].push(b);
    if (!directed) adj[b].push(a);
  }
  return adj;
}
