// Duplicate candidates: legal forms and accents ignored, sigles against their expansion, close spellings; unrelated names never paired.
import { findCandidates, findSimilar, markLinked, toForm, type ActorNames } from '../../../server/duplicates/candidates';

const actor = (id: string, name: string, extra: Partial<ActorNames> = {}): ActorNames => ({ id, name, aliases: [], kind: 'association', ...extra });
const pairOf = (a: ActorNames, b: ActorNames) => findCandidates([a, b, actor('zz-unrelated', 'Quelque chose d’autre')]);

describe('toForm', () => {
  it('drops articles, legal forms and parenthesised qualifiers, and folds accents', () => {
    const f = toForm('Association « Les Amis de l’Écluse » (Marseille) SARL');
    expect(f.words).toEqual(['amis', 'ecluse']);
    expect(f.acronym).toBe('ae');
  });
});

describe('toForm on sigles written with dots or spaces', () => {
  it.each([
    ['Pôle S.C.S', ['pole', 'scs']],
    ['C. C. I. Nice', ['cci', 'nice']],
    ["L'Oréal", ['oreal']],
    ['Société A', ['societe']],
  ])('reads %s as the words %j', (name, words) => {
    expect(toForm(name).words).toEqual(words);
  });
});

describe('findCandidates', () => {
  it.each([
    ['a legal form', actor('x', 'Association Medinsoft'), actor('y', 'MEDINSOFT'), 'same-words'],
    ['word order and spacing', actor('x', 'Bpi France'), actor('y', 'Bpifrance'), 'same-words'],
    ['a sigle written with dots', actor('x', 'Pôle S.C.S'), actor('y', 'Pôle SCS'), 'same-words'],
    ['accents and case', actor('x', 'Crédit Agricole SA'), actor('y', 'CREDIT AGRICOLE'), 'same-words'],
    ['a sigle and its expansion', actor('x', 'Aix-Marseille French Tech'), actor('y', 'AMFT'), 'acronym'],
    ['a sigle given as an alias', actor('x', 'Communauté du Pays d’Aix'), actor('y', 'Agglo', { aliases: ['CPA'] }), 'acronym'],
    ['a close spelling', actor('x', 'Jérôme Orgeas', { kind: 'person' }), actor('y', 'Jerome Orgeass', { kind: 'person' }), 'close-spelling'],
    ['one name inside the other', actor('x', 'Chambre de commerce et d’industrie'), actor('y', 'Chambre de commerce et d’industrie Nice Côte d’Azur'), 'contained'],
  ])('pairs two names differing by %s, and says so', (_what, a, b, code) => {
    const [c, ...rest] = pairOf(a, b);
    expect(rest).toEqual([]);
    expect([c.a, c.b]).toEqual(['x', 'y']);
    expect(c.reasons.map((r) => r.code)).toContain(code);
    expect(c.reasons[0].text).toMatch(/«/);
  });

  it('ranks the same name above a sigle above a close spelling', () => {
    const c = findCandidates([
      actor('a1', 'Medinsoft'), actor('a2', 'Association Medinsoft'),
      actor('b1', 'Aix-Marseille French Tech'), actor('b2', 'AMFT'),
      actor('c1', 'Launchmetrics', { kind: 'company' }), actor('c2', 'Launchmetric', { kind: 'company' }),
    ]);
    expect(c.map((x) => x.a)).toEqual(['a1', 'b1', 'c1']);
  });

  it('lowers pairs of different kinds and says why', () => {
    const same = pairOf(actor('x', 'Vinci', { kind: 'company' }), actor('y', 'VINCI SA', { kind: 'company' }))[0];
    const differ = pairOf(actor('x', 'Vinci', { kind: 'company' }), actor('y', 'VINCI SA', { kind: 'person' }))[0];
    expect(differ.score).toBeLessThan(same.score);
    expect(differ.reasons.map((r) => r.code)).toContain('kind-differs');
  });

  it.each([
    ['two different people', actor('x', 'Emmanuel Macron', { kind: 'person' }), actor('y', 'Axelle Lemaire', { kind: 'person' })],
    ['names sharing one common word', actor('x', 'Ville de Marseille'), actor('y', 'Ville de Cannes')],
    ['a two-word name inside a much longer one', actor('x', 'French Tech'), actor('y', 'Start-up des métropoles labellisées French Tech')],
  ])('does not pair %s', (_what, a, b) => {
    expect(pairOf(a, b)).toEqual([]);
  });

  it('finds a typo in the first letter (sorted neighbourhood on reversed names)', () => {
    const actors = [actor('x', 'Xedinsoft'), actor('y', 'Medinsoft'), ...Array.from({ length: 30 }, (_, i) => actor(`f${i}`, `Filler ${String.fromCharCode(97 + (i % 26))}${i} corp`))];
    expect(findCandidates(actors).map((c) => `${c.a}-${c.b}`)).toContain('x-y');
  });
});

describe('markLinked', () => {
  it('lowers a pair already tied by a relationship and drops it under the threshold', () => {
    const [c] = pairOf(actor('x', 'Luxury Tech'), actor('y', 'Accélérateur Luxury Tech'));
    const [lowered] = markLinked([c], new Set(['x|y']), 0);
    expect(lowered.score).toBeCloseTo(c.score - 0.15, 5);
    expect(lowered.reasons.map((r) => r.code)).toContain('linked');
    expect(markLinked([c], new Set(['x|y']), 0.45)).toEqual([]);
  });
});

describe('findSimilar', () => {
  const a = (id: string, name: string, aliases: string[] = []): ActorNames => ({ id, name, aliases, kind: 'company' });

  it('finds for a new actor the stored one it resembles, and for a later new actor an earlier one', () => {
    const known = [a('bpifrance', 'Bpifrance'), a('region-sud', 'Région Sud'), a('ynov', 'Ynov Campus')];
    const fresh = [a('bpi-france', 'BPI France'), a('launchmetrics', 'Launchmetrics'), a('acme', 'Acme'), a('launchmetric', 'Launchmetric')];
    const found = findSimilar(fresh, known);
    expect(found.map((s) => [s.fresh, s.known, s.other, s.reasons[0].code])).toEqual([
      [0, true, 0, 'same-words'],
      [3, false, 1, 'close-spelling'],
    ]);
  });

  it('proposes no pair among names that differ only by their numbers, nor among stored actors', () => {
    const fresh = Array.from({ length: 2000 }, (_, i) => a(`acteur-${i}`, `Acteur ${i}`, i % 3 ? [] : [`A${i}`]));
    expect(findSimilar(fresh, [a('x', 'Région Sud'), a('y', 'Region  Sud')])).toEqual([]);
  });
});
