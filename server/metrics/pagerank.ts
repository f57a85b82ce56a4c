// PageRank by power iteration, with networkx's conventions (uniform teleport, dangling mass spread evenly).
import { asCsr, type Csr } from './graph';

export interface PageRankOptions {
  /** Probability of following an arc rather than jumping anywhere; 0.85 as in the original paper and networkx. */
  damping?: number;
  /** Stop when the L1 change of the whole vector falls under tolerance · n (networkx: 1e-6 · n). */
  tolerance?: number;
  maxIterations?: number;
}

/**
 * PageRank of every node of a directed graph given as distinct successor lists (out[i]), values summing
 * to 1. A node without successors (dangling) gives its rank to every node equally, like networkx's
 * pagerank(G) on a DiGraph. Undirected ties should be passed as two arcs.
 */
export function pagerank(adj: Csr | readonly (readonly number[])[], opts: PageRankOptions = {}): Float64Array {
  const { offset, nbr } = asCsr(adj);
  const n = offset.length - 1;
  if (n === 0) return new Float64Array(0);
  const d = opts.damping ?? 0.85;
  const tol = opts.tolerance ?? 1e-10;
  const maxIter = opts.maxIterations ?? 1000;
  let x = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  for (let iter = 0; iter < maxIter; iter++) {
    next.fill(0);
    let dangling = 0;
    for (let v = 0; v < n; v++) {
      const k = offset[v + 1] - offset[v];
      if (k === 0) dangling += x[v];
      else {
        const share = x[v] / k;
        for (let i = offset[v]; i < offset[v + 1]; i++) next[nbr[i]] += share;
      }
    }
    let err = 0;
    for (let v = 0; v < n; v++) {
      next[v] = d * (next[v] + dangling / n) + (1 - d) / n;
      err += Math.abs(next[v] - x[v]);
    }
    [x, next] = [next, x];
    if (err < n * tol) break;
  }
  return x;
}
