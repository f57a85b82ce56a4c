// The content hashes of records: the `_h` a re-import compares, in every stored format (35 bits since after 8, 53
// bits from after 7, the base64url digest before), and the versions edits compare.
import crypto from 'node:crypto';
import { contentDigest, contentHash, digestValue, fromRelContentJson, hashValue, mergeEvidence, mergeRel, relContentJson, storedHash, storedValue, toStored } from '../../../server/changes/records';
import type { RelationshipRecord } from '../../../model/schema';

const tie = (over: Partial<RelationshipRecord> = {}): RelationshipRecord => ({
  id: 'FUNDS:acteur-1:acteur-2',
  type: 'FUNDS',
  source: 'acteur-1',
  target: 'acteur-2',
  status: 'effective',
  evidence: [{ source: 'document-1', excerpt: 'Acteur 1 finance « Acteur 2 » — 1,5 M€' }],
  ...over,
});

// The SHA-1 of a plain tie's content as JSON, computed independently of records.ts.
const PLAIN_SHA1 = crypto.createHash('sha1').update(JSON.stringify(['FUNDS:acteur-1:acteur-2', 'FUNDS', 'acteur-1', 'acteur-2', 'effective', null, null, null, null, null, null, [['document-1', 'Acteur 1 finance « Acteur 2 » — 1,5 M€']]])).digest();

const cases: [string, RelationshipRecord][] = [
  ['a plain tie', tie()],
  ['amounts and dates with their raw text', tie({ amount: 1_500_000, amountRaw: '1,5 M€', date: '2016-03', dateRaw: 'mars 2016' })],
  ['non-Latin text and emoji', tie({ note: 'Ωμέγα 漢字 😀', evidence: [{ source: 'd', excerpt: '\u202f200 k€\n"quoted"' }] })],
];

describe('contentDigest', () => {
  it('is the SHA-1 of the content, as the stored hashes were always computed', () => {
    expect(Buffer.from(contentDigest('relationship', tie()), 'latin1').equals(PLAIN_SHA1)).toBe(true);
  });
});

describe('hashValue', () => {
  it('is the first 35 bits of the digest: a whole number Neo4j keeps in one property block', () => {
    const want = Number(PLAIN_SHA1.readBigUInt64BE(0) >> 29n);
    expect(hashValue('relationship', tie())).toBe(want);
    expect(want).toBeLessThan(2 ** 35);
  });

  it('is the _h toStored writes, and the version contentHash gives is its decimal text', () => {
    const stored = toStored('relationship', tie(), 'cs-1');
    expect(stored._h).toBe(hashValue('relationship', tie()));
    expect(contentHash('relationship', tie())).toBe(String(stored._h));
  });

  it('gives the largest value for a digest of 0xff bytes and 0 for zeros', () => {
    expect(digestValue('\xff'.repeat(20))).toBe(2 ** 35 - 1);
    expect(digestValue('\0'.repeat(20))).toBe(0);
  });
});

describe('storedValue', () => {
  it.each(cases)('reads a base64url _h written before after 7 as the number written now, for %s', (_, r) => {
    const old = Buffer.from(contentDigest('relationship', r), 'latin1').toString('base64url');
    expect(old).toHaveLength(27);
    expect(storedValue(old)).toBe(hashValue('relationship', r));
    expect(storedValue(hashValue('relationship', r))).toBe(hashValue('relationship', r));
  });

  it.each(cases)('reads the 53-bit _h written from after 7 to after 8 as the number written now, for %s', (_, r) => {
    const old = Number(Buffer.from(contentDigest('relationship', r), 'latin1').readBigUInt64BE(0) >> 11n);
    expect(old).toBeGreaterThanOrEqual(2 ** 35); // true of these digests; one below would be taken for a 35-bit _h
    expect(storedValue(old)).toBe(hashValue('relationship', r));
  });

  it('has no value for an element stored without a hash, or with anything else', () => {
    expect(storedValue(undefined)).toBeUndefined();
    expect(storedValue(null)).toBeUndefined();
    expect(storedValue('abc')).toBeUndefined();
  });
});

describe('storedHash', () => {
  it.each(cases)('gives the same version for either stored format and for none, for %s', (_, r) => {
    const props = toStored('relationship', r, 'cs-1');
    const image = { props, type: r.type, source: r.source, target: r.target };
    const old = { ...image, props: { ...props, _h: Buffer.from(contentDigest('relationship', r), 'latin1').toString('base64url') } };
    const none = { ...image, props: { ...props, _h: undefined } };
    const want = contentHash('relationship', r);
    expect([storedHash('relationship', image), storedHash('relationship', old), storedHash('relationship', none)]).toEqual([want, want, want]);
  });
});

describe('relContentJson and fromRelContentJson', () => {
  const odd: [string, RelationshipRecord][] = [
    ...cases,
    ['only the required fields', { id: 'PILOTS:a:b', type: 'PILOTS', source: 'a', target: 'b', status: 'planned', evidence: [{ source: 's', excerpt: '' }] }],
    ['several pieces of evidence, a role and a note', tie({ role: 'chef de file', note: 'voir aussi', evidence: [{ source: 'd-1', excerpt: 'un' }, { source: 'd-2', excerpt: 'deux' }, { source: 'd-1', excerpt: 'trois' }] })],
    ['a long excerpt with line breaks, tabs and quotes', tie({ evidence: [{ source: 'd', excerpt: `${'Ligne « 1 »\t"x"\\ \r\n'.repeat(2000)}fin` }] })],
    ['a fractional amount and an id that is not the derived one', tie({ id: 'FUNDS:acteur-1:acteur-2:2', amount: 1234.5, amountRaw: '1 234,50 €' })],
    ['unicode beyond the basic plane and a lone surrogate', tie({ note: '𝔐 \ud800 fin', evidence: [{ source: 'd', excerpt: '😀\u2028\u0000' }] })],
  ];

  it.each(odd)('gives back the record and its hash: %s', (_, r) => {
    const json = relContentJson(r)!;
    expect(json.startsWith('[')).toBe(true);
    expect(json).not.toContain('\n');
    const back = fromRelContentJson(json);
    expect(back.record).toEqual(r);
    expect(back.h).toBe(hashValue('relationship', r));
    expect(toStored('relationship', back.record, 'cs-1')).toEqual(toStored('relationship', r, 'cs-1'));
  });

  it('leaves a tie with claims to its JSON record (a claim rebuilt could order its keys otherwise)', () => {
    expect(relContentJson(tie({ claims: [{ sources: ['d-1'], amount: 1 }, { sources: ['d-2'], amount: 2 }] }))).toBeUndefined();
  });
});

describe('mergeRel', () => {
  const stored = tie({ amount: 1_500_000, amountRaw: '1,5 M€', date: '2016-03-12', dateRaw: '12/03/2016', status: 'planned', role: 'chef de file', note: 'convention' });

  it('keeps every value the row does not state, the status included when it states none', () => {
    const row = tie({ evidence: [{ source: 'document-2', excerpt: 'partenariats.csv, ligne 2' }] });
    expect(mergeRel(stored, row, false)).toEqual({ ...stored, evidence: [...stored.evidence, ...row.evidence] });
  });

  it('takes the values the row states, an amount or a date with its own raw text', () => {
    const row = tie({ amount: 2_000_000, date: '2017', status: 'effective', note: 'avenant' });
    expect(mergeRel(stored, row, true)).toEqual({ ...stored, amount: 2_000_000, amountRaw: undefined, date: '2017', dateRaw: undefined, status: 'effective', note: 'avenant' });
  });

  it('gives back the stored record, hash and all, when the row adds nothing to it', () => {
    expect(hashValue('relationship', mergeRel(stored, tie(), false))).toBe(hashValue('relationship', stored));
    const twoDocs = tie({ ...stored, evidence: [...stored.evidence, { source: 'document-2', excerpt: 'x' }] });
    expect(mergeRel(twoDocs, tie({ amount: 1_500_000, amountRaw: '1,5 M€' }), false)).toEqual(twoDocs);
  });

  it('keeps stored claims', () => {
    const claims = [{ amount: 1, sources: ['document-1'] }, { amount: 2, sources: ['document-1'] }];
    expect(mergeRel(tie({ claims }), tie(), true).claims).toEqual(claims);
  });
});

describe('mergeEvidence', () => {
  const e = (source: string, excerpt: string) => ({ source, excerpt });

  it.each([
    ['adds the row\'s documents after the stored ones', [e('a', '1')], [e('b', '2')], [e('a', '1'), e('b', '2')]],
    ['keeps the stored order when the row cites the same excerpts in another', [e('a', '1'), e('b', '2')], [e('b', '2'), e('a', '1')], [e('a', '1'), e('b', '2')]],
    ['replaces the excerpts of a document the row cites by the row\'s', [e('a', '1'), e('b', '2'), e('a', '3')], [e('a', '4')], [e('b', '2'), e('a', '4')]],
    ['keeps an excerpt of a cited document the row still has, in its place', [e('a', '1'), e('b', '2')], [e('a', '1'), e('a', '5')], [e('a', '1'), e('b', '2'), e('a', '5')]],
    ['never doubles an excerpt', [e('a', '1')], [e('a', '1'), e('a', '1')], [e('a', '1')]],
  ])('%s', (_, stored, row, out) => {
    expect(mergeEvidence(stored, row)).toEqual(out);
  });
});
