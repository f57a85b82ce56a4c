import { degrees, fundsOf } from '../../../server/metrics/degree';
import { indexGraph } from '../../../server/metrics/graph';
import { edge, node } from './helpers';

const NODES = [node('region', 'local_authority'), node('bank', 'public_body'), node('acme'), node('beta')];
const EDGES = [
  edge('FUNDS', 'region', 'acme', { amount: 100_000, date: '2014' }),
  edge('FUNDS', 'region', 'acme', { id: 'FUNDS:region:acme:2015', amount: 50_000, date: '2015' }),
  edge('FUNDS', 'bank', 'acme'), // amount unknown: counted, not summed as 0
  edge('FUNDS', 'bank', 'beta', { amount: 1_000_000, status: 'declined' }), // no tie: left out
  edge('PARTNERS_WITH', 'acme', 'beta'),
  edge('PILOTS', 'region', 'bank'),
];

describe('degrees', () => {
  const g = indexGraph(NODES, EDGES);
  const cols = degrees(g);
  const d = Object.fromEntries(
    g.ids.map((id, i) => [id, { degree: cols.degree[i], inDegree: cols.inDegree[i], outDegree: cols.outDegree[i], ...fundsOf(cols, i) }]),
  );

  it.each([
    ['region', 3, 0, 3],
    ['bank', 2, 1, 1],
    ['acme', 4, 4, 1], // three FUNDS in, one partnership counted both in and out
    ['beta', 1, 1, 1],
  ])('gives %s degree %d, in %d, out %d', (id, degree, inDegree, outDegree) => {
    expect(d[id]).toMatchObject({ degree, inDegree, outDegree });
  });

  it('sums known amounts and counts unknown ones', () => {
    expect(d.acme.fundsIn).toEqual({ amount: 150_000, known: 2, unknown: 1 });
    expect(d.region.fundsOut).toEqual({ amount: 150_000, known: 2, unknown: 0 });
    expect(d.bank.fundsOut).toEqual({ amount: 0, known: 0, unknown: 1 });
  });

  it('leaves a declined funding out of both ends', () => {
    expect(d.beta.fundsIn).toEqual({ amount: 0, known: 0, unknown: 0 });
  });
});
