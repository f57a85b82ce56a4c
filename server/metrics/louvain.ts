// Communities by the Louvain method (Blondel et al. 2008): greedy modularity moves, then aggregation, repeated.

/** Undirected weighted pairs [i, j, weight], i ≠ j, each pair once. */
export type WeightedPairs = readonly (readonly [number, number, number])[];

interface Level {
  n: number;
  /** adj[i]: neighbour → weight, i excluded. */
  adj: Map<number, number>[];
  /** Weight of the edges inside node i (after aggregation), each counted once. */
  self: number[];
}

function levelFrom(n: number, pairs: WeightedPairs): Level {
  const adj = Array.from({ length: n }, () => new Map<number, number>());
  for (const [i, j, w] of pairs) {
    if (i === j) continue;
    adj[i].set(j, (adj[i].get(j) ?? 0) + w);
    adj[j].set(i, (adj[j].get(i) ?? 0) + w);
  }
  return { n, adj, self: new Array<number>(n).fill(0) };
}

/** One pass of local moves; returns each node's community (renumbered 0..k-1) and whether anything moved. */
function moveNodes(g: Level): { comm: number[]; moved: boolean } {
  const k = g.adj.map((a, i) => [...a.values()].reduce((s, w) => s + w, 0) + 2 * g.self[i]);
  const m2 = k.reduce((s, x) => s + x, 0);
  const comm = Array.from({ length: g.n }, (_, i) => i);
  const tot = [...k];
  let moved = false;
  if (m2 === 0) return { comm, moved };
  for (let improved = true; improved; ) {
    improved = false;
    // Nodes in index order (ids sorted): the same graph always gives the same communities.
    for (let i = 0; i < g.n; i++) {
      const own = comm[i];
      const links = new Map<number, number>();
      for (const [j, w] of g.adj[i]) links.set(comm[j], (links.get(comm[j]) ?? 0) + w);
      tot[own] -= k[i];
      // Gain of joining c, up to a positive factor: k_i,in(c) − tot(c)·k_i / 2m.
      let best = own;
      let bestGain = (links.get(own) ?? 0) - (tot[own] * k[i]) / m2;
      for (const [c, w] of links) {
        const gain = w - (tot[c] * k[i]) / m2;
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
  const renum = new Map<number, number>();
  return { comm: comm.map((c) => renum.get(c) ?? (renum.set(c, renum.size), renum.size - 1)), moved };
}

function aggregate(g: Level, comm: number[]): Level {
  const n = Math.max(-1, ...comm) + 1;
  const adj = Array.from({ length: n }, () => new Map<number, number>());
  const self = new Array<number>(n).fill(0);
  for (let i = 0; i < g.n; i++) {
    self[comm[i]] += g.self[i];
    for (const [j, w] of g.adj[i]) {
      if (j < i) continue; // each pair once
      const [a, b] = [comm[i], comm[j]];
      if (a === b) self[a] += w;
      else {
        adj[a].set(b, (adj[a].get(b) ?? 0) + w);
        adj[b].set(a, (adj[b].get(a) ?? 0) + w);
      }
    }
  }
  return { n, adj, self };
}

/**
 * Community of each of n nodes, maximising modularity greedily. Deterministic (no random order), so the
 * same graph always gives the same partition; isolated nodes are communities of one.
 */
export function louvain(n: number, pairs: WeightedPairs): number[] {
  let level = levelFrom(n, pairs);
  let membership = Array.from({ length: n }, (_, i) => i);
  for (;;) {
    const { comm, moved } = moveNodes(level);
    if (!moved) break;
    membership = membership.map((c) => comm[c]);
    level = aggregate(level, comm);
  }
  return membership;
}

/** Newman's modularity Q of a partition, same value as networkx.community.modularity on the weighted graph. */
export function modularity(n: number, pairs: WeightedPairs, comm: number[]): number {
  const k = new Array<number>(n).fill(0);
  let m = 0;
  const inside = new Map<number, number>();
  for (const [i, j, w] of pairs) {
    m += w;
    k[i] += w;
    k[j] += w;
    if (comm[i] === comm[j]) inside.set(comm[i], (inside.get(comm[i]) ?? 0) + w);
  }
  if (m === 0) return 0;
  const tot = new Map<number, number>();
  for (let i = 0; i < n; i++) tot.set(comm[i], (tot.get(comm[i]) ?? 0) + k[i]);
  let q = 0;
  for (const [c, t] of tot) q += (inside.get(c) ?? 0) / m - (t / (2 * m)) ** 2;
  return q;
}
