// Communities by the Louvain method (Blondel et al. 2008): greedy modularity moves, then aggregation, repeated.
// Typed arrays throughout (weighted CSR per level, scratch arrays indexed by community): no per-node maps.
import type { Csr } from './graph';

/** Undirected weighted pairs [i, j, weight], i ≠ j, each pair once. */
export type WeightedPairs = readonly (readonly [number, number, number])[];

interface Level {
  /** Weighted neighbours, node itself excluded, every pair listed from both ends. */
  adj: Required<Csr>;
  /** Weight of the ties inside node i (after aggregation), each counted once. */
  self: Float64Array;
}

/** Passes of local moves per level at most: each pass raises modularity, the last ones by next to nothing. */
const MAX_PASSES = 50;

/** Weighted CSR from arcs with explicit weights (merged pairs add their weights). */
function weightedCsr(n: number, from: Int32Array, to: Int32Array, w: Float64Array, count: number): Required<Csr> {
  // Sort arcs by (from, to) through the unweighted builder's counting sort, then sum weights per pair.
  const start = new Int32Array(n + 1);
  for (let i = 0; i < count; i++) start[from[i] + 1] += 1;
  for (let v = 0; v < n; v++) start[v + 1] += start[v];
  const fill = start.slice(0, n);
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[fill[from[i]]++] = i;
  const offset = new Int32Array(n + 1);
  const nbr = new Int32Array(count);
  const weight = new Float64Array(count);
  let k = 0;
  for (let v = 0; v < n; v++) {
    const row = order.subarray(start[v], start[v + 1]).sort((a, b) => to[a] - to[b] || a - b);
    for (let i = 0; i < row.length; i++) {
      const t = to[row[i]];
      if (i > 0 && t === nbr[k - 1]) weight[k - 1] += w[row[i]];
      else {
        nbr[k] = t;
        weight[k++] = w[row[i]];
      }
    }
    offset[v + 1] = k;
  }
  return { offset, nbr: nbr.slice(0, k), weight: weight.slice(0, k) };
}

/** One pass of local moves until none helps; returns each node's community (renumbered 0..k-1) and whether anything moved. */
function moveNodes(g: Level): { comm: Int32Array; count: number; moved: boolean } {
  const { offset, nbr, weight } = g.adj;
  const n = offset.length - 1;
  const k = new Float64Array(n);
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    let s = 2 * g.self[i];
    for (let e = offset[i]; e < offset[i + 1]; e++) s += weight[e];
    k[i] = s;
    m2 += s;
  }
  const comm = new Int32Array(n);
  for (let i = 0; i < n; i++) comm[i] = i;
  const tot = Float64Array.from(k);
  let moved = false;
  if (m2 > 0) {
    // Scratch, reused for every node: the weight from i to each neighbouring community, and which ones.
    const linkW = new Float64Array(n);
    const mark = new Int32Array(n).fill(-1);
    const touched = new Int32Array(n);
    for (let pass = 0, improved = true; improved && pass < MAX_PASSES; pass++) {
      improved = false;
      // Nodes in index order (ids sorted), neighbours in index order: the same graph gives the same communities.
      for (let i = 0; i < n; i++) {
        const own = comm[i];
        let count = 0;
        for (let e = offset[i]; e < offset[i + 1]; e++) {
          const c = comm[nbr[e]];
          if (mark[c] !== i) {
            mark[c] = i;
            linkW[c] = 0;
            touched[count++] = c;
          }
          linkW[c] += weight[e];
        }
        tot[own] -= k[i];
        // Gain of joining c, up to a positive factor: k_i,in(c) − tot(c)·k_i / 2m.
        let best = own;
        let bestGain = (mark[own] === i ? linkW[own] : 0) - (tot[own] * k[i]) / m2;
        for (let t = 0; t < count; t++) {
          const c = touched[t];
          const gain = linkW[c] - (tot[c] * k[i]) / m2;
          // Strictly better only (beyond rounding): every move raises modularity, so the loop ends.
          if (gain > bestGain + 1e-12) {
            best = c;
            bestGain = gain;
          }
        }
        tot[best] += k[i];
        if (best !== own) {
          comm[i] = best;
          improved = true;
          moved = true;
        }
      }
    }
  }
  const renum = new Int32Array(n).fill(-1);
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (renum[comm[i]] < 0) renum[comm[i]] = count++;
    comm[i] = renum[comm[i]];
  }
  return { comm, count, moved };
}

function aggregate(g: Level, comm: Int32Array, count: number): Level {
  const { offset, nbr, weight } = g.adj;
  const n = offset.length - 1;
  const self = new Float64Array(count);
  const from = new Int32Array(nbr.length);
  const to = new Int32Array(nbr.length);
  const w = new Float64Array(nbr.length);
  let a = 0;
  for (let i = 0; i < n; i++) {
    self[comm[i]] += g.self[i];
    for (let e = offset[i]; e < offset[i + 1]; e++) {
      const j = nbr[e];
      if (j < i) continue; // each pair once
      const ci = comm[i];
      const cj = comm[j];
      if (ci === cj) self[ci] += weight[e];
      else {
        from[a] = ci;
        to[a] = cj;
        w[a++] = weight[e];
        from[a] = cj;
        to[a] = ci;
        w[a++] = weight[e];
      }
    }
  }
  return { adj: weightedCsr(count, from, to, w, a), self };
}

/**
 * Community of each node of a weighted undirected graph (every pair listed from both ends, as `und` of
 * indexGraph), maximising modularity greedily. Deterministic (no random order), so the same graph always
 * gives the same partition; isolated nodes are communities of one.
 */
export function louvainCsr(und: Csr): Int32Array {
  const n = und.offset.length - 1;
  let level: Level = { adj: { ...und, weight: und.weight ?? new Float64Array(und.nbr.length).fill(1) }, self: new Float64Array(n) };
  const membership = new Int32Array(n);
  for (let i = 0; i < n; i++) membership[i] = i;
  for (;;) {
    const { comm, count, moved } = moveNodes(level);
    if (!moved) break;
    for (let i = 0; i < n; i++) membership[i] = comm[membership[i]];
    level = aggregate(level, comm, count);
  }
  return membership;
}

/** Pairs → weighted CSR listing each pair from both ends. */
export function csrFromPairs(n: number, pairs: WeightedPairs): Required<Csr> {
  const from = new Int32Array(2 * pairs.length);
  const to = new Int32Array(2 * pairs.length);
  const w = new Float64Array(2 * pairs.length);
  let a = 0;
  for (const [i, j, x] of pairs) {
    if (i === j) continue;
    from[a] = i;
    to[a] = j;
    w[a++] = x;
    from[a] = j;
    to[a] = i;
    w[a++] = x;
  }
  return weightedCsr(n, from, to, w, a);
}

/** louvainCsr for a list of weighted pairs. */
export function louvain(n: number, pairs: WeightedPairs): number[] {
  return Array.from(louvainCsr(csrFromPairs(n, pairs)));
}

/** Newman's modularity Q of a partition of a weighted CSR graph (each pair from both ends), as networkx computes it. */
export function modularityCsr(g: Csr, comm: ArrayLike<number>): number {
  const n = g.offset.length - 1;
  const tot = new Float64Array(n);
  const inside = new Float64Array(n);
  let twoM = 0;
  for (let i = 0; i < n; i++) {
    for (let e = g.offset[i]; e < g.offset[i + 1]; e++) {
      const w = g.weight ? g.weight[e] : 1;
      twoM += w;
      tot[comm[i]] += w;
      if (comm[i] === comm[g.nbr[e]]) inside[comm[i]] += w;
    }
  }
  if (twoM === 0) return 0;
  let q = 0;
  for (let c = 0; c < n; c++) if (tot[c] > 0) q += inside[c] / twoM - (tot[c] / twoM) ** 2;
  return q;
}

/** Newman's modularity Q of a partition, same value as networkx.community.modularity on the weighted graph. */
export function modularity(n: number, pairs: WeightedPairs, comm: ArrayLike<number>): number {
  return modularityCsr(csrFromPairs(n, pairs), comm);
}
