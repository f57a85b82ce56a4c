// Betweenness centrality by Brandes' algorithm (unweighted shortest paths), scaled as networkx scales it.
import { asCsr, type Csr } from './graph';

export interface BetweennessOptions {
  /** Whether `adj` lists arcs (u → v only) or undirected neighbours (each pair listed both ways). */
  directed: boolean;
  /** Divide by the number of ordered pairs not involving the node, (n-1)(n-2), as networkx does by default. */
  normalized?: boolean;
  /**
   * Search from this many sources at most, spread evenly over the nodes, and scale up by n/sources (Brandes
   * & Pich 2007), an estimate; exact when absent or ≥ n. Exact costs O(n·m): ~17 s on 10k actors / 40k ties.
   */
  pivots?: number;
  /**
   * Stop starting new searches at this time (performance.now()), once `minPivots` are done: the estimate then
   * comes from the searches done. Absent: every pivot is searched.
   */
  deadline?: number;
  minPivots?: number;
}

/** Betweenness values and how many sources they come from (n when exact). */
export interface BetweennessResult {
  values: Float64Array;
  sources: number;
}

/**
 * Node p of the order in which a sample of k sources among n is searched: the k evenly spaced nodes
 * ⌊j·n/k⌋, j taken in bit-reversed order, so that the searches done when a deadline stops them are still
 * spread over the whole index range (the first 2, 4, 8… are exactly evenly spaced). Exact (k = n): in order.
 */
export function* sourceOrder(n: number, k: number): Generator<number> {
  if (k >= n) {
    for (let v = 0; v < n; v++) yield v;
    return;
  }
  let bits = 0;
  while (1 << bits < k) bits += 1;
  for (let r = 0; r < 1 << bits; r++) {
    let j = 0;
    for (let b = 0; b < bits; b++) if (r & (1 << b)) j |= 1 << (bits - 1 - b);
    if (j < k) yield Math.floor((j * n) / k);
  }
}

/**
 * Betweenness of every node of a graph given as adjacency (node i's neighbours or successors: row i).
 * Brandes (2001): one breadth-first search per source, then dependencies accumulated backwards, O(n·m).
 * With normalized, values match networkx's betweenness_centrality(G) for the same graph (undirected: G a
 * Graph; directed: a DiGraph); unnormalized undirected values count each unordered pair once.
 */
export function betweenness(adj: Csr | readonly (readonly number[])[], opts: BetweennessOptions): Float64Array {
  return betweennessSampled(adj, opts).values;
}

/** betweenness, also saying how many sources the values come from (fewer than asked when a deadline cut them). */
export function betweennessSampled(adj: Csr | readonly (readonly number[])[], opts: BetweennessOptions): BetweennessResult {
  // Flat (CSR) adjacency and typed arrays: on 10k actors / 40k ties this runs ~10x faster than nested arrays.
  const { offset, nbr } = asCsr(adj);
  const n = offset.length - 1;
  const cb = new Float64Array(n);
  const sigma = new Float64Array(n);
  const dist = new Int32Array(n).fill(-1);
  const delta = new Float64Array(n);
  const order = new Int32Array(n);
  const k = opts.pivots !== undefined && opts.pivots < n ? Math.max(1, opts.pivots) : n;
  const minDone = Math.min(k, Math.max(1, opts.minPivots ?? 1));
  let done = 0;
  for (const s of sourceOrder(n, k)) {
    if (opts.deadline !== undefined && done >= minDone && performance.now() > opts.deadline) break;
    done += 1;
    sigma[s] = 1;
    dist[s] = 0;
    let head = 0;
    let tail = 0;
    order[tail++] = s;
    while (head < tail) {
      const v = order[head++];
      const next = dist[v] + 1;
      const sv = sigma[v];
      const end = offset[v + 1];
      for (let i = offset[v]; i < end; i++) {
        const w = nbr[i];
        const dw = dist[w];
        if (dw < 0) {
          dist[w] = next;
          sigma[w] = sv;
          order[tail++] = w;
        } else if (dw === next) sigma[w] += sv;
      }
    }
    // Backwards over the search order; the successors of v on shortest paths are its neighbours one level
    // down: delta(v) = sigma(v) · Σ (1 + delta(w)) / sigma(w).
    for (let j = tail - 1; j >= 0; j--) {
      const v = order[j];
      const next = dist[v] + 1;
      const end = offset[v + 1];
      let d = 0;
      for (let i = offset[v]; i < end; i++) {
        const w = nbr[i];
        if (dist[w] === next) d += (1 + delta[w]) / sigma[w];
      }
      d *= sigma[v];
      delta[v] = d;
      if (v !== s) cb[v] += d;
    }
    // Reset only what this search touched.
    for (let j = 0; j < tail; j++) {
      const v = order[j];
      sigma[v] = 0;
      dist[v] = -1;
      delta[v] = 0;
    }
  }
  // Undirected, the searches from both ends find every pair twice: halve raw values. Normalized, that double
  // count is exactly the 2 of the undirected pair count 2/((n-1)(n-2)), so both cases divide by (n-1)(n-2).
  let scale = opts.directed ? 1 : 0.5;
  if (opts.normalized) scale = n > 2 ? 1 / ((n - 1) * (n - 2)) : 0;
  if (done > 0) scale *= n / done;
  for (let v = 0; v < n; v++) cb[v] *= scale;
  return { values: cb, sources: done };
}
