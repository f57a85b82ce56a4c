// tieColumns: ties to create as rel-create-at.cypher's columns, the same values toStored gives their properties.
import { REL_STORED_KEYS, hashValue, toStored } from '../../../server/changes/records';
import { tieColumns } from '../../../server/changes/write';
import type { RelationshipRecord } from '../../../model/schema';

const PREFIX = '4:0f3d2c1b-aaaa-bbbb-cccc-0123456789ab:';
const nodes = new Map([
  ['acteur-1', `${PREFIX}11`],
  ['acteur-2', `${PREFIX}12`],
  ['acteur-3', `${PREFIX}103`],
]);

const ties: RelationshipRecord[] = [
  { id: 'FUNDS:acteur-1:acteur-2', type: 'FUNDS', source: 'acteur-1', target: 'acteur-2', status: 'effective', amount: 1_500_000, amountRaw: '1,5 M€', date: '2016-03', dateRaw: 'mars 2016', evidence: [{ source: 'd-1', excerpt: 'Acteur 1 finance Acteur 2' }] },
  { id: 'PARTNERS_WITH:acteur-2:acteur-3:bis', type: 'PARTNERS_WITH', source: 'acteur-2', target: 'acteur-3', status: 'planned', role: 'chef de file', note: 'Ωμέγα 😀', evidence: [{ source: 'd-1', excerpt: '' }, { source: 'd-2', excerpt: 'x'.repeat(20_000) }] },
  { id: 'LABELS:acteur-3:acteur-1', type: 'LABELS', source: 'acteur-3', target: 'acteur-1', status: 'effective', amount: 12.5, evidence: [{ source: 'd-3', excerpt: 'a' }], claims: [{ amount: 12.5, sources: ['d-3'] }, { amount: 13, sources: ['d-4'] }] },
  // An id that looks derived but names other ends: kept.
  { id: 'FUNDS:acteur-1:acteur-3', type: 'FUNDS', source: 'acteur-1', target: 'acteur-2', status: 'effective', evidence: [{ source: 'd-1', excerpt: 'e' }] },
];

describe('tieColumns', () => {
  it('gives each stored property as toStored does (null when absent), the derived ids as null and the ends by element id', () => {
    const cols = tieColumns(ties, 'cs-1', nodes)!;
    expect(cols._cs).toBe('cs-1');
    ties.forEach((r, i) => {
      const props = toStored('relationship', r, 'cs-1');
      for (const k of REL_STORED_KEYS) {
        if (k === '_cs' || k === 'id') continue;
        expect([k, (cols[k] as unknown[])[i]]).toEqual([k, props[k] ?? null]);
      }
      expect((cols.id as unknown[])[i]).toBe(r.id === `${r.type}:${r.source}:${r.target}` ? null : r.id);
      expect([(cols.source as string[])[i], (cols.target as string[])[i], (cols.type as string[])[i]]).toEqual([r.source, r.target, r.type]);
      expect(`${cols.ep as string}${(cols.s as string[])[i]}`).toBe(nodes.get(r.source));
      expect(`${cols.ep as string}${(cols.t as string[])[i]}`).toBe(nodes.get(r.target));
    });
    expect(cols.id).toEqual([null, ties[1].id, null, ties[3].id]);
    expect((cols.ep as string).startsWith(PREFIX)).toBe(true);
  });

  it('takes the hashes it is given and computes those it is not', () => {
    const cols = tieColumns(ties, 'cs-1', nodes, [7, undefined, 9, undefined])!;
    expect(cols._h).toEqual([7, hashValue('relationship', ties[1]), 9, hashValue('relationship', ties[3])]);
  });

  it('gives nothing when an end has no element id', () => {
    expect(tieColumns([...ties, { ...ties[0], id: 'FUNDS:acteur-1:acteur-9', target: 'acteur-9' }], 'cs-1', nodes)).toBeUndefined();
  });
});
