// The content hashes of records: the digest a re-import compares is the stored `_h`, byte for byte.
import crypto from 'node:crypto';
import { contentDigest, contentHash } from '../../../server/changes/records';
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

describe('contentDigest', () => {
  it.each([
    ['a plain tie', tie()],
    ['amounts and dates with their raw text', tie({ amount: 1_500_000, amountRaw: '1,5 M€', date: '2016-03', dateRaw: 'mars 2016' })],
    ['non-Latin text and emoji', tie({ note: 'Ωμέγα 漢字 😀', evidence: [{ source: 'd', excerpt: '\u202f200 k€\n"quoted"' }] })],
  ])('gives the 20 bytes whose base64url is contentHash, for %s', (_, r) => {
    const digest = contentDigest('relationship', r);
    expect(digest).toHaveLength(20);
    expect(Buffer.from(digest, 'latin1').toString('base64url')).toBe(contentHash('relationship', r));
  });

  it('keeps the hash the stored ties were written with (a re-import of older imports stays unchanged)', () => {
    // Computed by the format before this digest became a string (SHA-1 of the content's JSON, base64url).
    expect(contentHash('relationship', tie())).toBe(crypto.createHash('sha1').update(JSON.stringify(['FUNDS:acteur-1:acteur-2', 'FUNDS', 'acteur-1', 'acteur-2', 'effective', null, null, null, null, null, null, [['document-1', 'Acteur 1 finance « Acteur 2 » — 1,5 M€']]])).digest('base64url'));
  });
});
