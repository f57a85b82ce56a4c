import { fold, tokens } from '../../model/text';

describe('fold', () => {
  it.each([
    ['Crédit Agricole', 'credit agricole'],
    ['CRÉDIT-agricole', 'credit agricole'],
    ['Aix-Marseille French Tech', 'aix marseille french tech'],
    ['Communauté du Pays d’Aix', 'communaute du pays d aix'],
    ['Œuvre', 'oeuvre'],
    ['  Jaïs  ', 'jais'],
    ['Caisse des Dépôts & Consignations', 'caisse des depots consignations'],
  ])('folds %s to %s', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });
});

describe('tokens', () => {
  it('splits a query into folded words', () => {
    expect(tokens(' Aix  Marseille ')).toEqual(['aix', 'marseille']);
  });
  it('returns no token for punctuation only', () => {
    expect(tokens(' - ’ ')).toEqual([]);
  });
});
