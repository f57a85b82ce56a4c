import { indexGraph } from '../../../server/metrics/graph';
import { brokers } from '../../../server/metrics/brokers';
import { edge, node } from './helpers';

/*
 * region (local authority) FUNDS prog, prog PARTNERS_WITH acme and beta: prog connects region to both.
 * state (public body) PILOTS label, label LABELS acme: label connects state to acme, and acme (partnership
 * arcs run both ways) carries state on to beta in four hops: state → label → acme → prog → beta.
 * state FUNDS a1 and a2, both partners of delta: two equal routes, half the pair each.
 * region FUNDS direct: no intermediary. omega FUNDS prog: region cannot reach omega along the arcs.
 * region → x1 → x2 → x3 → x4 → far is five hops: beyond the limit of four.
 */
const NODES = [
  node('region', 'local_authority'), node('state', 'public_body'), node('prog', 'programme'), node('label', 'label'),
  node('a1', 'accelerator'), node('a2', 'accelerator'), node('x1', 'programme'), node('x2', 'programme'),
  node('x3', 'programme'), node('x4', 'programme'),
  node('acme'), node('beta'), node('delta'), node('direct'), node('omega'), node('far'),
];
const EDGES = [
  edge('FUNDS', 'region', 'prog'), edge('PARTNERS_WITH', 'acme', 'prog'), edge('PARTNERS_WITH', 'beta', 'prog'),
  edge('PILOTS', 'state', 'label'), edge('LABELS', 'label', 'acme'),
  edge('FUNDS', 'state', 'a1'), edge('FUNDS', 'state', 'a2'), edge('PARTNERS_WITH', 'a1', 'delta'), edge('PARTNERS_WITH', 'a2', 'delta'),
  edge('FUNDS', 'region', 'direct'), edge('FUNDS', 'omega', 'prog'),
  edge('FUNDS', 'region', 'x1'), edge('PILOTS', 'x1', 'x2'), edge('PILOTS', 'x2', 'x3'), edge('PILOTS', 'x3', 'x4'), edge('PILOTS', 'x4', 'far'),
];

function scores(edges = EDGES, maxHops?: number): Record<string, { pairs: number; share: number }> {
  const g = indexGraph(NODES, edges);
  const kind = new Map(NODES.map((n) => [n.id, n.kind]));
  const isFunder = g.ids.map((id) => ['public_body', 'local_authority'].includes(kind.get(id)!));
  const isCompany = g.ids.map((id) => kind.get(id) === 'company');
  const s = brokers({ out: g.out, isFunder, isCompany, maxHops });
  return Object.fromEntries(g.ids.map((id, i) => [id, s[i]]));
}

describe('brokers', () => {
  it.each([
    ['prog', 3, 3], // (region, acme), (region, beta), (state, beta)
    ['label', 2, 2], // (state, acme), (state, beta)
    ['acme', 1, 1], // (state, beta): a company can be a broker too
    ['a1', 1, 0.5], // (state, delta), one of two routes
    ['a2', 1, 0.5],
    ['x1', 0, 0], // far is five hops away
    ['region', 0, 0], // an end of the pair is never its broker
    ['direct', 0, 0],
    ['omega', 0, 0], // reachable only against the arcs
  ])('gives %s %d pairs and a share of %d', (id, pairs, share) => {
    const got = scores()[id];
    expect(got.pairs).toBe(pairs);
    expect(got.share).toBeCloseTo(share, 12);
  });

  it('counts the long chain once the hop limit reaches it', () => {
    const s = scores(EDGES, 5);
    expect(['x1', 'x2', 'x3', 'x4'].map((id) => s[id].pairs)).toEqual([1, 1, 1, 1]);
  });

  it('ignores a declined relationship', () => {
    const edges = EDGES.map((e) => (e.source === 'region' && e.target === 'prog' ? { ...e, status: 'declined' as const } : e));
    expect(scores(edges).prog.pairs).toBe(1); // only (state, beta) is left
  });
});
