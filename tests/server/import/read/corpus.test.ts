// The bad-file corpus: each file raises its issue on its line, in French, and yields no row for that line;
// the good files (French Excel, UTF-8 BOM, Kumu, Gephi, a workbook, a JSON dataset) yield the rows they hold.
import fs from 'node:fs';
import { openInput, type InputRow, type ReadOptions } from '../../../../server/import/read';
import {
  BAD_FILES,
  WARNING_FILES,
  fixture,
  tempDir,
  writeHugeCell,
  writeLyingZipBomb,
  writeZipBomb,
  writeZipWithHiddenEntry,
} from '../../../fixtures/import/corpus';

async function read(path: string, name = path.split('/').pop()!, opts: ReadOptions = {}) {
  const input = await openInput({ path, name }, opts);
  const rows: InputRow[] = [];
  for await (const r of input.rows()) rows.push(r);
  return { input, rows, issues: rows.flatMap((r) => (r.kind === 'issue' ? [r.issue] : [])) };
}

/** A French sentence, not an English or technical one: French words around the quoted value. */
const FRENCH = /\b(le|la|les|de|du|des|un|une|est|aucune?|dans|pour|sans|au|aux|ce|cette|inconnue?|acceptés?)\b/i;
/** Codes that concern a line's bytes rather than its values: the line still shows in the preview, the error refuses it. */
const ROW_KEPT = new Set(['encoding-mixed']);

describe('openInput on the bad-file corpus', () => {
  it.each(BAD_FILES.filter((b) => !b.needsDb).map((b) => [b.file, b] as const))('%s raises its issue on its line, in French', async (file, bad) => {
    const { issues, rows } = await read(fixture(file));
    const hit = issues.find((i) => i.code === bad.code);
    expect(hit).toMatchObject({ file, severity: bad.severity, ...(bad.line !== undefined ? { line: bad.line } : {}) });
    expect(hit!.message).toMatch(FRENCH);
    // The faulty line gives no data row.
    if (bad.line !== undefined && !ROW_KEPT.has(bad.code)) expect(rows.filter((r) => r.kind !== 'issue' && r.loc.line === bad.line)).toEqual([]);
  });

  it.each(WARNING_FILES.map((w) => [w.file, w] as const))('%s warns on its line and keeps the row', async (file, w) => {
    const { issues, rows } = await read(fixture(file));
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(issues.find((i) => i.code === w.code)).toMatchObject({ line: w.line, severity: 'warning' });
    const row = rows.find((r) => r.kind === 'relationship' && r.loc.line === w.line);
    expect(row).toMatchObject({ rel: w.keeps });
  });

  it('passes the ambiguous actor name to the planner (only the database knows two actors answer to it)', async () => {
    const { rows } = await read(fixture('bad-ambiguous-actor.csv'));
    expect(rows).toEqual([{ kind: 'relationship', loc: { file: 'bad-ambiguous-actor.csv', line: 2 }, rel: expect.objectContaining({ from: { name: 'Crédit Agricole' } }) }]);
  });

  describe('generated files', () => {
    let dir: string;
    beforeAll(() => (dir = tempDir()));
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('refuses a 10 MB cell on its line, and reads the lines after it', async () => {
      const { issues, rows } = await read(writeHugeCell(dir));
      expect(issues).toEqual([expect.objectContaining({ code: 'cell-too-long', line: 3, column: 'D', field: 'excerpt', severity: 'error' })]);
      expect(issues[0].message.length).toBeLessThan(200);
      expect(rows.filter((r) => r.kind === 'relationship').map((r) => r.kind === 'relationship' && r.loc.line)).toEqual([2, 4]);
    });

    it('refuses a zip bomb on its declared ratio', async () => {
      const { issues, rows } = await read(writeZipBomb(dir));
      expect(rows).toHaveLength(1);
      expect(issues[0]).toMatchObject({ code: 'zip-bomb', line: 1, severity: 'error' });
    });

    it('refuses a zip bomb that lies about its size, while inflating', async () => {
      const { issues } = await read(writeLyingZipBomb(dir));
      expect(issues).toEqual([expect.objectContaining({ code: 'zip-bomb', line: 1 })]);
      expect(issues[0].message).toMatch(/au-delà de la taille qu'il annonce/);
    });

    it('refuses a zip with data hidden between its entries', async () => {
      const { issues } = await read(writeZipWithHiddenEntry(dir));
      expect(issues).toEqual([expect.objectContaining({ code: 'zip-invalid', line: 1 })]);
    });
  });
});

/** The data rows, without issues, in a compact form for comparisons. */
const data = (rows: InputRow[]) => rows.filter((r) => r.kind !== 'issue');

describe('openInput on files as users make them', () => {
  it('skips a title row above the header and reads role columns, Excel date formats, "env." amounts and capitals', async () => {
    const { rows, issues } = await read(fixture('real-region-export.csv'));
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(issues.find((i) => i.code === 'rows-before-header')).toMatchObject({ line: 1, severity: 'warning' });
    expect(data(rows).map((r) => r.kind === 'relationship' && [r.loc.line, r.rel.type, r.rel.from.name, r.rel.to.name, r.rel.amount, r.rel.date, r.rel.status])).toEqual([
      [4, 'FUNDS', 'Région Sud', 'Ynov Campus', 1_200_000, '2023-03-12', 'effective'],
      [5, 'FUNDS', 'Région Sud', 'The Camp', 2_000_000, '2023-03', 'effective'],
      [7, 'FUNDS', 'Bpifrance', 'La Ruche', 300_000, '2023-04-12', 'planned'],
    ]);
  });

  it('reads a funders table without a type column as fundings from its Financeur and Bénéficiaire columns, with a warning', async () => {
    const { rows, issues } = await read(fixture('real-funder-table.csv'));
    expect(issues.map((i) => [i.code, i.severity])).toEqual([['type-from-columns', 'warning']]);
    expect(data(rows).map((r) => r.kind === 'relationship' && [r.rel.type, r.rel.from.name, r.rel.to.name, r.rel.amount, r.rel.status, r.rel.typeRaw])).toEqual([
      ['FUNDS', 'Région Sud', 'Ynov Campus', 1_200_000, 'effective', undefined],
      ['FUNDS', 'Bpifrance', 'La Ruche', 1_200_000, 'pending', undefined],
    ]);
  });

  it('reads "Structure ; Partenaire" without a type column as partnerships, the nature of each kept as its role', async () => {
    const { rows, issues } = await read(fixture('real-partners.csv'));
    // The one dd/mm date, 12/03/2018, reads either way: said once for the column.
    expect(issues.map((i) => [i.code, i.severity])).toEqual([
      ['type-from-columns', 'warning'],
      ['date-order-ambiguous', 'warning'],
    ]);
    expect(data(rows).map((r) => r.kind === 'relationship' && [r.rel.type, r.rel.from.name, r.rel.to.name, r.rel.role, r.rel.date])).toEqual([
      ['PARTNERS_WITH', 'Ynov Campus', 'La Ruche', 'R&D', '2019'],
      ['PARTNERS_WITH', 'The Camp', 'Région Sud', 'convention cadre', '2018-03-12'],
    ]);
  });

  describe('amounts off by a unit', () => {
    let dir: string;
    beforeAll(() => (dir = tempDir()));
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
    const readCsv = (name: string, lines: string[]) => {
      const p = `${dir}/${name}`;
      fs.writeFileSync(p, lines.join('\r\n'));
      return read(p);
    };

    it('refuses a bare number in euros under a « Montant (M€) » header (more than 100 Md€), not the same column\'s 1,5 or 3 Md€', async () => {
      const { rows, issues } = await readCsv('scale.csv', ['De;Vers;Type;Montant (M€)', 'A;B;finance;1 200 000', 'A;C;finance;1,5', 'A;D;finance;3 Md€']);
      expect(issues.map((i) => [i.line, i.code, i.severity, i.column])).toEqual([[2, 'amount-implausible', 'error', 'D']]);
      expect(data(rows).map((r) => r.kind === 'relationship' && r.rel.amount)).toEqual([1_500_000, 3_000_000_000]);
    });

    it('keeps a bare amount under 100 without a unit, with a warning that its k€ or M€ may be missing', async () => {
      const { rows, issues } = await readCsv('small.csv', ['De;Vers;Type;Montant', 'A;B;finance;1,2', 'A;C;finance;50 €', 'A;D;finance;15 000']);
      expect(issues.map((i) => [i.line, i.code, i.severity])).toEqual([[2, 'amount-small', 'warning']]);
      expect(data(rows).map((r) => r.kind === 'relationship' && r.rel.amount)).toEqual([1.2, 50, 15_000]);
    });
  });

  it('still refuses a table without a type column whose actor columns do not say it (De, Vers)', async () => {
    const { issues } = await read(fixture('bad-missing-type-column.csv'));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'column-missing', field: 'type', severity: 'error' }));
  });

  it('reads a hand-kept workbook: merged title and band, a sheet named with its year, a lost date format', async () => {
    const { input, rows, issues } = await read(fixture('real-hand-workbook.xlsx'));
    expect(input.sheets).toEqual({ used: ['Acteurs ', 'Relations (2024)'], ignored: ['Notes'] });
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(issues.filter((i) => i.code === 'rows-before-header').map((i) => [i.sheet, i.line])).toEqual([
      ['Acteurs ', 1],
      ['Relations (2024)', 1],
    ]);
    const rels = data(rows).flatMap((r) => (r.kind === 'relationship' ? [[r.rel.type, r.rel.from.name, r.rel.to.name, r.rel.amount, r.rel.date]] : []));
    expect(rels).toEqual([
      ['FUNDS', 'REGION SUD', 'ynov campus', 1_200_000, '2016-03-12'],
      ['FUNDS', 'Région Sud', 'Ynov Campus', 1_500_000, '2016-03-13'],
      ['PARTNERS_WITH', 'la ruche', 'Ynov Campus', undefined, '2019'],
      ['FUNDS', 'bpifrance', 'la ruche', 300_000, '2017-01'],
    ]);
    expect(data(rows).filter((r) => r.kind === 'actor')).toHaveLength(4);
    // The total line under the table, with its =SUM(…), is no tie: a warning, not three errors.
    expect(issues.find((i) => i.code === 'total-row')).toMatchObject({ sheet: 'Relations (2024)', line: 8, severity: 'warning' });
    // The first amount is a formula: the value Excel saved with it, said in a warning.
    expect(issues.find((i) => i.code === 'formula-value')).toMatchObject({ sheet: 'Relations (2024)', line: 3, column: 'D', severity: 'warning' });
  });
});

describe('openInput on good files', () => {
  it('reads a French Excel CSV: Windows-1252, semicolons, CRLF, a quoted line break, no-break spaces, passive types', async () => {
    const { input, rows, issues } = await read(fixture('good-french-excel.csv'));
    expect(input.detected).toMatchObject({ format: 'csv', encoding: 'windows-1252', bom: false, delimiter: ';', dateOrder: 'dmy' });
    expect(input.detected.tables[0].columns.map((c) => c.field)).toEqual(['from', 'to', 'type', 'amount', 'date', 'status', 'excerpt', 'source']);
    expect(issues).toEqual([]);
    expect(data(rows)).toEqual([
      {
        kind: 'relationship',
        loc: { file: 'good-french-excel.csv', line: 2 },
        rel: {
          type: 'FUNDS',
          typeRaw: 'finance',
          from: { name: 'Bpifrance' },
          to: { name: 'Ynov Campus' },
          amount: 1200000,
          amountRaw: '1\u00a0200\u00a0000 €',
          date: '2016-03-12',
          dateRaw: '12/03/2016',
          status: 'effective',
          evidence: [{ excerpt: 'Bpifrance apporte 1,2 M€ au campus.\nLe tour est bouclé.', source: 'Les Échos, 2016' }],
        },
      },
      // "financé par": the row names the beneficiary first, so the ends swap.
      {
        kind: 'relationship',
        loc: { file: 'good-french-excel.csv', line: 4 },
        rel: { type: 'FUNDS', typeRaw: 'financé par', from: { name: 'Région Sud' }, to: { name: 'Ynov Campus' }, amount: 1500000, amountRaw: '1,5 M€', date: '2017-04-25', dateRaw: '25/04/2017', status: 'planned', evidence: [] },
      },
      {
        kind: 'relationship',
        loc: { file: 'good-french-excel.csv', line: 5 },
        rel: { type: 'PILOTS', typeRaw: 'pilote', from: { name: 'Aix-Marseille French Tech' }, to: { name: 'Medinsoft' }, date: '2016-03', dateRaw: 'mars 2016', status: 'pending', evidence: [] },
      },
      // "inconnu": the amount stays absent (never 0), its text kept.
      {
        kind: 'relationship',
        loc: { file: 'good-french-excel.csv', line: 6 },
        rel: { type: 'PARTNERS_WITH', typeRaw: 'partenaire', from: { name: 'Medinsoft' }, to: { name: 'Ynov Campus' }, amountRaw: 'inconnu', date: '2016', dateRaw: '2016', status: 'ended', evidence: [{ excerpt: 'Un partenariat "historique"' }] },
      },
      {
        kind: 'relationship',
        loc: { file: 'good-french-excel.csv', line: 7 },
        rel: { type: 'LABELS', typeRaw: 'labellise', from: { name: 'French Tech' }, to: { name: 'Aix-Marseille French Tech' }, date: '2014-11-12', dateRaw: '12 novembre 2014', status: 'effective', evidence: [] },
      },
    ]);
  });

  it('reads a UTF-8 CSV with a byte-order mark, commas, narrow no-break spaces and English words', async () => {
    const { input, rows, issues } = await read(fixture('good-utf8-bom.csv'));
    expect(input.detected).toMatchObject({ encoding: 'utf-8', bom: true, delimiter: ',' });
    expect(issues).toEqual([]);
    expect(data(rows).map((r) => r.kind === 'relationship' && [r.rel.from.name, r.rel.type, r.rel.to.name, r.rel.amount, r.rel.date, r.rel.status])).toEqual([
      ['Caisse des Dépôts', 'FUNDS', 'Technopôle de l’Arbois', 2500000, '2015-06', 'effective'],
      ['Ville de Marseille', 'PILOTS', 'Pôle Média de la Belle de Mai', 19000000, '2014', 'planned'],
      ['Gemalto', 'PARTNERS_WITH', 'Ville de Marseille', undefined, undefined, 'interest'],
    ]);
  });

  it('reads a tab-separated file whose date column is month-first as a whole', async () => {
    const { input, rows, issues } = await read(fixture('good-month-first.tsv'));
    expect(input.detected).toMatchObject({ delimiter: '\t', dateOrder: 'mdy' });
    expect(issues).toEqual([]);
    expect(data(rows).map((r) => r.kind === 'relationship' && r.rel.date)).toEqual(['2016-03-25', '2016-04-01', '2016-12-31']);
  });

  it('reads a Kumu export: elements (Label, Type) and connections (From, To, Type, passive forms)', async () => {
    const el = await read(fixture('good-kumu-elements.csv'));
    expect(el.issues).toEqual([]);
    expect(data(el.rows).map((r) => r.kind === 'actor' && r.actor)).toEqual([
      { name: 'Bpifrance', kind: 'investor', aliases: [], description: 'Banque publique d’investissement' },
      { name: 'Ynov Campus', kind: 'university', aliases: [], description: 'Campus numérique' },
      { name: 'Medinsoft', kind: 'association', aliases: [] },
    ]);
    const co = await read(fixture('good-kumu-connections.csv'));
    expect(co.issues).toEqual([]);
    expect(data(co.rows).map((r) => r.kind === 'relationship' && [r.rel.from.name, r.rel.type, r.rel.to.name, r.rel.note])).toEqual([
      ['Bpifrance', 'FUNDS', 'Ynov Campus', 'Prêt d’amorçage'],
      ['Medinsoft', 'PARTNERS_WITH', 'Ynov Campus', undefined],
      ['Medinsoft', 'PILOTS', 'Ynov Campus', undefined],
    ]);
  });

  it('reads a Gephi edges table: Source/Target as actors, the type from Label, Directed/Undirected ignored', async () => {
    const { rows, issues } = await read(fixture('good-gephi-edges.csv'));
    expect(issues).toEqual([expect.objectContaining({ code: 'column-direction', severity: 'warning', column: 'C' })]);
    expect(data(rows).map((r) => r.kind === 'relationship' && [r.rel.id, r.rel.from.name, r.rel.type, r.rel.to.name])).toEqual([
      ['e1', 'bpifrance', 'FUNDS', 'ynov'],
      ['e2', 'medinsoft', 'PARTNERS_WITH', 'ynov'],
      ['e3', 'french-tech', 'LABELS', 'amft'],
    ]);
  });

  it('reads a Gephi nodes table; an Id that is not a slug becomes an alias, with a warning', async () => {
    const { rows, issues } = await read(fixture('good-gephi-nodes.csv'));
    expect(issues).toEqual([expect.objectContaining({ code: 'id-not-slug', line: 4, severity: 'warning' })]);
    expect(data(rows).map((r) => r.kind === 'actor' && r.actor)).toEqual([
      { id: 'bpifrance', name: 'Bpifrance', kind: 'investor', aliases: [] },
      { id: 'ynov', name: 'Ynov Campus', kind: 'university', aliases: [] },
      { name: 'Medinsoft', kind: 'association', aliases: ['Medinsoft Assoc'] },
    ]);
  });

  it('reads a workbook: Acteurs then Relations (sheet names without case), date and number cells, Notes ignored and listed', async () => {
    const { input, rows, issues } = await read(fixture('good-workbook.xlsx'));
    expect(input.sheets).toEqual({ used: ['Acteurs', 'RELATIONS'], ignored: ['Notes'] });
    expect(input.detected.tables.map((t) => [t.sheet, t.kind, t.rows])).toEqual([
      ['Acteurs', 'actors', 3],
      ['RELATIONS', 'relationships', 3],
    ]);
    expect(issues).toEqual([expect.objectContaining({ code: 'sheet-ignored', severity: 'warning' })]);
    const d = data(rows);
    expect(d.slice(0, 3).map((r) => r.kind === 'actor' && r.actor)).toEqual([
      { id: 'bpifrance', name: 'Bpifrance', kind: 'investor', aliases: ['BPI', 'Banque publique d’investissement'], territory: 'France' },
      { id: 'ynov', name: 'Ynov Campus', kind: 'university', aliases: [], territory: 'Aix-en-Provence' },
      { id: 'region-sud', name: 'Région Sud', kind: 'local_authority', aliases: ['Région PACA'] },
    ]);
    expect(d.slice(3).map((r) => r.kind === 'relationship' && [r.loc.sheet, r.loc.line, r.rel.from.name, r.rel.type, r.rel.to.name, r.rel.amount, r.rel.date, r.rel.status])).toEqual([
      // "Montant (k€)": the number cell 1200 is 1.2 M€; "19 M€" says its own unit.
      ['RELATIONS', 2, 'bpifrance', 'FUNDS', 'Ynov Campus', 1200000, '2016-03-12', 'effective'],
      ['RELATIONS', 3, 'Région Sud', 'FUNDS', 'ynov', 19000000, '2017-03', 'planned'],
      ['RELATIONS', 4, 'Ynov Campus', 'PARTNERS_WITH', 'Région Sud', undefined, '2018', 'interest'],
    ]);
  });

  it('reads a JSON dataset into the same rows, with the line of each element', async () => {
    const { rows, issues } = await read(fixture('good-dataset.json'));
    expect(issues).toEqual([]);
    expect(rows.map((r) => [r.kind, r.kind !== 'issue' && r.loc.line])).toEqual([
      ['source', 3],
      ['actor', 12],
      ['actor', 20],
      ['relationship', 29],
    ]);
    expect(rows[3]).toMatchObject({ rel: { type: 'FUNDS', from: { id: 'bpifrance' }, to: { id: 'ynov' }, amount: 1200000, evidence: [{ source: 'doc-1', excerpt: 'Bpifrance finance Ynov.' }] } });
  });
  it('reads a workbook written by openpyxl (pandas), whose sheet relationship is an absolute path, not as an empty sheet', async () => {
    const { input, rows, issues } = await read(fixture('real-openpyxl-workbook.xlsx'));
    expect(input.sheets).toEqual({ used: ['Relations'], ignored: [] });
    expect(issues.find((i) => i.code === 'file-empty')).toBeUndefined();
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    // Amounts through the unit their format shows, dates to the precision their format shows.
    // A name with a bold part, two runs of an inline string: exceljs kept the last (« france »).
    expect(data(rows).flatMap((r) => (r.kind === 'relationship' ? [r.rel.from.name] : []))).toEqual(['Région Sud', 'Bpifrance', 'Ademe', 'Métropole', 'Europe']);
    const rels = data(rows).flatMap((r) => (r.kind === 'relationship' ? [[r.loc.line, r.rel.amount, r.rel.amountRaw, r.rel.date]] : []));
    expect(rels).toEqual([
      [2, 1_500_000, '1,5 M€', '2016-03-12'],
      [3, 200_000, '200 k€', '2017-04'],
      [4, 1_200_000, '1 200 000 €', '2018'],
      [5, 2_500_000, '2,5 M€', '2016-03'],
      // 0.0\ \M\€: exceljs took the escaped M for a month and gave a date.
      [6, 3_000_000, '3 M€', '2019-12'],
    ]);
  });
  it('reads a funder written once in merged cells over the rows it funds as the funder of each, with a warning per block', async () => {
    const { rows, issues } = await read(fixture('real-merged-funders.xlsx'));
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(issues.filter((i) => i.code === 'merged-cells').map((i) => [i.line, i.column])).toEqual([
      [3, 'A'],
      [3, 'C'],
    ]);
    const rels = data(rows).flatMap((r) => (r.kind === 'relationship' ? [[r.loc.line, r.rel.type, r.rel.from.name, r.rel.to.name, r.rel.amount]] : []));
    expect(rels).toEqual([
      [3, 'FUNDS', 'Région Sud', 'Cluster Mer', 1_500_000],
      [4, 'FUNDS', 'Région Sud', 'Pôle Mer', 200_000],
      [5, 'FUNDS', 'Région Sud', 'Incubateur Sud', 300_000],
      [6, 'FUNDS', 'Bpifrance', 'Cluster Mer', 1_200_000],
    ]);
  });
});
