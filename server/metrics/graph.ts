// The metrics' one input shape: actors by index and ties as typed columns, and compressed adjacency (CSR)
// built from them. Typed arrays and no per-tie objects, so 100k actors / 1M ties fit in a few tens of MB.
import type { GraphEdge, GraphNode } from '../../model/schema';
// Values from the zod-free vocabulary: the worker thread loads this file and should not pay for zod.
import { ACTOR_KINDS, REL_TYPES, SYMMETRIC_TYPES, type ActorKind, type RelStatus, type RelType } from '../../model/vocabulary';

/**
 * A declined relationship records that a tie was offered and refused: evidence that there is *no* tie,
 * so metrics leave it out. Every other status (planned, pending, interest, ended) is some real tie.
 */
export const EXCLUDED_STATUSES: readonly RelStatus[] = ['declined'];

/** Compressed sparse rows: the neighbours of v are nbr[offset[v] .. offset[v+1]), sorted, distinct. */
export interface Csr {
  offset: Int32Array;
  nbr: Int32Array;
  /** How many ties each listed pair stands for (the undirected graph of Louvain); absent elsewhere. */
  weight?: Float64Array;
}

/** The graph metrics read: actors sorted by id (node i is ids[i]) and the kept ties as columns. */
export interface MetricsInput {
  ids: string[];
  names: string[];
  /** Index into ACTOR_KINDS. */
  kinds: Uint8Array;
  /** Number of ties in the columns below (they may be longer: only the first m entries count). */
  m: number;
  src: Int32Array;
  dst: Int32Array;
  /** Index into REL_TYPES. */
  type: Uint8Array;
  /** EUR; NaN when unknown. */
  amount: Float64Array;
}

export interface IndexedGraph extends MetricsInput {
  /** Distinct successors; a symmetric tie (PARTNERS_WITH) is two arcs, one each way. */
  out: Csr;
  /** Distinct neighbours, direction ignored, weighted by the number of ties between the two. */
  und: Csr;
}

export const KIND_INDEX = new Map<string, number>(ACTOR_KINDS.map((k, i) => [k, i]));
export const TYPE_INDEX = new Map<string, number>(REL_TYPES.map((t, i) => [t, i]));
export const FUNDS = TYPE_INDEX.get('FUNDS')!;
const SYMMETRIC = new Uint8Array(REL_TYPES.map((t) => (SYMMETRIC_TYPES.has(t as RelType) ? 1 : 0)));

/**
 * CSR of `count` arcs from[i] → to[i] over n nodes: rows sorted, duplicate arcs merged (their multiplicity
 * kept in `weight` when asked). Counting sort, then one typed-array sort per row: no per-arc objects.
 */
export function csrFromArcs(n: number, from: Int32Array, to: Int32Array, count: number, weighted = false): Csr {
  const start = new Int32Array(n + 1);
  for (let i = 0; i < count; i++) start[from[i] + 1] += 1;
  for (let v = 0; v < n; v++) start[v + 1] += start[v];
  const fill = start.slice(0, n);
  const raw = new Int32Array(count);
  for (let i = 0; i < count; i++) raw[fill[from[i]]++] = to[i];
  const offset = new Int32Array(n + 1);
  const nbr = new Int32Array(count);
  const weight = weighted ? new Float64Array(count) : undefined;
  let k = 0;
  for (let v = 0; v < n; v++) {
    const row = raw.subarray(start[v], start[v + 1]).sort();
    for (let i = 0; i < row.length; i++) {
      if (i > 0 && row[i] === row[i - 1]) {
        if (weight) weight[k - 1] += 1;
        continue;
      }
      nbr[k] = row[i];
      if (weight) weight[k] = 1;
      k += 1;
    }
    offset[v + 1] = k;
  }
  return { offset, nbr: nbr.slice(0, k), weight: weight?.slice(0, k) };
}

/** CSR from adjacency lists (small graphs and tests). */
export function csrFromLists(adj: readonly (readonly number[])[]): Csr {
  let count = 0;
  for (const row of adj) count += row.length;
  const from = new Int32Array(count);
  const to = new Int32Array(count);
  let k = 0;
  adj.forEach((row, v) => {
    for (const w of row) {
      from[k] = v;
      to[k++] = w;
    }
  });
  return csrFromArcs(adj.length, from, to, count);
}

export const asCsr = (g: Csr | readonly (readonly number[])[]): Csr => ('offset' in g ? g : csrFromLists(g));

/** Adds the adjacency (out, und) to the columns; self-ties are counted in degrees but make no arc. */
export function indexInput(input: MetricsInput): IndexedGraph {
  const { m, src, dst, type } = input;
  const n = input.ids.length;
  const oFrom = new Int32Array(2 * m);
  const oTo = new Int32Array(2 * m);
  const uFrom = new Int32Array(2 * m);
  const uTo = new Int32Array(2 * m);
  let o = 0;
  let u = 0;
  for (let i = 0; i < m; i++) {
    const s = src[i];
    const t = dst[i];
    if (s === t) continue;
    oFrom[o] = s;
    oTo[o++] = t;
    if (SYMMETRIC[type[i]]) {
      oFrom[o] = t;
      oTo[o++] = s;
    }
    uFrom[u] = s;
    uTo[u++] = t;
    uFrom[u] = t;
    uTo[u++] = s;
  }
  return { ...input, out: csrFromArcs(n, oFrom, oTo, o), und: csrFromArcs(n, uFrom, uTo, u, true) };
}

/** Graph payload → metrics input (tests and small graphs): ids sorted, declined ties and dangling ends left out. */
export function inputFromGraph(nodes: readonly Pick<GraphNode, 'id' | 'name' | 'kind'>[], edges: readonly GraphEdge[]): MetricsInput {
  const sorted = [...nodes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const index = new Map(sorted.map((n, i) => [n.id, i]));
  const kept = edges.filter((e) => !EXCLUDED_STATUSES.includes(e.status) && index.has(e.source) && index.has(e.target));
  return {
    ids: sorted.map((n) => n.id),
    names: sorted.map((n) => n.name),
    kinds: Uint8Array.from(sorted, (n) => KIND_INDEX.get(n.kind as ActorKind) ?? 0),
    m: kept.length,
    src: Int32Array.from(kept, (e) => index.get(e.source)!),
    dst: Int32Array.from(kept, (e) => index.get(e.target)!),
    type: Uint8Array.from(kept, (e) => TYPE_INDEX.get(e.type)!),
    amount: Float64Array.from(kept, (e) => e.amount ?? NaN),
  };
}

/** Graph payload → indexed graph, in one step. */
export const indexGraph = (nodes: readonly Pick<GraphNode, 'id' | 'name' | 'kind'>[], edges: readonly GraphEdge[]): IndexedGraph =>
  indexInput(inputFromGraph(nodes, edges));
