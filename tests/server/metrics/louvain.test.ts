import { louvain, modularity, type WeightedPairs } from '../../../server/metrics/louvain';

const clique = (ids: number[]): [number, number, number][] =>
  ids.flatMap((a, i) => ids.slice(i + 1).map((b) => [a, b, 1] as [number, number, number]));

/** Nodes with the same community label, as sets of node indexes, in a comparable order. */
const groups = (comm: number[]) =>
  [...new Set(comm)].map((c) => comm.flatMap((x, i) => (x === c ? [i] : []))).sort((a, b) => a[0] - b[0]);

describe('louvain', () => {
  it('splits two 4-cliques joined by one bridge into the two cliques', () => {
    const pairs = [...clique([0, 1, 2, 3]), ...clique([4, 5, 6, 7]), [3, 4, 1]] as WeightedPairs;
    expect(groups(louvain(8, pairs))).toEqual([[0, 1, 2, 3], [4, 5, 6, 7]]);
  });

  it('finds the six triangles of a ring of triangles', () => {
    // Ring of cliques: each triangle is a community in the modularity optimum (Fortunato & Barthélemy's example).
    const pairs: [number, number, number][] = [];
    for (let t = 0; t < 6; t++) pairs.push(...clique([3 * t, 3 * t + 1, 3 * t + 2]), [3 * t + 2, (3 * t + 3) % 18, 1]);
    expect(groups(louvain(18, pairs))).toEqual([0, 1, 2, 3, 4, 5].map((t) => [3 * t, 3 * t + 1, 3 * t + 2]));
  });

  it('keeps isolated nodes as communities of one', () => {
    expect(groups(louvain(4, [[0, 1, 1]]))).toEqual([[0, 1], [2], [3]]);
  });

  it('gives the same partition on every run', () => {
    const pairs = [...clique([0, 1, 2]), ...clique([2, 3, 4]), [4, 5, 1], [5, 0, 1]] as WeightedPairs;
    expect(louvain(6, pairs)).toEqual(louvain(6, pairs));
  });
});

describe('modularity', () => {
  /*
   * networkx 3.6.1:
   *   W = nx.Graph(); W.add_weighted_edges_from([(0,1,2),(1,2,1),(0,2,1),(2,3,1),(3,4,1),(4,5,3),(3,5,1)])
   *   nx.community.modularity(W, [{0,1,2},{3,4,5}])  → 0.395
   *   nx.community.modularity(W, [{0,1,2,3},{4,5}])  → 0.28
   */
  const W: WeightedPairs = [[0, 1, 2], [1, 2, 1], [0, 2, 1], [2, 3, 1], [3, 4, 1], [4, 5, 3], [3, 5, 1]];
  it.each([
    [[0, 0, 0, 1, 1, 1], 0.395],
    [[0, 0, 0, 0, 1, 1], 0.28],
  ])('matches networkx for the partition %j', (comm, q) => {
    expect(modularity(6, W, comm)).toBeCloseTo(q, 12);
  });

  it('is 0 for a graph without edges', () => {
    expect(modularity(3, [], [0, 1, 2])).toBe(0);
  });
});
