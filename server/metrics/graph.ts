// Turns the graph payload into index-based adjacency lists, the one input shape of every metric.
import { SYMMETRIC_TYPES, type GraphEdge, type GraphNode, type RelStatus } from '../../model/schema';

/**
 * A declined relationship records that a tie was offered and refused: evidence that there is *no* tie,
 * so metrics leave it out. Every other status (planned, pending, interest, ended) is some real tie.
 */
export const EXCLUDED_STATUSES: readonly RelStatus[] = ['declined'];

export interface IndexedGraph {
  /** Actor ids, sorted: node i is ids[i], so every metric visits nodes in the same order. */
  ids: string[];
  index: Map<string, number>;
  /** The relationships metrics count (declined ones removed). */
  edges: GraphEdge[];
  /** Distinct successors; a symmetric tie (PARTNERS_WITH) is two arcs, one each way. */
  out: number[][];
  /** Distinct neighbours, direction ignored. */
  und: number[][];
  /** Undirected weighted pairs [i, j, w] with i < j, w = number of relationships between them. */
  weighted: [number, number, number][];
}

export function indexGraph(nodes: Pick<GraphNode, 'id'>[], allEdges: GraphEdge[]): IndexedGraph {
  const ids = nodes.map((n) => n.id).sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const edges = allEdges.filter((e) => !EXCLUDED_STATUSES.includes(e.status) && index.has(e.source) && index.has(e.target));
  const out = ids.map(() => new Set<number>());
  const und = ids.map(() => new Set<number>());
  const pairs = new Map<string, [number, number, number]>();
  for (const e of edges) {
    const s = index.get(e.source)!;
    const t = index.get(e.target)!;
    if (s === t) continue;
    out[s].add(t);
    if (SYMMETRIC_TYPES.has(e.type)) out[t].add(s);
    und[s].add(t);
    und[t].add(s);
    const [a, b] = s < t ? [s, t] : [t, s];
    const key = `${a},${b}`;
    const p = pairs.get(key);
    if (p) p[2] += 1;
    else pairs.set(key, [a, b, 1]);
  }
  const sorted = (sets: Set<number>[]) => sets.map((x) => [...x].sort((a, b) => a - b));
  return { ids, index, edges, out: sorted(out), und: sorted(und), weighted: [...pairs.values()] };
}
