import { pagerank } from '../../../server/metrics/pagerank';
import { adjacency } from './helpers';

/*
 * Expected values from networkx 3.6.1 (the pure-Python variant, scipy being absent):
 *   from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python
 *   D = nx.DiGraph(); D.add_nodes_from(range(7))
 *   D.add_edges_from([(0,1),(1,2),(2,0),(2,3),(3,4),(4,3),(1,4),(5,4),(3,6)])
 *   print(list(_pagerank_python(D, alpha=0.85, tol=1e-13, max_iter=10000).values()))
 */
const DIRECTED: [number, number][] = [[0, 1], [1, 2], [2, 0], [2, 3], [3, 4], [4, 3], [1, 4], [5, 4], [3, 6]];
const NX_PAGERANK = [0.077863948309, 0.107233417328, 0.08662326363, 0.283603395943, 0.242046408982, 0.041049061266, 0.161580504542];

describe('pagerank', () => {
  it('gives every node of a directed cycle the same rank', () => {
    const got = pagerank(adjacency(4, [[0, 1], [1, 2], [2, 3], [3, 0]], true));
    got.forEach((v) => expect(v).toBeCloseTo(0.25, 12));
  });

  it('gives a star centre its hand-computed rank when the leaves point at it', () => {
    // Leaves get (1-d)/n plus the centre's dangling share x0/n; x0 = (1-d)/n + d(3·x_leaf + x0/n).
    // Solving with n = 4, d = 0.85: x_leaf = 0.15/4 + 0.85·x0/4, x0 = 1 - 3·x_leaf  →  x0 = 0.475/1.6375.
    const got = pagerank(adjacency(4, [[1, 0], [2, 0], [3, 0]], true));
    const x0 = (1 - (3 * 0.15) / 4) / (1 + (3 * 0.85) / 4);
    expect(got[0]).toBeCloseTo(x0, 8); // power iteration stops at an L1 change of 1e-10·n
    expect(got.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('matches networkx on a directed graph with a cycle and a dangling node', () => {
    const got = pagerank(adjacency(7, DIRECTED, true));
    got.forEach((v, i) => expect(v).toBeCloseTo(NX_PAGERANK[i], 9));
  });

  it('returns nothing for an empty graph', () => {
    expect(pagerank([])).toHaveLength(0);
  });
});
