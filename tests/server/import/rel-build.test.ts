// What tells apart several ties of one type between the same actors when the file gives no id.
import { discriminant, distinctId, sameDiscriminant } from '../../../server/import/rel-build';

describe('discriminant', () => {
  it.each([
    [{ date: '2016-03-12', amount: 5 }, -20160312],
    [{ date: '2016-03' }, -20160300],
    [{ date: '2016' }, -20160000],
    [{ amount: 1_500_000 }, 1_500_000],
  ])('reads %j as %d: the date first, else the amount', (rel, d) => {
    expect(discriminant(rel)).toBe(d);
  });

  it('tells apart a text that is not an ISO date by its text, below every date', () => {
    expect(discriminant({ date: 'T1 2016' })).toBe(discriminant({ date: 'T1 2016' }));
    expect(discriminant({ date: 'T1 2016' })).not.toBe(discriminant({ date: 'T2 2016' }));
    expect(discriminant({ date: '2016-3x' })).toBeLessThan(-1e9);
  });

  it('is NaN without date nor amount, and two of those are the same', () => {
    expect(sameDiscriminant(discriminant({}), discriminant({}))).toBe(true);
    expect(sameDiscriminant(discriminant({}), discriminant({ amount: 1 }))).toBe(false);
    expect(sameDiscriminant(discriminant({ date: '2016' }), discriminant({ amount: 2016 }))).toBe(false);
  });
});

describe('distinctId', () => {
  it('suffixes the derived id by the date, else the amount, else gives none', () => {
    expect(distinctId('FUNDS:a:b', { date: '2017', amount: 3 })).toBe('FUNDS:a:b:2017');
    expect(distinctId('FUNDS:a:b', { amount: 2017 })).toBe('FUNDS:a:b:2017eur');
    expect(distinctId('FUNDS:a:b', {})).toBeUndefined();
  });
});
