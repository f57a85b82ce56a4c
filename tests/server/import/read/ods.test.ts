// ODS reading: LibreOffice's own workbooks read as the user meant them (typed amounts and dates, merged funders,
// formulas' saved values, hidden sheets), and content.xml's ways of writing cells (repeats, covered cells, styles,
// paragraphs, spaces) read like the XLSX reader reads Excel's.
import fs from 'node:fs';
import path from 'node:path';
import { openInput, type InputRow, type ReadOptions } from '../../../../server/import/read';
import { formulaText, listOdsSheets, odsCell } from '../../../../server/import/read/ods';
import { formatOf, HEAD_BYTES, head } from '../../../../server/import/read/sniff';
import { fixture, odsContent, tempDir, writeOds, writeOdsLyingZipBomb, writeOdsMergeBomb, writeOdsRepeatBomb, writeOdsZipBomb, writeZip } from '../../../fixtures/import/corpus';

let dir: string;
beforeAll(() => (dir = tempDir()));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function read(p: string, opts: ReadOptions = {}) {
  const input = await openInput({ path: p, name: path.basename(p) }, opts);
  const rows: InputRow[] = [];
  for await (const r of input.rows()) rows.push(r);
  const issues = rows.flatMap((r) => (r.kind === 'issue' ? [r.issue] : []));
  const rels = rows.flatMap((r) => (r.kind === 'relationship' ? [{ line: r.loc.line, ...r.rel }] : []));
  const actors = rows.flatMap((r) => (r.kind === 'actor' ? [{ line: r.loc.line, ...r.actor }] : []));
  return { input, rows, issues, rels, actors };
}

const cell = (t: string, attrs = 'office:value-type="string"') => `<table:table-cell ${attrs}><text:p>${t}</text:p></table:table-cell>`;
const row = (cells: string, attrs = '') => `<table:table-row${attrs ? ` ${attrs}` : ''}>${cells}</table:table-row>`;
const table = (name: string, rows: string, attrs = '') => `<table:table table:name="${name}"${attrs ? ` ${attrs}` : ''}>${rows}</table:table>`;
const header = (...names: string[]) => row(names.map((n) => cell(n)).join(''));
/** A Relations sheet whose rows are the given cells after De ; Vers ; Type (and the extra headers). */
function relations(name: string, extra: string[], rows: string[], styles = '', commonStyles?: string): string {
  const body = table('Relations', header('De', 'Vers', 'Type', ...extra, 'Source') + rows.join(''));
  return writeOds(path.join(dir, name), odsContent(body, styles), commonStyles ? { styles: commonStyles } : {});
}

describe('ODS workbooks LibreOffice made', () => {
  it('reads real-libreoffice-ecosysteme.ods as the user meant it: typed amounts and dates through their formats, a merged funder, formulas, a link, comments left out', async () => {
    const { input, issues, rels, actors } = await read(fixture('real-libreoffice-ecosysteme.ods'));
    expect(input.detected.format).toBe('ods');
    expect(input.sheets).toEqual({ used: ['Acteurs', 'Relations'], ignored: ['Listes', 'Notes'] });
    // The comment on « Ynov Campus » is not part of its name; a cell of two paragraphs keeps its line break.
    expect(actors.map((a) => [a.line, a.name, a.kind, a.territory ?? null])).toEqual([
      [2, 'Région Sud', 'local_authority', 'Provence-Alpes-Côte d’Azur'],
      [3, 'Ynov Campus', 'university', 'Aix-en-Provence'],
      [5, 'The Camp', 'association', 'Aix-en-Provence\nBouches-du-Rhône'],
      [6, 'Bpifrance', 'public_body', 'France'],
      [7, 'French Tech Aix-Marseille', 'association', 'Marseille'],
    ]);
    expect(rels.map((r) => [r.line, r.from.name, r.to.name, r.type, r.amount ?? null, r.amountRaw ?? null, r.date ?? null, r.status])).toEqual([
      [2, 'Région Sud', 'Ynov Campus', 'FUNDS', 1_500_000, '1 500 000 €', '2016-03-12', 'effective'],
      [3, 'Région Sud', 'The Camp', 'FUNDS', 1_500_000, '1,5 M€', '2017-04', 'effective'],
      [4, 'Région Sud', 'French Tech Aix-Marseille', 'FUNDS', 1_500_000, '1,5 M€', '2018', 'planned'],
      // =D2/1000, which Calc shows « 1 500,00 € » (the format of the cell it refers to).
      [6, 'The Camp', 'Bpifrance', 'FUNDS', 1500, '1 500 €', '2019-03', 'effective'],
      [7, 'Bpifrance', 'Ynov Campus', 'PARTNERS_WITH', null, null, null, 'effective'],
    ]);
    expect(rels[0].evidence).toEqual([{ excerpt: 'La Région finance le campus.', source: 'Communiqué de la Région', url: 'https://www.maregionsud.fr/cp-ynov' }]);
    expect(rels[4].evidence).toEqual([{ excerpt: 'Partenariat\nsur deux lignes', source: 'Site de Ynov Campus' }]);
    expect(issues.map((i) => [i.sheet ?? null, i.line ?? null, i.column ?? null, i.code, i.severity])).toEqual([
      [null, null, null, 'sheet-ignored', 'warning'],
      ['Relations', 2, 'A', 'merged-cells', 'warning'],
      ['Relations', 6, 'D', 'formula-value', 'warning'],
      ['Relations', 7, 'A', 'formula-value', 'warning'],
    ]);
    expect(issues[3].message).toMatch(/formule =A6 : sa valeur enregistrée par LibreOffice, « Bpifrance », est prise/);
  });

  it('reads a hidden Acteurs sheet with a sheet-hidden warning naming LibreOffice', async () => {
    const { issues, actors } = await read(fixture('real-libreoffice-hidden-actors.ods'));
    expect(actors).toHaveLength(5);
    const hidden = issues.find((i) => i.code === 'sheet-hidden');
    expect(hidden).toMatchObject({ sheet: 'Acteurs', severity: 'warning' });
    expect(hidden!.message).toMatch(/masquée dans LibreOffice/);
  });

  it('lists the sheets of a workbook padded to 1 048 576 rows and 16 384 columns, the hidden ones said', async () => {
    expect(await listOdsSheets(fixture('real-libreoffice-hidden-actors.ods'))).toEqual([
      { name: 'Acteurs', index: 0, kind: 'actors', hidden: true },
      { name: 'Relations', index: 1, kind: 'relationships' },
      { name: 'Listes', index: 2, hidden: true },
      { name: 'Notes', index: 3 },
    ]);
  });

  it.each([
    ['real-libreoffice-ecosysteme.xlsx', 'xlsx'],
    ['real-gnumeric-ecosysteme.ods', 'ods'],
    // Indented parts, and =A6 saved with its text in the shared strings: read as the text, not « =A6 ».
    ['real-gnumeric-ecosysteme.xlsx', 'xlsx'],
  ])('reads %s (the same workbook saved by LibreOffice or converted by Gnumeric) to the same ties and names', async (file, format) => {
    const { input, rels, issues } = await read(fixture(file));
    expect(input.detected.format).toBe(format);
    expect(rels.map((r) => [r.line, r.from.name, r.to.name, r.type, r.amount ?? null, r.date ?? null])).toEqual([
      [2, 'Région Sud', 'Ynov Campus', 'FUNDS', 1_500_000, '2016-03-12'],
      [3, 'Région Sud', 'The Camp', 'FUNDS', 1_500_000, '2017-04'],
      [4, 'Région Sud', 'French Tech Aix-Marseille', 'FUNDS', 1_500_000, '2018'],
      [6, 'The Camp', 'Bpifrance', 'FUNDS', 1500, '2019-03'],
      [7, 'Bpifrance', 'Ynov Campus', 'PARTNERS_WITH', null, null],
    ]);
    expect(issues.filter((i) => i.code !== 'sheet-ignored').map((i) => [i.line, i.code, i.message.replace(/Excel|LibreOffice/, '…')])).toEqual([
      [2, 'merged-cells', 'cellules fusionnées A2:A4 : « Région Sud » est lu sur chacune de leurs lignes (2 à 4)'],
      [6, 'formula-value', '« Montant » (colonne D) : formule =D2/1000 : sa valeur enregistrée par …, 1 500, est prise comme montant'],
      ...(file.endsWith('.xlsx') && file.includes('gnumeric') ? [] : [[7, 'formula-value', '« De » (colonne A) : formule =A6 : sa valeur enregistrée par …, « Bpifrance », est prise']]),
    ]);
  });

  it("reads LibreOffice's French CSV (contents as shown): no-break spaces in amounts, month names, the merged funder's empty cells refused on their lines", async () => {
    const { input, rels, issues } = await read(fixture('real-libreoffice-relations.csv'));
    expect(input.detected).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ';' });
    expect(rels.map((r) => [r.line, r.amount ?? null, r.date ?? null])).toEqual([
      [2, 1_500_000, '2016-03-12'],
      [6, 1500, '2019-03'],
      [7, null, null],
    ]);
    // A CSV keeps a merged cell's value in its first row only: the next rows name no funder.
    expect(issues.filter((i) => i.severity === 'error').map((i) => [i.line, i.column, i.code])).toEqual([
      [3, 'A', 'required'],
      [4, 'A', 'required'],
    ]);
  });
});

describe('ODS content.xml', () => {
  it('reads repeated rows and cells as that many, and costs nothing for 1 048 000 empty rows and 16 000 empty columns of padding', async () => {
    const p = relations('repeats.ods', ['Note'], [
      row(cell('Région Sud') + cell('Cluster Mer') + cell('finance') + cell('vu', 'office:value-type="string" table:number-columns-repeated="2"'), 'table:number-rows-repeated="3"'),
      row('<table:table-cell table:number-columns-repeated="16384"/>', 'table:number-rows-repeated="1048000"'),
      row(cell('Ademe') + '<table:table-cell table:number-columns-repeated="2"/>' + cell('x') + '<table:table-cell table:number-columns-repeated="16000"/>'),
    ]);
    const { rows, rels, issues } = await read(p);
    expect(rels.map((r) => [r.line, r.from.name, r.note ?? null, r.evidence])).toEqual([
      [2, 'Région Sud', 'vu', [{ source: 'vu' }]],
      [3, 'Région Sud', 'vu', [{ source: 'vu' }]],
      [4, 'Région Sud', 'vu', [{ source: 'vu' }]],
    ]);
    // The row after the padding keeps its own line number (1 048 005) and its cells their columns (B and C empty, D is x).
    expect(issues.filter((i) => i.severity === 'error').map((i) => [i.line, i.column, i.code])).toEqual([
      [1_048_005, 'B', 'required'],
      [1_048_005, 'C', 'required'],
    ]);
    expect(rows.length).toBeLessThan(10);
  });

  it('fills cells covered by a merge over several rows with its value, with one warning, and leaves a merge along one row alone', async () => {
    const p = relations('merged.ods', [], [
      row(cell('Région Sud', 'office:value-type="string" table:number-rows-spanned="3" table:number-columns-spanned="1"') + cell('Cluster Mer') + cell('finance') + cell('Rapport')),
      row('<table:covered-table-cell/>' + cell('Pôle Mer') + cell('finance') + cell('Rapport')),
      row('<table:covered-table-cell/>' + cell('Incubateur') + cell('finance') + cell('Rapport')),
      row(cell('Ademe') + cell('Pôle Mer') + cell('partenaire', 'office:value-type="string" table:number-columns-spanned="2"') + '<table:covered-table-cell/>'),
    ]);
    const { rels, issues } = await read(p);
    expect(rels.map((r) => [r.line, r.from.name, r.to.name])).toEqual([
      [2, 'Région Sud', 'Cluster Mer'],
      [3, 'Région Sud', 'Pôle Mer'],
      [4, 'Région Sud', 'Incubateur'],
      [5, 'Ademe', 'Pôle Mer'],
    ]);
    expect(issues.filter((i) => i.code === 'merged-cells').map((i) => [i.line, i.column, i.message])).toEqual([[2, 'A', 'cellules fusionnées A2:A4 : « Région Sud » est lu sur chacune de leurs lignes (2 à 4)']]);
  });

  it('reads paragraphs, spaces, tabs, line breaks, spans and links as the cell shows them, and leaves out comments and drawings', async () => {
    const rich =
      '<table:table-cell office:value-type="string"><office:annotation><text:p>Note de relecture</text:p></office:annotation>'
      + '<text:p>Un <text:span text:style-name="T1">extrait</text:span><text:s text:c="2"/>long</text:p><text:p>sur<text:line-break/>trois<text:tab/>lignes</text:p>'
      + '<draw:frame><draw:text-box><text:p>Légende</text:p></draw:text-box></draw:frame></table:table-cell>';
    const link = '<table:table-cell office:value-type="string"><text:p><text:a xlink:href="https://example.org/cp">Communiqué</text:a></text:p></table:table-cell>';
    const p = relations('text.ods', ['Extrait'], [row(cell('Région Sud') + cell('Cluster  Mer') + cell('finance') + rich + link)]);
    const { rels } = await read(p);
    expect(rels).toHaveLength(1);
    expect(rels[0].to.name).toBe('Cluster Mer');
    expect(rels[0].evidence).toEqual([{ excerpt: 'Un extrait  long\nsur\ntrois\tlignes', source: 'Communiqué', url: 'https://example.org/cp' }]);
  });

  it('reads amounts through their data styles: currencies with their currency, « M€ » labels, display factors, percents, the positive section of a [RED] format', async () => {
    const common =
      `<office:document-styles ${ODS_ROOT_NS}><office:styles>`
      + '<number:number-style style:name="N1"><number:number number:decimal-places="1"/><number:text> M€</number:text></number:number-style>'
      + '<number:number-style style:name="N2"><number:number number:decimal-places="1" number:display-factor="1000000"/><number:text> M€</number:text></number:number-style>'
      + '<number:currency-style style:name="N3P0" style:volatile="true"><number:number number:decimal-places="2" number:grouping="true"/><number:text> </number:text><number:currency-symbol number:language="fr" number:country="FR">€</number:currency-symbol></number:currency-style>'
      + '<number:currency-style style:name="N3"><number:text>-</number:text><number:number number:decimal-places="2"/><style:map style:condition="value()&gt;=0" style:apply-style-name="N3P0"/></number:currency-style>'
      + '<style:style style:name="Monétaire" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N3"/>'
      + '</office:styles><office:automatic-styles><number:number-style style:name="N1"><number:number/></number:number-style></office:automatic-styles></office:document-styles>';
    const auto =
      '<style:style style:name="ce1" style:family="table-cell" style:data-style-name="N1"/>'
      + '<style:style style:name="ce2" style:family="table-cell" style:data-style-name="N2"/>'
      + '<style:style style:name="ce3" style:family="table-cell" style:parent-style-name="Monétaire"/>'
      + '<number:percentage-style style:name="N4"><number:number number:decimal-places="0"/><number:text>%</number:text></number:percentage-style>'
      + '<style:style style:name="ce4" style:family="table-cell" style:data-style-name="N4"/>';
    const amount = (attrs: string) => `<table:table-cell ${attrs}><text:p>…</text:p></table:table-cell>`;
    const line = (from: string, a: string) => row(cell(from) + cell('Cluster Mer') + cell('finance') + a + cell('Rapport'));
    const p = relations('amounts.ods', ['Montant'], [
      line('Région Sud', amount('table:style-name="ce1" office:value-type="float" office:value="1.5"')),
      line('Métropole', amount('table:style-name="ce2" office:value-type="float" office:value="2500000"')),
      line('Ademe', amount('table:style-name="ce3" office:value-type="currency" office:currency="EUR" office:value="1200000"')),
      line('Europe', amount('office:value-type="currency" office:currency="EUR" office:value="300000"')),
      line('Fondation', amount('office:value-type="currency" office:currency="USD" office:value="300000"')),
      line('Banque', amount('table:style-name="ce4" office:value-type="percentage" office:value="0.15"')),
    ], auto, common);
    const { rels, issues } = await read(p);
    expect(rels.map((r) => [r.line, r.amount, r.amountRaw])).toEqual([
      [2, 1_500_000, '1,5 M€'],
      [3, 2_500_000, '2,5 M€'],
      [4, 1_200_000, '1 200 000 €'],
      [5, 300_000, '300 000 €'],
    ]);
    expect(issues.filter((i) => i.severity === 'error').map((i) => [i.line, i.column, i.code])).toEqual([
      [6, 'D', 'amount-unit'],
      [7, 'D', 'amount-percent'],
    ]);
  });

  it('reads dates with the precision their style shows, a year typed into a date cell as that year, booleans and formulas as LibreOffice saved them', async () => {
    const auto =
      '<number:date-style style:name="N5"><number:month number:textual="true"/><number:text> </number:text><number:year/></number:date-style>'
      + '<number:date-style style:name="N6"><number:day/><number:text>/</number:text><number:month/><number:text>/</number:text><number:year/></number:date-style>'
      + '<style:style style:name="ce5" style:family="table-cell" style:data-style-name="N5"/><style:style style:name="ce6" style:family="table-cell" style:data-style-name="N6"/>';
    const date = (attrs: string) => `<table:table-cell ${attrs}><text:p>…</text:p></table:table-cell>`;
    const p = relations('dates.ods', ['Date', 'Note'], [
      row(cell('Région Sud') + cell('Cluster Mer') + cell('finance') + date('office:value-type="date" office:date-value="2016-03-12T10:30:00"') + cell('a') + cell('Rapport')),
      row(cell('Ademe') + cell('Cluster Mer') + cell('finance') + date('table:style-name="ce5" office:value-type="date" office:date-value="2017-04-01"') + cell('b') + cell('Rapport')),
      // 2016 typed into a cell formatted as a date: day 2016, 1905-07-08.
      row(cell('Europe') + cell('Cluster Mer') + cell('finance') + date('table:style-name="ce6" office:value-type="date" office:date-value="1905-07-08"') + '<table:table-cell office:value-type="boolean" office:boolean-value="true"><text:p>VRAI</text:p></table:table-cell>' + cell('Rapport')),
      row(cell('=A2', 'table:formula="of:=[.A2]" office:value-type="string" office:string-value="Région Sud"') + cell('Pôle Mer') + '<table:table-cell table:formula="of:=[$Listes.A2]" office:value-type="string" calcext:value-type="error"><text:p>#REF!</text:p></table:table-cell>' + '<table:table-cell/>' + cell('') + cell('Rapport')),
    ], auto);
    const { rels, issues } = await read(p);
    expect(rels.map((r) => [r.line, r.from.name, r.date ?? null, r.note ?? null])).toEqual([
      [2, 'Région Sud', '2016-03-12', 'a'],
      [3, 'Ademe', '2017-04', 'b'],
      [4, 'Europe', '2016', 'VRAI'],
    ]);
    expect(issues.map((i) => [i.line, i.column, i.code, i.severity])).toEqual([
      [4, 'D', 'date-year-typed', 'warning'],
      [5, 'A', 'formula-value', 'warning'],
      [5, 'C', 'formula', 'warning'],
      [5, 'C', 'type-unknown', 'error'],
    ]);
    expect(issues[0].message).toMatch(/LibreOffice l'affiche comme un jour/);
  });

  it('reads a content.xml whose namespaces have other prefixes than LibreOffice\'s', async () => {
    const content = odsContent(table('Relations', header('De', 'Vers', 'Type', 'Source') + row(cell('Région Sud') + cell('Cluster Mer') + cell('finance') + cell('Rapport'))))
      .replace(/(<\/?|\s)(table|text|office):/g, '$1$2x:')
      .replace(/xmlns:(table|text|office)=/g, 'xmlns:$1x=');
    const { rels, issues } = await read(writeOds(path.join(dir, 'prefixes.ods'), content));
    expect(issues).toEqual([]);
    expect(rels.map((r) => [r.line, r.from.name, r.to.name, r.type])).toEqual([[2, 'Région Sud', 'Cluster Mer', 'FUNDS']]);
  });

  it('refuses a content.xml broken inside a sheet with a French issue naming the sheet and where', async () => {
    const { issues, rels } = await read(fixture('bad-ods-cut.ods'));
    expect(rels).toEqual([]);
    expect(issues).toEqual([expect.objectContaining({ code: 'ods-invalid', sheet: 'Relations', line: 1, severity: 'error' })]);
    expect(issues[0].message).toMatch(/^la feuille « Relations » n'a pas pu être lue : content\.xml est incomplet ou n'est pas un XML valide \(ligne 1, colonne \d+ :/);
  });

  it.each([
    ['a zip bomb', writeOdsZipBomb, /taux anormal/],
    ['a zip bomb that lies about its size', writeOdsLyingZipBomb, /au-delà de la taille qu'il annonce/],
    // Under 1 kB, which the zip's guards pass: its repeats say a million rows of 16 384 filled cells.
    ['a repeat bomb', writeOdsRepeatBomb, /plus de 100 000 000 cellules remplies \(ligne 2\) : refusé \(bombe \?\)/],

  ])('refuses %s before reading a cell', async (_what, write, message) => {
    const { issues, rows } = await read(write(dir));
    expect(rows).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'zip-bomb', line: 1, severity: 'error' });
    expect(issues[0].message).toMatch(message);
  });

  it('refuses a cell merged over every row and column, counting the cells it fills as the rows stream past', async () => {
    const { issues } = await read(writeOdsMergeBomb(dir));
    const bomb = issues.find((i) => i.code === 'zip-bomb');
    expect(bomb).toMatchObject({ sheet: 'Relations', line: 1, severity: 'error' });
    expect(bomb!.message).toMatch(/cellules fusionnées en rempliraient plus de 10 000 000 \(ligne \d+\) : refusé \(bombe \?\)/);
  });

  it('names the column of a value typed beside the table, under no header (no separator is at fault in a sheet)', async () => {
    const p = relations('beside.ods', [], [row(cell('Région Sud') + cell('Cluster Mer') + cell('finance') + cell('Rapport') + '<table:table-cell/>' + cell('à vérifier'))]);
    const { issues } = await read(p);
    expect(issues.map((i) => [i.line, i.code, i.message])).toEqual([[2, 'extra-cells', 'la ligne a une valeur hors du tableau, en colonne F sans en-tête : donnez un en-tête à cette colonne ou videz la cellule']]);
  });

  it('refuses a zip without content.xml', async () => {
    const p = writeZip(path.join(dir, 'no-content.ods'), [{ name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.spreadsheet') }]);
    const { issues } = await read(p);
    expect(issues).toEqual([expect.objectContaining({ code: 'ods-invalid', line: 1 })]);
    expect(issues[0].message).toMatch(/content\.xml absent/);
  });
});

/** The root namespaces for a styles.xml of a test. */
const ODS_ROOT_NS = odsContent('').match(/<office:document-content ([^>]*) office:version/)![1];

describe('formatOf', () => {
  it('takes an OpenDocument spreadsheet by its stored mimetype whatever its extension, and an .ods that is an Excel workbook as XLSX', async () => {
    const ods = await head(fixture('real-libreoffice-ecosysteme.ods'), HEAD_BYTES);
    const xlsx = await head(fixture('real-libreoffice-ecosysteme.xlsx'), HEAD_BYTES);
    expect(formatOf('ecosysteme.ods', ods)).toBe('ods');
    expect(formatOf('ecosysteme.xlsx', ods)).toBe('ods');
    expect(formatOf('telechargement', ods)).toBe('ods');
    expect(formatOf('ecosysteme.ods', xlsx)).toBe('xlsx');
    expect(formatOf('ecosysteme.xlsx', xlsx)).toBe('xlsx');
  });
});

describe('odsCell', () => {
  it('gives a cell as the XLSX reader does: numbers with their format, dates as ISO, formulas with their saved value', () => {
    expect(odsCell({ 'office:value-type': 'float', 'office:value': '1.5' }, '1,5 M€', undefined, '0.0" M€"')).toEqual({ text: '1.5', number: 1.5, format: '0.0" M€"' });
    expect(odsCell({ 'office:value-type': 'currency', 'office:value': '12', 'office:currency': 'EUR' }, '12,00 €', undefined, undefined)).toEqual({ text: '12', number: 12, format: '0.00 "€"' });
    expect(odsCell({ 'office:value-type': 'date', 'office:date-value': '2016-03-12' }, '12/03/16', undefined, 'mm/yyyy')).toEqual({ text: '2016-03', date: '2016-03' });
    expect(odsCell({ 'office:value-type': 'boolean', 'office:boolean-value': 'false' }, 'FAUX', undefined, undefined)).toBe('FAUX');
    expect(odsCell({ 'table:formula': 'of:=SUM([.B2:.B3])', 'office:value-type': 'float', 'office:value': '3' }, '3', undefined, undefined)).toEqual({ text: '=SUM(B2:B3)', formula: true, number: 3 });
    expect(odsCell({ 'table:formula': 'of:=[.A2]', 'office:value-type': 'string', 'office:string-value': 'Région Sud' }, 'Région Sud', undefined, undefined)).toEqual({ text: '=A2', formula: true, result: 'Région Sud' });
    expect(odsCell({}, '', undefined, undefined)).toBeNull();
    expect(odsCell({ 'office:value-type': 'string', 'office:string-value': 'Région Sud' }, '', undefined, undefined)).toBe('Région Sud');
  });

  it.each([
    ['of:=[.D2]/1000', '=D2/1000'],
    ['of:=SUM([.B2:.B9])', '=SUM(B2:B9)'],
    ["of:=[$'Listes 2024'.A2]", '=Listes 2024!A2'],
    ['of:=HYPERLINK("https://example.org";"Le document")', '=HYPERLINK("https://example.org";"Le document")'],
  ])('writes the formula %s as %s', (f, shown) => {
    expect(formulaText(f)).toBe(shown);
  });
});
