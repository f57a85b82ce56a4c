// Betweenness centrality by Brandes' algorithm (unweighted shortest paths), scaled as networkx scales it.
import { asCsr, type Csr } from './graph';

export interface BetweennessOptions {
  /** Whether `adj` lists arcs (u → v only) or undirected neighbours (each pair listed both ways). */
  directed: boolean;
  /** Divide by the number of ordered pairs not involving the node, (n-1)(n-2), as networkx does by default. */
  normalized?: boolean;
  /**
   * Search from this many evenly spaced sources only and scale up by n/pivots (Brandes & Pich 2007), an
   * estimate; exact when absent or ≥ n. Exact costs O(n·m): ~17 s on 10k actors / 40k ties.
   */
  pivots?: number;
}

/**
 * Betweenness of every node of a graph given as adjacency (node i's neighbours or successors: row i).
 * Brandes (2001): one breadth-first search per source, then dependencies accumulated backwards, O(n·m).
 * With normalized, values match networkx's betweenness_centrality(G) for the same graph (undirected: G a
 * Graph; directed: a DiGraph); unnormalized undirected values count each unordered pair once.
 */
export function betweenness(adj: Csr | readonly (readonly number[])[], opts: BetweennessOptions): Float64Array {
  // Flat (CSR) adjacency and typed arrays: on 10k actors / 40k ties this runs ~10x faster than nested arrays.
  const { offset, nbr } = asCsr(adj);
  const n = offset.length - 1;
  const cb = new Float64Array(n);
  const sigma = new Float64Array(n);
  const dist = new Int32Array(n).fill(-1);
  const delta = new Float64Array(n);
  const order = new Int32Array(n);
  const k = opts.pivots !== undefined && opts.pivots < n ? Math.max(1, opts.pivots) : n;
  for (let p = 0; p < k; p++) {
    const s = k === n ? p : Math.floor((p * n) / k);
    sigma[s] = 1;
    dist[s] = 0;
    let head = 0;
    let tail = 0;
    order[tail++] = s;
    while (head < tail) {
      const v = order[head++];
      for (let i = offset[v]; i < offset[v + 1]; i++) {
        const w = nbr[i];
        if (dist[w] < 0) {
          dist[w] = dist[v] + 1;
          order[tail++] = w;
        }
        if (dist[w] === dist[v] + 1) sigma[w] += sigma[v];
      }
    }
    // Backwards over the search order; the successors of v on shortest paths are its neighbours one level down.
    for (let j = tail - 1; j >= 0; j--) {
      const v = order[j];
      let d = 0;
      for (let i = offset[v]; i < offset[v + 1]; i++) {
        const w = nbr[i];
        if (dist[w] === dist[v] + 1) d += (sigma[v] / sigma[w]) * (1 + delta[w]);
      }
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
  scale *= n / k;
  for (let v = 0; v < n; v++) cb[v] *= scale;
  return cb;
}
