// Metrics on million-item inputs: nothing recursive and no spread of a big array into a call (which throws
// RangeError past ~100k arguments), so every function completes on 1M ties or 1M actors.
import { betweenness } from '../../../server/metrics/betweenness';
import { brokerColumns } from '../../../server/metrics/brokers';
import { computeColumns } from '../../../server/metrics';
import { FUNDS, KIND_INDEX, csrFromArcs, type MetricsInput } from '../../../server/metrics/graph';
import { louvainCsr, modularityCsr } from '../../../server/metrics/louvain';
import { pagerank } from '../../../server/metrics/pagerank';

const M = 1_000_000;

/** A funder at the centre of a star of `leaves` companies: one actor with a million ties. */
function star(leaves: number): MetricsInput {
  const n = leaves + 1;
  const ids = Array.from({ length: n }, (_, i) => `a${String(i).padStart(7, '0')}`);
  const kinds = new Uint8Array(n).fill(KIND_INDEX.get('company')!);
  kinds[0] = KIND_INDEX.get('public_body')!;
  const src = new Int32Array(leaves);
  const dst = Int32Array.from({ length: leaves }, (_, i) => i + 1);
  return { ids, names: ids, kinds, m: leaves, src, dst, type: new Uint8Array(leaves).fill(FUNDS), amount: new Float64Array(leaves).fill(10) };
}

/** A path 0 - 1 - 2 - … - (n-1) as a CSR listing each pair from both ends. */
function path(n: number) {
  const from = new Int32Array(2 * (n - 1));
  const to = new Int32Array(2 * (n - 1));
  for (let i = 0; i < n - 1; i++) {
    from[2 * i] = i;
    to[2 * i] = i + 1;
    from[2 * i + 1] = i + 1;
    to[2 * i + 1] = i;
  }
  return csrFromArcs(n, from, to, from.length, true);
}

describe('metrics on a million items', () => {
  it('computes every metric of a star with one million ties (a hub of degree 1M)', () => {
    const c = computeColumns(star(M), { betweennessSources: 2, brokerFunders: 1 });
    expect(c.degree[0]).toBe(M);
    expect(c.fundsOutAmount[0]).toBe(10 * M);
    expect(c.orders.degree[0]).toBe(0);
    // The hub lies on the path of every pair of leaves: first by betweenness, estimated from two sources.
    expect(c.orders.betweenness[0]).toBe(0);
    expect(c.betweenness[0]).toBeGreaterThan(0.4);
    expect(c.parameters.estimates.join(' ')).toMatch(/betweenness: estimated from 2 of 1000001/);
    expect(c.brokerPairs[0]).toBe(0);
    expect(c.communitySizes.reduce((a, b) => a + b, 0)).toBe(M + 1);
    expect(c.pagerank.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  });

  it('finds communities along a path of one million actors and scores them', () => {
    const g = path(M);
    const comm = louvainCsr(g);
    expect(comm).toHaveLength(M);
    expect(modularityCsr(g, comm)).toBeGreaterThan(0.9);
  });

  it('ranks a million actors by PageRank and walks a million-long chain for betweenness', () => {
    const g = path(M);
    expect(pagerank(g, { maxIterations: 20 })).toHaveLength(M);
    // From one end, every node but the ends is on the way to everything beyond it.
    const b = betweenness(g, { directed: false, pivots: 1 });
    expect(b[1]).toBeGreaterThan(b[M - 2]);
  });

  it('scores brokers from half a million funders along a million-long chain', () => {
    // Even nodes are funders, odd ones companies: an inner node lies between two (funder, company) pairs at
    // most four hops apart, one on each side (e.g. for odd i: (i-1, i+2) and (i+1, i-2)).
    const isFunder = Uint8Array.from({ length: M }, (_, i) => (i % 2 === 0 ? 1 : 0));
    const isCompany = Uint8Array.from({ length: M }, (_, i) => i % 2);
    const b = brokerColumns({ out: path(M), isFunder, isCompany });
    expect(b.searched).toBe(M / 2);
    expect([b.pairs[M / 2], b.pairs[M / 2 + 1]]).toEqual([2, 2]);
  });
});
