// Amounts as French spreadsheets write them: the value in euros, unknown kept absent, bad ones refused.
import { headerScale, parseAmount, unitFactor } from '../../../../server/import/fr/amount';

describe('parseAmount', () => {
  it.each([
    ['1 200 000 €', 1200000],
    ['1\u00a0200\u00a0000 €', 1200000],
    ['1\u202f200\u202f000\u00a0€', 1200000],
    ['1 200 000,50 €', 1200000.5],
    ['1,5 M€', 1500000],
    ['19 M€', 19000000],
    ['200 k€', 200000],
    ['env. 2 M€', 2000000],
    ['env 2 M€', 2000000],
    ['2 MEUR', 2000000],
    ['300 KEUR', 300000],
    ['12 000 000 EUR', 12000000],
    ['1.5M€', 1500000],
    ['2 Md€', 2000000000],
    ['2 Mds €', 2000000000],
    ["19 millions d'euros", 19000000],
    ['19 millions d’euros', 19000000],
    ['1,2 milliard', 1200000000],
    ['1.5M EUR', 1500000],
    ['€1.5M', 1500000],
    ['1,200,000', 1200000],
    ['1.200.000', 1200000],
    ['1.200.000,00 €', 1200000],
    ['1,200,000.00', 1200000],
    ['1.500 €', 1500],
    ['12,5', 12.5],
    ['environ 3 M€', 3000000],
    ['+500 €', 500],
    ['250 000 € HT', 250000],
  ])('reads %j as %d euros', (raw, value) => {
    expect(parseAmount(raw)).toEqual({ kind: 'amount', value });
  });

  it.each(['', '  ', '?', 'NC', 'n.c.', 'inconnu', 'Non communiqué', '-', 'N/A'])('keeps %j unknown (absent, never 0)', (raw) => {
    expect(parseAmount(raw)).toEqual({ kind: 'unknown' });
  });

  it.each([
    ['-5 000 €', 'amount-negative'],
    ['−2 M€', 'amount-negative'],
    ['(1 000)', 'amount-negative'],
    ['0 €', 'amount-zero'],
    ['beaucoup', 'amount-invalid'],
    ['12 pommes', 'amount-invalid'],
    ['1,2,3,4', 'amount-invalid'],
    ['1.2.3', 'amount-invalid'],
    ['M€', 'amount-invalid'],
    ['50 %', 'amount-invalid'],
    ['entre 1 et 2 M€', 'amount-invalid'],
    ['plus de 2 M€', 'amount-invalid'],
  ])('refuses %j with %s and a French message', (raw, code) => {
    const r = parseAmount(raw);
    expect(r).toMatchObject({ kind: 'error', code });
    expect(r.kind === 'error' && r.message).toContain('montant');
  });

  it('applies the header multiplier to bare numbers only', () => {
    expect(parseAmount('1 200', 1000)).toEqual({ kind: 'amount', value: 1200000 });
    expect(parseAmount('1,5', 1e6)).toEqual({ kind: 'amount', value: 1500000 });
    expect(parseAmount('19 M€', 1000)).toEqual({ kind: 'amount', value: 19000000 });
  });
});

describe('headerScale', () => {
  it.each([
    ['Montant', 1],
    ['Montant (€)', 1],
    ['Montant (k€)', 1e3],
    ['Montant en milliers d’euros', 1e3],
    ['Montant (M€)', 1e6],
    ["Montant en millions d'euros", 1e6],
    ['Amount (MEUR)', 1e6],
    ['Montant (Md€)', 1e9],
  ])('%j multiplies by %d', (header, scale) => {
    expect(headerScale(header)).toBe(scale);
  });
});

describe('unitFactor', () => {
  it.each([
    ['€', 1],
    ['EUR', 1],
    ['k€', 1e3],
    ['KEUR', 1e3],
    ['M€', 1e6],
    ['MEUR', 1e6],
    ['M', 1e6],
    ['millions €', 1e6],
    ["millions d'euros", 1e6],
    ['Md€', 1e9],
    ['€ HT', 1],
  ])('reads the label %s as %d euros', (label, factor) => {
    expect(unitFactor(label)).toBe(factor);
  });

  it.each(['$', 'ETP', 'ans', 'jours'])('reads %s as no euros', (label) => {
    expect(unitFactor(label)).toBeUndefined();
  });
});

describe('parseAmount on a CSV cell Excel filled with #', () => {
  it('says the column was too narrow, not only that it is not a number', () => {
    expect(parseAmount('########')).toMatchObject({ kind: 'error', code: 'amount-invalid', message: expect.stringContaining('colonne est trop étroite') });
  });
});
