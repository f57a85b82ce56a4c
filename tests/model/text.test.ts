import { fold, tokens } from '../../model/text';

describe('fold', () => {
  it('folds every printable ASCII string as the full folding does (its fast path)', () => {
    const full = (s: string) => s.replace(/[œŒ]/g, 'oe').replace(/[æÆ]/g, 'ae').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
    const ascii = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c)).join('');
    for (const s of [ascii, ` ${ascii} Acteur 12 `, 'BPI France', 'SAS  Ynov--Campus (Aix)', '']) expect(fold(s)).toBe(full(s));
  });
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
