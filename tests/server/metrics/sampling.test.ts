// Sampled betweenness and broker searches: which sources, in what order, and a time budget that cuts them
// (stated in the parameters), so a loaded machine gets an estimate from fewer searches instead of a long wait.
import { betweenness, betweennessSampled, sourceOrder } from '../../../server/metrics/betweenness';
import { brokerColumns } from '../../../server/metrics/brokers';
import { BETWEENNESS_MIN_SOURCES, BROKER_FUNDERS_MIN, computeColumns } from '../../../server/metrics';
import { FUNDS, KIND_INDEX, csrFromArcs, type MetricsInput } from '../../../server/metrics/graph';

/** A ring of n actors, every third a public funder, the others companies: every node alike in betweenness. */
function ring(n: number): MetricsInput {
  const ids = Array.from({ length: n }, (_, i) => `a${String(i).padStart(6, '0')}`);
  const kinds = Uint8Array.from({ length: n }, (_, i) => KIND_INDEX.get(i % 3 === 0 ? 'public_body' : 'company')!);
  const src = Int32Array.from({ length: n }, (_, i) => i);
  const dst = Int32Array.from({ length: n }, (_, i) => (i + 1) % n);
  return { ids, names: ids, kinds, m: n, src, dst, type: new Uint8Array(n).fill(FUNDS), amount: new Float64Array(n).fill(NaN) };
}

const undirectedRing = (n: number) => {
  const from = Int32Array.from({ length: 2 * n }, (_, i) => (i < n ? i : (i - n + 1) % n));
  const to = Int32Array.from({ length: 2 * n }, (_, i) => (i < n ? (i + 1) % n : i - n));
  return csrFromArcs(n, from, to, 2 * n);
};

describe('sourceOrder', () => {
  it('gives every node in order when exact', () => {
    expect([...sourceOrder(5, 5)]).toEqual([0, 1, 2, 3, 4]);
  });

  it('gives the k evenly spaced nodes, each once, the first ones spread over the whole range', () => {
    const order = [...sourceOrder(80, 8)];
    expect([...order].sort((a, b) => a - b)).toEqual([0, 10, 20, 30, 40, 50, 60, 70]);
    expect(order.slice(0, 4)).toEqual([0, 40, 20, 60]);
    const odd = [...sourceOrder(1000, 300)];
    expect(new Set(odd).size).toBe(300);
    expect(odd.every((v) => v >= 0 && v < 1000)).toBe(true);
  });
});

describe('betweenness with a deadline', () => {
  it('searches from the minimum number of sources once the deadline has passed, and scales by what it did', () => {
    const g = undirectedRing(60);
    const cut = betweennessSampled(g, { directed: false, pivots: 30, deadline: performance.now() - 1, minPivots: 3 });
    expect(cut.sources).toBe(3);
    // On a ring every source sees the same: three sources scaled by 60/3 give the exact total.
    const sum = (a: Float64Array) => a.reduce((s, v) => s + v, 0);
    expect(sum(cut.values)).toBeCloseTo(sum(betweenness(g, { directed: false })), 9);
  });

  it('does every planned search when the deadline is far', () => {
    expect(betweennessSampled(undirectedRing(60), { directed: false, pivots: 30, deadline: performance.now() + 60_000, minPivots: 3 }).sources).toBe(30);
  });
});

describe('broker searches with a deadline', () => {
  it('stops after the minimum sample once the deadline has passed, and says how many it did', () => {
    const x = ring(90);
    const out = csrFromArcs(90, x.src, x.dst, x.m);
    const b = brokerColumns({ out, isFunder: Uint8Array.from(x.kinds, (k) => (k === KIND_INDEX.get('public_body') ? 1 : 0)), isCompany: Uint8Array.from(x.kinds, (k) => (k === KIND_INDEX.get('company') ? 1 : 0)), sample: 20, deadline: performance.now() - 1, minSample: 4 });
    expect([b.searched, b.funders]).toEqual([4, 30]);
  });
});

describe('computeColumns time budgets', () => {
  it('cuts the default samples at their budgets and states the cut in the estimates', () => {
    const c = computeColumns(ring(3000), { betweennessBudgetMs: 0, brokerBudgetMs: 0 });
    expect(c.parameters.betweennessSources).toBe(BETWEENNESS_MIN_SOURCES);
    expect(c.parameters.betweennessExact).toBe(false);
    expect(c.parameters.brokerFunders).toBe(BROKER_FUNDERS_MIN);
    expect(c.parameters.brokerFundersTotal).toBe(1000);
    expect(c.parameters.estimates).toEqual([
      expect.stringMatching(/^betweenness: estimated from 100 of 3000 actors .* time budget reached after 100 of \d+ planned searches$/),
      expect.stringMatching(/^broker: searches from 50 of 1000 public funders, .* time budget reached after 50 of 400 planned searches$/),
    ]);
  });

  it('does every search of a count asked for, whatever the budget', () => {
    const c = computeColumns(ring(3000), { betweennessSources: 150, brokerFunders: 70, betweennessBudgetMs: 0, brokerBudgetMs: 0 });
    expect([c.parameters.betweennessSources, c.parameters.brokerFunders]).toEqual([150, 70]);
    expect(c.parameters.estimates.join(' ')).not.toMatch(/budget/);
  });

  it('stays exact on a graph under the exact size, whatever the budget', () => {
    const c = computeColumns(ring(500), { betweennessBudgetMs: 0 });
    expect([c.parameters.betweennessSources, c.parameters.betweennessExact]).toEqual([500, true]);
  });
});
