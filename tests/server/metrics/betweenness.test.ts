import { betweenness } from '../../../server/metrics/betweenness';
import { adjacency } from './helpers';

/*
 * Expected values from networkx 3.6.1 (a one-off script):
 *   import networkx as nx
 *   U = nx.Graph(); U.add_nodes_from(range(8))
 *   U.add_edges_from([(0,1),(0,2),(1,3),(2,3),(3,4),(4,5),(4,6),(5,6),(6,7)])
 *   print(list(nx.betweenness_centrality(U).values()))
 *   D = nx.DiGraph(); D.add_nodes_from(range(7))
 *   D.add_edges_from([(0,1),(1,2),(2,0),(2,3),(3,4),(4,3),(1,4),(5,4),(3,6)])
 *   print(list(nx.betweenness_centrality(D).values()))
 */
const UNDIRECTED: [number, number][] = [[0, 1], [0, 2], [1, 3], [2, 3], [3, 4], [4, 5], [4, 6], [5, 6], [6, 7]];
const NX_UNDIRECTED = [0.02380952381, 0.119047619048, 0.119047619048, 0.595238095238, 0.571428571429, 0.0, 0.285714285714, 0.0];
const DIRECTED: [number, number][] = [[0, 1], [1, 2], [2, 0], [2, 3], [3, 4], [4, 3], [1, 4], [5, 4], [3, 6]];
const NX_DIRECTED = [0.033333333333, 0.133333333333, 0.1, 0.2, 0.133333333333, 0.0, 0.0];

describe('betweenness', () => {
  it.each([
    ['the middle of a path a-b-c', 3, [[0, 1], [1, 2]], [0, 1, 0]],
    ['the centre of a star with four leaves', 5, [[0, 1], [0, 2], [0, 3], [0, 4]], [1, 0, 0, 0, 0]],
    ['each of two parallel routes of a square (half the pair each)', 4, [[0, 1], [1, 2], [2, 3], [3, 0]], [1 / 6, 1 / 6, 1 / 6, 1 / 6]],
  ] as const)('gives the hand-computed normalized value for %s', (_name, n, pairs, expected) => {
    const got = betweenness(adjacency(n, pairs.map((p) => [...p] as [number, number]), false), { directed: false, normalized: true });
    got.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 10));
  });

  it('counts each unordered pair once when not normalized', () => {
    // Path 0-1-2-3: node 1 lies between (0,2) and (0,3).
    expect(Array.from(betweenness(adjacency(4, [[0, 1], [1, 2], [2, 3]], false), { directed: false }))).toEqual([0, 2, 2, 0]);
  });

  it('matches networkx on an undirected graph with two shortest routes', () => {
    const got = betweenness(adjacency(8, UNDIRECTED, false), { directed: false, normalized: true });
    got.forEach((v, i) => expect(v).toBeCloseTo(NX_UNDIRECTED[i], 9));
  });

  it('matches networkx on a directed graph with a cycle and a dangling node', () => {
    const got = betweenness(adjacency(7, DIRECTED, true), { directed: true, normalized: true });
    got.forEach((v, i) => expect(v).toBeCloseTo(NX_DIRECTED[i], 9));
  });
});

describe('betweenness with pivots', () => {
  it('is exact when the pivots cover every node', () => {
    const adj = adjacency(8, UNDIRECTED, false);
    expect(betweenness(adj, { directed: false, normalized: true, pivots: 8 })).toEqual(betweenness(adj, { directed: false, normalized: true }));
  });

  it('estimates from every other source, scaled up, on a cycle where every source sees the same', () => {
    // On a cycle all nodes are alike, so half the sources scaled by 2 gives the exact values.
    const ring = adjacency(6, [[0, 1], [1, 2], [2, 3], [3, 4], [4, 5], [5, 0]], false);
    const exact = betweenness(ring, { directed: false });
    const est = betweenness(ring, { directed: false, pivots: 3 });
    expect(exact.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(est.reduce((a, b) => a + b, 0)).toBeCloseTo(exact.reduce((a, b) => a + b, 0), 10);
  });
});
