// Unit tests for the funding-chain arithmetic: partial dates, chain amounts, totals with unknown parts, ordering.
import type { GraphEdge, GraphNode } from '../../../model/schema';
import { comparePartialDates, datesInOrder, filterByDates, sortChains, toChain, totals } from '../../../server/funding/chains';

function hop(source: string, target: string, extra: Partial<GraphEdge> = {}): GraphEdge {
  const type = extra.type ?? 'FUNDS';
  return { id: `${type}:${source}:${target}`, source, target, type, status: 'effective', evidence: [{ source: 's', excerpt: 'e' }], ...extra };
}
const pilots = (s: string, t: string, extra: Partial<GraphEdge> = {}) => hop(s, t, { type: 'PILOTS', ...extra });

describe('comparePartialDates', () => {
  it.each([
    ['2015', '2015-03', 0],
    ['2015-03', '2015', 0],
    ['2015-03-12', '2015-03', 0],
    ['2014', '2015-03', -1],
    ['2015-04', '2015-03-31', 1],
    ['2015-03-01', '2015-03-02', -1],
    ['2016', '2015-12-31', 1],
  ] as const)('compares %s with %s as %i at their common precision', (a, b, expected) => {
    expect(comparePartialDates(a, b)).toBe(expected);
  });
});

describe('datesInOrder', () => {
  it.each([
    ['hops dated later and later', [hop('a', 'b', { date: '2014' }), hop('b', 'c', { date: '2015-02' })], true],
    ['a month inside the year before it', [hop('a', 'b', { date: '2015' }), hop('b', 'c', { date: '2015-03' })], true],
    ['a hop earlier than the one before it', [hop('a', 'b', { date: '2016' }), hop('b', 'c', { date: '2015-12' })], false],
    ['an undated hop between two hops going backwards', [hop('a', 'b', { date: '2016' }), hop('b', 'c'), hop('c', 'd', { date: '2014' })], false],
    ['only undated hops', [hop('a', 'b'), hop('b', 'c')], true],
    ['a PILOTS hop dated before the grant (a standing role, not a payment)', [hop('a', 'b', { date: '2016' }), pilots('b', 'c', { date: '2015-02' })], true],
  ])('is right for %s', (_label, hops, expected) => {
    expect(datesInOrder(hops)).toBe(expected);
  });
});

describe('toChain', () => {
  it('takes the amount of a single FUNDS hop, through a PILOTS hop, and flags the PILOTS route', () => {
    const c = toChain([hop('cci', 'medinsoft', { amount: 50_000, date: '2016' }), pilots('medinsoft', 'amft', { date: '2015-02' })]);
    expect(c).toMatchObject({ funder: 'cci', beneficiary: 'amft', amount: 50_000, viaPilots: true, undatedHops: [], datesInOrder: true });
  });

  it('leaves the amount unknown past one FUNDS hop, even when every hop has an amount', () => {
    const c = toChain([hop('etat', 'bpi', { amount: 1e9 }), hop('bpi', 'x', { amount: 5e6 })]);
    expect(c.amount).toBeUndefined();
    expect(c.undatedHops).toEqual(['FUNDS:etat:bpi', 'FUNDS:bpi:x']);
  });

  it('leaves the amount unknown when the hop has none', () => {
    expect(toChain([hop('a', 'x')]).amount).toBeUndefined();
  });
});

describe('totals', () => {
  it('sums known amounts per funder and counts unknown parts instead of adding 0', () => {
    const chains = [
      toChain([hop('region', 'x', { amount: 100 })]),
      toChain([hop('region', 'm', { amount: 50 }), pilots('m', 'x')]),
      toChain([hop('region', 'x', { id: 'second-grant' })]),
      toChain([hop('city', 'x')]),
    ];
    expect(totals(chains, 'upstream')).toEqual([
      { actor: 'region', known: 150, unknownParts: 1, complete: false, chains: 3, viaPilots: false, statuses: ['effective'] },
      { actor: 'city', known: 0, unknownParts: 1, complete: false, chains: 1, viaPilots: false, statuses: ['effective'] },
    ]);
  });

  it('counts one grant once when two pilot routes follow it', () => {
    const grant = hop('f', 'm', { amount: 200 });
    const chains = [toChain([grant, pilots('m', 'x')]), toChain([grant, pilots('m', 'y'), pilots('y', 'x')])];
    expect(totals(chains, 'upstream')).toEqual([
      { actor: 'f', known: 200, unknownParts: 0, complete: true, chains: 2, viaPilots: true, statuses: ['effective'] },
    ]);
  });

  it('leaves declined funding out of the totals', () => {
    const chains = [toChain([hop('bpi', 'x', { amount: 10, status: 'declined' })]), toChain([hop('cdc', 'x', { amount: 5, status: 'pending' })])];
    expect(totals(chains, 'upstream').map((t) => [t.actor, t.known, t.statuses])).toEqual([['cdc', 5, ['pending']]]);
  });

  it('groups by beneficiary downstream', () => {
    const chains = [toChain([hop('x', 'a', { amount: 3 })]), toChain([hop('x', 'b', { amount: 7 })]), toChain([hop('x', 'b', { id: 'again', amount: 1 })])];
    expect(totals(chains, 'downstream').map((t) => [t.actor, t.known, t.complete])).toEqual([['b', 8, true], ['a', 3, true]]);
  });
});

describe('sortChains', () => {
  it('puts known amounts first, largest first, then shorter chains, then names', () => {
    const names = new Map<string, GraphNode>(['a', 'b', 'c', 'd'].map((id) => [id, { id, name: id.toUpperCase(), kind: 'company', aliases: [] }]));
    const chains = [
      toChain([hop('d', 'm'), hop('m', 'x')]),
      toChain([hop('c', 'x')]),
      toChain([hop('b', 'x', { amount: 10 })]),
      toChain([hop('a', 'x', { amount: 20 })]),
    ];
    expect(sortChains(chains, 'upstream', names).map((c) => c.funder)).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('filterByDates', () => {
  const ok = toChain([hop('a', 'b', { date: '2014' }), hop('b', 'c', { date: '2015' })]);
  const backwards = toChain([hop('a', 'b', { date: '2016' }), hop('b', 'c', { date: '2015' })]);

  it('drops the chains going backwards in time and counts them when asked to', () => {
    expect(filterByDates([ok, backwards], true)).toEqual({ kept: [ok], dropped: 1 });
  });

  it('keeps every chain otherwise', () => {
    expect(filterByDates([ok, backwards], false)).toEqual({ kept: [ok, backwards], dropped: 0 });
  });
});
