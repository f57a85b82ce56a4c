// Excel number formats read for what they show: a unit after an amount, a thousands scaling, a percent, a date's precision.
import { amountFromFormat, readNumberFormat } from '../../../../server/import/read/numfmt';

describe('readNumberFormat', () => {
  it.each([
    ['0.0 "M€"', { divisor: 1, label: 'M€' }],
    ['0 "k€"', { divisor: 1, label: 'k€' }],
    ['#,##0 "€"', { divisor: 1, label: '€' }],
    ['# ##0 [$€-40C]', { divisor: 1, label: '€' }],
    ['0.0,, "M€"', { divisor: 1e6, label: 'M€' }],
    ['0.0\\ \\M\\€', { divisor: 1, label: 'M€' }],
    ['#,##0" k€";-#,##0" k€"', { divisor: 1, label: 'k€' }],
    ['_-* #,##0.00\\ "€"_-;\\-* #,##0.00\\ "€"_-;_-* "-"??\\ "€"_-;_-@_-', { divisor: 1, label: '€' }],
    ['[$$-409]#,##0', { divisor: 1, label: '$' }],
    ['#,##0_);(#,##0)', { divisor: 1, label: '' }],
    ['0.00E+00', { divisor: 1, label: '' }],
    ['General', { divisor: 1, label: '' }],
    ['0%', { divisor: 1, label: '', percent: true }],
  ])('reads %s as a number format showing %j', (code, expected) => {
    expect(readNumberFormat(code)).toEqual(expected);
  });

  it.each([
    ['dd/mm/yyyy', 'day'],
    ['d mmmm yyyy', 'day'],
    ['dd/mm/yyyy hh:mm', 'day'],
    ['hh:mm', 'day'],
    ['mmm-yy', 'month'],
    ['[$-40C]mmmm yyyy;@', 'month'],
    ['yyyy', 'year'],
  ])('reads %s as a date shown to the %s', (code, date) => {
    expect(readNumberFormat(code).date).toBe(date);
  });
});

describe('amountFromFormat', () => {
  const amount = (v: number, code: string) => amountFromFormat(v, readNumberFormat(code));

  it('scales the number by the unit the format shows after it, never reading 1.5 shown « 1,5 M€ » as 1,5 €', () => {
    expect(amount(1.5, '0.0 "M€"')).toEqual({ kind: 'amount', value: 1_500_000, shown: '1,5 M€', unit: 1e6 });
    expect(amount(200, '0 "k€"')).toMatchObject({ value: 200_000, shown: '200 k€' });
    expect(amount(2, '0 "Md€"')).toMatchObject({ value: 2e9 });
    expect(amount(1.5, '0.0 "millions d\'euros"')).toMatchObject({ value: 1_500_000 });
    expect(amount(1_200_000, '#,##0 "€"')).toMatchObject({ value: 1_200_000, shown: '1 200 000 €', unit: 1 });
  });

  it('reads a value in euros shown in millions through trailing commas as euros', () => {
    expect(amount(2_500_000, '0.0,, "M€"')).toMatchObject({ value: 2_500_000, shown: '2,5 M€' });
    expect(amount(2_500_000, '0.0,,')).toEqual({ kind: 'plain', shown: 2.5 });
  });

  it('refuses a percent or a unit that is not euros', () => {
    expect(amount(0.15, '0%')).toEqual({ kind: 'error', code: 'amount-percent', shown: '15 %' });
    expect(amount(3, '0 "ETP"')).toEqual({ kind: 'error', code: 'amount-unit', shown: '3 ETP' });
    expect(amount(5, '[$$-409]#,##0')).toMatchObject({ kind: 'error', code: 'amount-unit' });
  });

  it('leaves a format without a unit to the header', () => {
    expect(amount(1234, '#,##0')).toEqual({ kind: 'plain', shown: 1234 });
  });
});
