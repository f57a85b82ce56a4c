// Betweenness centrality by Brandes' algorithm (unweighted shortest paths), scaled as networkx scales it.
export interface BetweennessOptions {
  /** Whether `adj` lists arcs (u → v only) or undirected neighbours (each pair listed both ways). */
  directed: boolean;
  /** Divide by the number of ordered pairs not involving the node, (n-1)(n-2), as networkx does by default. */
  normalized?: boolean;
}

/**
 * Betweenness of every node of a graph given as adjacency lists (node i's neighbours or successors in adj[i]).
 * Brandes (2001): one breadth-first search per source, then dependencies accumulated backwards, O(n·m).
 * With normalized, values match networkx's betweenness_centrality(G) for the same graph (undirected: G a
 * Graph; directed: a DiGraph); unnormalized undirected values count each unordered pair once.
 */
export function betweenness(adj: number[][], opts: BetweennessOptions): number[] {
  const n = adj.length;
  const cb = new Array<number>(n).fill(0);
  const sigma = new Float64Array(n);
  const dist = new Int32Array(n);
  const delta = new Float64Array(n);
  const preds: number[][] = adj.map(() => []);
  const order: number[] = [];
  const queue = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    sigma.fill(0);
    dist.fill(-1);
    delta.fill(0);
    for (const p of preds) p.length = 0;
    order.length = 0;
    sigma[s] = 1;
    dist[s] = 0;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    while (head < tail) {
      const v = queue[head++];
      order.push(v);
      for (const w of adj[v]) {
        if (dist[w] < 0) {
          dist[w] = dist[v] + 1;
          queue[tail++] = w;
        }
        if (dist[w] === dist[v] + 1) {
          sigma[w] += sigma[v];
          preds[w].push(v);
        }
      }
    }
    for (let i = order.length - 1; i > 0; i--) {
      const w = order[i];
      for (const v of preds[w]) delta[v] += (sigma[v] / sigma[w]) * (1 + delta[w]);
      cb[w] += delta[w];
    }
  }
  // Undirected, the searches from both ends find every pair twice: halve raw values. Normalized, that double
  // count is exactly the 2 of the undirected pair count 2/((n-1)(n-2)), so both cases divide by (n-1)(n-2).
  let scale = opts.directed ? 1 : 0.5;
  if (opts.normalized) scale = n > 2 ? 1 / ((n - 1) * (n - 2)) : 0;
  return cb.map((x) => x * scale);
}
