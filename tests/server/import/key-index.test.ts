import { KeyIndexBuilder, keyHash } from '../../../server/import/key-index';

describe('KeyIndex', () => {
  it('finds every key it was given at its ordinal, and no other key', () => {
    const b = new KeyIndexBuilder();
    const keys = Array.from({ length: 20_000 }, (_, i) => `FUNDS\u0000FUNDS:acteur-${i}:acteur-${(i * 7) % 20_000}`);
    keys.forEach((k, i) => expect(b.add(k)).toBe(i));
    const index = b.seal();
    expect(index.size).toBe(keys.length);
    keys.forEach((k, i) => expect(index.get(k)).toBe(i));
    for (const miss of ['', 'FUNDS', 'FUNDS\u0000FUNDS:acteur-1:acteur-', 'PILOTS\u0000FUNDS:acteur-1:acteur-7', `${keys[3]}x`]) expect(index.get(miss)).toBe(-1);
  });

  it('tells apart keys that are prefixes of each other, share a hash, or hold characters outside Latin-1', () => {
    const b = new KeyIndexBuilder();
    // "costarring" and "liquid" collide under 32-bit FNV-1a: the compare, not the hash, decides.
    expect(keyHash('costarring')).toBe(keyHash('liquid'));
    const keys = ['ab', 'abc', 'a', 'costarring', 'Œuvre — 1 200 000 €', 'é'];
    for (const k of keys) b.add(k);
    const index = b.seal();
    keys.forEach((k, i) => expect(index.get(k)).toBe(i));
    expect(index.get('liquid')).toBe(-1);
    expect(index.get('abcd')).toBe(-1);
  });

  it('answers -1 when empty', () => {
    expect(new KeyIndexBuilder().seal().get('x')).toBe(-1);
  });
});
