// Dates as French spreadsheets write them, to partial ISO; impossible dates refused; column order votes.
import { DateOrderVote, dateOrderHint, parseDate } from '../../../../server/import/fr/date';

describe('parseDate', () => {
  it.each([
    ['12/03/2016', 'dmy', '2016-03-12'],
    ['12/03/2016', 'mdy', '2016-12-03'],
    ['12-03-2016', 'dmy', '2016-03-12'],
    ['12.03.2016', 'dmy', '2016-03-12'],
    ['1/3/16', 'dmy', '2016-03-01'],
    ['2016-03-12', 'dmy', '2016-03-12'],
    ['2016-03-12T10:00:00Z', 'dmy', '2016-03-12'],
    ['2016/03/12', 'dmy', '2016-03-12'],
    ['2016-03', 'dmy', '2016-03'],
    ['03/2016', 'dmy', '2016-03'],
    ['mars 2016', 'dmy', '2016-03'],
    ['Mars 2016', 'dmy', '2016-03'],
    ['août 2016', 'dmy', '2016-08'],
    ['février 2016', 'dmy', '2016-02'],
    ['2016', 'dmy', '2016'],
    ['12 mars 2016', 'dmy', '2016-03-12'],
    ['1er mars 2016', 'dmy', '2016-03-01'],
    ['le 12 mars 2016', 'dmy', '2016-03-12'],
    ['March 2016', 'dmy', '2016-03'],
    ['March 12, 2016', 'dmy', '2016-03-12'],
    ['12 Sept. 2016', 'dmy', '2016-09-12'],
    ['29/02/2016', 'dmy', '2016-02-29'],
    // As Excel writes date cells into a CSV: with a time, or in its French month-name formats.
    ['12/03/2016 00:00', 'dmy', '2016-03-12'],
    ['15/06/2016 14:30:00', 'dmy', '2016-06-15'],
    ['03/12/2016 00:00', 'mdy', '2016-03-12'],
    ['mars-16', 'dmy', '2016-03'],
    ['janv.-17', 'dmy', '2017-01'],
    ['12-mars-16', 'dmy', '2016-03-12'],
    ['1-févr.-2016', 'dmy', '2016-02-01'],
  ] as const)('reads %j (%s) as %s', (raw, order, iso) => {
    expect(parseDate(raw, order)).toEqual({ kind: 'date', value: iso });
  });

  it.each([
    ['31/02/2016', 'date-impossible', 'février 2016 n\'a que 29 jours'],
    ['29/02/2015', 'date-impossible', 'février 2015 n\'a que 28 jours'],
    ['31/04/2016', 'date-impossible', 'avril 2016 n\'a que 30 jours'],
    ['12/13/2016', 'date-impossible', 'pas de mois 13'],
    ['2016-13', 'date-impossible', 'pas de mois 13'],
    ['32 mars 2016', 'date-impossible', 'mars 2016 n\'a que 31 jours'],
    ['hier', 'date-invalid', "n'est pas une date"],
    ['12/03', 'date-invalid', "n'est pas une date"],
    ['3016', 'date-invalid', 'hors de la plage'],
    // A quarter or a span is not one date: an issue on the line, not a guess at its start.
    ['T1 2016', 'date-invalid', "n'est pas une date"],
    ['2016-2018', 'date-invalid', "n'est pas une date"],
    ['30-févr.-16', 'date-impossible', "n'a que 29 jours"],
    ['12/03/2016 25h', 'date-invalid', "n'est pas une date"],
  ])('refuses %j (%s)', (raw, code, why) => {
    const r = parseDate(raw, 'dmy');
    expect(r).toMatchObject({ kind: 'error', code });
    expect(r.kind === 'error' && r.message).toContain(why);
  });

  it('says an empty cell is empty', () => {
    expect(parseDate('  ')).toEqual({ kind: 'empty' });
  });
});

describe('date order of a column', () => {
  it.each([
    ['25/03/2016', 'dmy'],
    ['03/25/2016', 'mdy'],
    ['03/04/2016', 'ambiguous'],
    ['25/03/2016 00:00', 'dmy'],
    ['2016-03-04', null],
  ])('%j hints %s', (raw, hint) => {
    expect(dateOrderHint(raw)).toBe(hint);
  });

  const decide = (values: string[]) => {
    const v = new DateOrderVote();
    values.forEach((x) => v.add(x));
    return v.decide();
  };

  it('is day-first by default and flags a column where every value is ambiguous', () => {
    expect(decide(['01/02/2016', '03/04/2016'])).toEqual({ order: 'dmy', ambiguous: true, conflicting: false });
  });
  it('is month-first when one value has more than 12 in second position and none in first', () => {
    expect(decide(['01/02/2016', '03/25/2016'])).toEqual({ order: 'mdy', ambiguous: false, conflicting: false });
  });
  it('keeps day-first and flags a column that holds both orders', () => {
    expect(decide(['25/02/2016', '03/25/2016', '26/01/2016'])).toEqual({ order: 'dmy', ambiguous: false, conflicting: true });
  });
  it('has no order when no value is dd/dd/yyyy', () => {
    expect(decide(['2016', 'mars 2016'])).toBeUndefined();
  });
});

describe('parseDate on a CSV cell Excel filled with #', () => {
  it('says the column was too narrow, not only that it is not a date', () => {
    expect(parseDate('#########')).toMatchObject({ kind: 'error', code: 'date-invalid', message: expect.stringContaining('colonne est trop étroite') });
  });
});
