// XLSX reading writes nothing to disk: workbooks whose sheets precede sharedStrings.xml (as Excel and exceljs
// write them), read whole, sampled (the caller stops early) or missing parts, leave the temporary directory empty;
// a workbook that changes under the reader gives an issue, not a hang.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { openInput, type InputRow } from '../../../../server/import/read';
import { toCell } from '../../../../server/import/read/xlsx';
import { fixture, tempDir, writeLyingZipBomb, writeZip, writeZipBomb, writeZipWithHiddenEntry } from '../../../fixtures/import/corpus';

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const INLINE_SHEET = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
  + '<row r="1"><c r="A1" t="inlineStr"><is><t>De</t></is></c><c r="B1" t="inlineStr"><is><t>Vers</t></is></c><c r="C1" t="inlineStr"><is><t>Type</t></is></c></row>'
  + '<row r="2"><c r="A2" t="inlineStr"><is><t>A</t></is></c><c r="B2" t="inlineStr"><is><t>B</t></is></c><c r="C2" t="inlineStr"><is><t>partenaire</t></is></c></row>'
  + '</sheetData></worksheet>';

let dir: string;
beforeAll(() => (dir = tempDir()));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Reads the workbooks in a process of its own whose temporary directory is `tmp` (tests/support/xlsx-reads.ts). */
function readApart(tmp: string, files: string[]) {
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'tests/support/xlsx-reads.ts'), ...files], {
    cwd: ROOT,
    env: { ...process.env, TMPDIR: tmp },
    encoding: 'utf8',
  });
  return JSON.parse(out) as { tmpdir: string; files: Record<string, { samples: string[][]; rows: Record<string, number>; codes: string[] }>; leftovers: string[] };
}

/** Three sheets, the used ones last, written by exceljs: every sheet precedes xl/sharedStrings.xml in the zip. */
async function threeSheets(rows: number): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Notes').addRow(['Lisez-moi']);
  const actors = wb.addWorksheet('Acteurs');
  actors.addRow(['Nom', 'Nature']);
  for (let i = 0; i < rows; i++) actors.addRow([`Acteur ${i}`, 'entreprise']);
  const rels = wb.addWorksheet('Relations');
  rels.addRow(['De', 'Vers', 'Type', 'Montant', 'Date']);
  for (let i = 0; i < rows; i++) rels.addRow([`Acteur ${i}`, `Acteur ${(i + 1) % rows}`, 'finance', 1000 + i, new Date(Date.UTC(2016, 2, 12))]);
  const p = path.join(dir, `three-sheets-${rows}.xlsx`);
  await wb.xlsx.writeFile(p);
  return p;
}

describe('XLSX reading', () => {
  it('writes no temporary file, whether sheets are read whole or sampled (the reader left early), sharedStrings.xml last or absent', async () => {
    const three = await threeSheets(50);
    const names = await readZipNames(three);
    // The layout that made exceljs buffer sheets on disk.
    expect(names.indexOf('xl/worksheets/sheet2.xml')).toBeLessThan(names.indexOf('xl/sharedStrings.xml'));
    const inline = writeZip(path.join(dir, 'inline.xlsx'), [
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(INLINE_SHEET) },
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="r"><sheets><sheet name="Relations" sheetId="1" r:id="rId1"/></sheets></workbook>') },
      { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>') },
    ]);
    const good = path.join(dir, 'good-workbook.xlsx');
    fs.copyFileSync(fixture('good-workbook.xlsx'), good);
    const tmp = fs.mkdtempSync(path.join(dir, 'tmpdir-'));

    const seen = readApart(tmp, [three, inline, good]);

    expect(seen.tmpdir).toBe(tmp);
    expect(seen.files['three-sheets-50.xlsx']).toEqual({
      samples: Array(5).fill(['sheet-ignored', 'Acteurs:2', 'Acteurs:3', 'Relations:2', 'Relations:3']),
      rows: { issue: 1, actor: 50, relationship: 50 },
      codes: ['sheet-ignored'],
    });
    expect(seen.files['inline.xlsx'].rows).toEqual({ relationship: 1 });
    expect(seen.files['good-workbook.xlsx'].samples[4]).toEqual(['sheet-ignored', 'Acteurs:2', 'Acteurs:3', 'RELATIONS:2', 'RELATIONS:3']);
    expect(seen.leftovers).toEqual([]);
  });

  it('writes no temporary file for refused workbooks (not a zip, zip bombs, hidden data, cut short) nor for a sheet whose XML is cut short', async () => {
    const three = await threeSheets(2000);
    const bytes = fs.readFileSync(three);
    // Cut short: the central directory is lost, the file is no zip any more.
    const cut = path.join(dir, 'cut.xlsx');
    fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    // A sound zip whose sheet (before sharedStrings.xml) stops in the middle of a row.
    const sheet = Buffer.from(INLINE_SHEET.replace('</sheetData></worksheet>', '<row r="3"><c r="A3" t="inlineStr"><is><t>C'));
    const cutSheet = writeZip(path.join(dir, 'cut-sheet.xlsx'), [
      { name: 'xl/worksheets/sheet1.xml', data: sheet },
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="r"><sheets><sheet name="Relations" sheetId="1" r:id="rId1"/></sheets></workbook>') },
      { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>') },
      { name: 'xl/sharedStrings.xml', data: Buffer.from('<sst count="0" uniqueCount="0"/>') },
    ]);
    const notZip = path.join(dir, 'bad-not-a-zip.xlsx');
    fs.copyFileSync(fixture('bad-not-a-zip.xlsx'), notZip);
    const tmp = fs.mkdtempSync(path.join(dir, 'tmpdir-'));

    const seen = readApart(tmp, [notZip, writeZipBomb(dir), writeLyingZipBomb(dir), writeZipWithHiddenEntry(dir), cut, cutSheet]);

    const codes = (f: string) => [...new Set(seen.files[f].samples.flat())];
    expect(codes('bad-not-a-zip.xlsx')).toEqual(['file-not-zip']);
    expect(codes('bad-zip-bomb.xlsx')).toEqual(['zip-bomb']);
    expect(codes('bad-zip-bomb-lying.xlsx')).toEqual(['zip-bomb']);
    expect(codes('bad-zip-hidden.xlsx')).toEqual(['zip-invalid']);
    expect(codes('cut.xlsx')).toEqual(['zip-invalid']);
    // Not the rows before the cut as if the sheet were whole: an issue on the sheet.
    expect(seen.files['cut-sheet.xlsx'].codes).toContain('xlsx-invalid');
    expect(seen.files['cut-sheet.xlsx'].rows.relationship).toBeUndefined();
    expect(seen.leftovers).toEqual([]);
  });

  it('reads the cells of a sheet that comes before sharedStrings.xml', async () => {
    const input = await openInput({ path: await threeSheets(3), name: 'w.xlsx' });
    const rows: InputRow[] = [];
    for await (const r of input.rows()) rows.push(r);
    expect(rows.find((r) => r.kind === 'relationship')).toMatchObject({ loc: { sheet: 'Relations', line: 2 }, rel: { type: 'FUNDS', amount: 1000, date: '2016-03-12', from: { name: 'Acteur 0' }, to: { name: 'Acteur 1' } } });
  });

  it('gives an issue, not a hang, when the workbook changes under the reader and an entry outgrows its declared size', async () => {
    const parts = (declared?: number) => [
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="r"><sheets><sheet name="Relations" sheetId="1" r:id="rId1"/></sheets></workbook>') },
      { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(`<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>De</t></is></c><c r="B1" t="inlineStr"><is><t>Vers</t></is></c><c r="C1" t="inlineStr"><is><t>Type</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>A</t></is></c><c r="B2" t="inlineStr"><is><t>B</t></is></c><c r="C2" t="inlineStr"><is><t>partenaire</t></is></c></row>${'<row/>'.repeat(20000)}</sheetData></worksheet>`), declared },
    ];
    const p = writeZip(path.join(dir, 'changing.xlsx'), parts());
    const input = await openInput({ path: p, name: 'changing.xlsx' });
    writeZip(p, parts(200));
    const rows: InputRow[] = [];
    for await (const r of input.rows()) rows.push(r);
    expect(rows).toEqual([expect.objectContaining({ kind: 'issue', issue: expect.objectContaining({ code: 'xlsx-invalid', sheet: 'Relations' }) })]);
  });
});

async function readZipNames(p: string): Promise<string[]> {
  const { openZip, readEntries } = await import('../../../../server/import/read/zip-guard');
  const zf = await openZip(p);
  try {
    return (await readEntries(zf, 100)).map((e) => e.fileName);
  } finally {
    zf.close();
  }
}

describe('XLSX hidden sheets and rows', () => {
  it('reads a hidden Acteurs sheet with a sheet-hidden warning, and the rows a filter hides like the others', async () => {
    const wb = new ExcelJS.Workbook();
    const rels = wb.addWorksheet('Relations');
    rels.addRow(['De', 'Vers', 'Type', 'Source']);
    rels.addRow(['Région Sud', 'Cluster Mer', 'finance', 'Rapport']);
    rels.addRow(['Bpifrance', 'Cluster Mer', 'finance', 'Rapport']).hidden = true;
    rels.autoFilter = 'A1:D3';
    const actors = wb.addWorksheet('Acteurs');
    actors.state = 'hidden';
    actors.addRow(['Nom', 'Nature']);
    actors.addRow(['Cluster Mer', 'association']);
    const p = path.join(dir, 'hidden.xlsx');
    await wb.xlsx.writeFile(p);
    const input = await openInput({ path: p, name: 'hidden.xlsx' });
    const rows: InputRow[] = [];
    for await (const r of input.rows()) rows.push(r);
    expect(input.sheets).toEqual({ used: ['Relations', 'Acteurs'], ignored: [] });
    expect(rows.filter((r) => r.kind === 'issue').map((r) => r.kind === 'issue' && [r.issue.code, r.issue.sheet, r.issue.severity])).toEqual([['sheet-hidden', 'Acteurs', 'warning']]);
    expect(rows.filter((r) => r.kind === 'relationship').map((r) => r.kind === 'relationship' && r.rel.from.name)).toEqual(['Région Sud', 'Bpifrance']);
    expect(rows.filter((r) => r.kind === 'actor')).toHaveLength(1);
  });
});

describe('XLSX number formats', () => {
  /** A Relations sheet written by exceljs, each row's amount and date cells with the given formats. */
  async function formatted(name: string, header: string, rows: [ExcelJS.CellValue, string | undefined, Date | number | string, string | undefined][], date1904 = false) {
    const wb = new ExcelJS.Workbook();
    if (date1904) wb.properties.date1904 = true;
    const ws = wb.addWorksheet('Relations');
    ws.addRow(['De', 'Vers', 'Type', header, 'Date', 'Source']);
    rows.forEach(([amount, amountFmt, date, dateFmt], i) => {
      const r = ws.addRow([`Financeur ${i}`, 'Cluster Mer', 'finance', amount, date, 'Rapport 2024']);
      if (amountFmt) r.getCell(4).numFmt = amountFmt;
      if (dateFmt) r.getCell(5).numFmt = dateFmt;
    });
    const p = path.join(dir, name);
    await wb.xlsx.writeFile(p);
    const input = await openInput({ path: p, name });
    const rels: [number, unknown, unknown, unknown][] = [];
    const issues: unknown[][] = [];
    for await (const r of input.rows()) {
      if (r.kind === 'relationship') rels.push([r.loc.line, r.rel.amount, r.rel.amountRaw, r.rel.date]);
      if (r.kind === 'issue') issues.push([r.issue.line, r.issue.column, r.issue.code]);
    }
    return { rels, issues };
  }

  it('reads an amount through the unit its format shows (« 1,5 M€ » is 1 500 000 €), a percent or past 100 Md€ as an error on the line', async () => {
    const { rels, issues } = await formatted('units.xlsx', 'Montant', [
      [1.5, '0.0 "M€"', 2016, undefined],
      [200, '0 "k€"', 2017, undefined],
      [1_200_000, '#,##0 [$€-40C]', 2018, undefined],
      [2_500_000, '0.0,, "M€"', 2019, undefined],
      [0.15, '0%', 2020, undefined],
      [1_500_000, '0.0 "M€"', 2021, undefined],
      [{ formula: '1500*1', result: 1500 }, '0 "k€"', 2022, undefined],
    ]);
    expect(rels).toEqual([
      [2, 1_500_000, '1,5 M€', '2016'],
      [3, 200_000, '200 k€', '2017'],
      [4, 1_200_000, '1 200 000 €', '2018'],
      [5, 2_500_000, '2,5 M€', '2019'],
      // A formula's value through its cell's format, as a typed number's.
      [8, 1_500_000, '1 500 k€', '2022'],
    ]);
    // 1 500 000 typed in euros then formatted in M€ shows « 1 500 000 M€ »: not 1,5 × 10¹² € silently.
    expect(issues).toEqual([
      [6, 'D', 'amount-percent'],
      [7, 'D', 'amount-implausible'],
      [8, 'D', 'formula-value'],
    ]);
  });

  it('refuses a cell whose format shows another unit than its header, and applies the header to a cell without one', async () => {
    const { rels, issues } = await formatted('conflict.xlsx', 'Montant (k€)', [
      [1.5, '0.0 "M€"', 2016, undefined],
      [200, '0 "k€"', 2017, undefined],
      [300, '#,##0', 2018, undefined],
    ]);
    expect(issues).toEqual([[2, 'D', 'amount-unit-conflict']]);
    expect(rels).toEqual([
      [3, 200_000, '200 k€', '2017'],
      [4, 300_000, '300', '2018'],
    ]);
  });

  it.each(['true', '1'])('reads the dates of a workbook counting from 1904 (date1904="%s"), typed or a lost format\'s day number, without a 4-year shift', async (flag) => {
    const str = (r: string, t: string) => `<c r="${r}" t="inlineStr"><is><t>${t}</t></is></c>`;
    const row = (n: number, date: string) => `<row r="${n}">${str(`A${n}`, `Financeur ${n}`)}${str(`B${n}`, 'Cluster Mer')}${str(`C${n}`, 'finance')}${date}${str(`E${n}`, 'Rapport')}</row>`;
    // 2016-03-12 is day 40 979 from 1904-01-01 (42 441 from 1899-12-30).
    const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${row(1, str('D1', 'Date')).replace(str('A1', 'Financeur 1'), str('A1', 'De')).replace(str('B1', 'Cluster Mer'), str('B1', 'Vers')).replace(str('C1', 'finance'), str('C1', 'Type')).replace(str('E1', 'Rapport'), str('E1', 'Source'))}`
      + `${row(2, '<c r="D2" s="1"><v>40979</v></c>')}${row(3, '<c r="D3"><v>40979</v></c>')}</sheetData></worksheet>`;
    const styles = '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>'
      + '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>';
    const p = writeZip(path.join(dir, `mac-${flag}.xlsx`), [
      { name: 'xl/workbook.xml', data: Buffer.from(`<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="${flag}"/><sheets><sheet name="Relations" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
      { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>') },
      { name: 'xl/styles.xml', data: Buffer.from(styles) },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(sheet) },
    ]);
    const input = await openInput({ path: p, name: 'mac.xlsx' });
    const dates: unknown[] = [];
    for await (const r of input.rows()) if (r.kind === 'relationship') dates.push([r.loc.line, r.rel.date]);
    expect(dates).toEqual([
      [2, '2016-03-12'],
      [3, '2016-03-12'],
    ]);
  });

  it('reads a year typed into a cell formatted as a date (day 2016, in 1905) as that year, with a warning', async () => {
    const { rels, issues } = await formatted('year-typed.xlsx', 'Montant', [
      [1000, undefined, 2016, 'yyyy'],
      [2000, undefined, 2017, 'dd/mm/yyyy'],
    ]);
    expect(rels.map((r) => r[3])).toEqual(['2016', '2017']);
    expect(issues).toEqual([
      [2, 'E', 'date-year-typed'],
      [3, 'E', 'date-year-typed'],
    ]);
  });

  it('reads a date cell stored as ISO text (t="d", as SheetJS and openpyxl may write it) as that date, not as the year 2016 or 1905', async () => {
    const sheet = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
      + '<row r="1"><c r="A1" t="inlineStr"><is><t>De</t></is></c><c r="B1" t="inlineStr"><is><t>Vers</t></is></c><c r="C1" t="inlineStr"><is><t>Type</t></is></c><c r="D1" t="inlineStr"><is><t>Date</t></is></c><c r="E1" t="inlineStr"><is><t>Source</t></is></c></row>'
      + '<row r="2"><c r="A2" t="inlineStr"><is><t>A</t></is></c><c r="B2" t="inlineStr"><is><t>B</t></is></c><c r="C2" t="inlineStr"><is><t>finance</t></is></c><c r="D2" s="1" t="d"><v>2016-03-12T00:00:00</v></c><c r="E2" t="inlineStr"><is><t>R</t></is></c></row>'
      + '<row r="3"><c r="A3" t="inlineStr"><is><t>C</t></is></c><c r="B3" t="inlineStr"><is><t>B</t></is></c><c r="C3" t="inlineStr"><is><t>finance</t></is></c><c r="D3" t="d"><v>2017-04-01</v></c><c r="E3" t="inlineStr"><is><t>R</t></is></c></row>'
      + '</sheetData></worksheet>';
    const styles = '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>'
      + '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>';
    const p = writeZip(path.join(dir, 'iso-dates.xlsx'), [
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Relations" sheetId="1" r:id="rId1"/></sheets></workbook>') },
      { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>') },
      { name: 'xl/styles.xml', data: Buffer.from(styles) },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(sheet) },
    ]);
    const input = await openInput({ path: p, name: 'iso.xlsx' });
    const out: unknown[] = [];
    for await (const r of input.rows()) out.push(r.kind === 'relationship' ? [r.loc.line, r.rel.date] : r.kind === 'issue' ? r.issue.code : r.kind);
    expect(out).toEqual([
      [2, '2016-03-12'],
      [3, '2017-04-01'],
    ]);
  });

  it('gives a date the precision its format shows, in the 1900 and the 1904 date systems', async () => {
    const dates: [number, undefined, Date, string][] = [
      [1000, undefined, new Date(Date.UTC(2016, 2, 12)), 'dd/mm/yyyy'],
      [2000, undefined, new Date(Date.UTC(2017, 3, 1)), 'mmm-yy'],
      [3000, undefined, new Date(Date.UTC(2018, 0, 1)), 'yyyy'],
    ];
    const expected = [
      [2, 1000, '1000', '2016-03-12'],
      [3, 2000, '2000', '2017-04'],
      [4, 3000, '3000', '2018'],
    ];
    expect((await formatted('dates.xlsx', 'Montant', dates)).rels).toEqual(expected);
    expect((await formatted('dates1904.xlsx', 'Montant', dates, true)).rels).toEqual(expected);
  });
});

describe('XLSX links', () => {
  it("keeps a linked cell's address (a source's page), which exceljs's streaming reader drops, in LibreOffice's and exceljs's workbooks", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Relations');
    ws.addRow(['De', 'Vers', 'Type', 'Source']);
    ws.addRow(['Région Sud', 'Cluster Mer', 'finance', { text: 'Rapport 2024', hyperlink: 'https://example.org/rapport?a=1&b=2' }]);
    ws.addRow(['Ademe', 'Cluster Mer', 'finance', 'Rapport 2023']);
    const p = path.join(dir, 'links.xlsx');
    await wb.xlsx.writeFile(p);
    const evidence = async (file: string) => {
      const out: [number, unknown][] = [];
      for await (const r of (await openInput({ path: file, name: path.basename(file) })).rows()) if (r.kind === 'relationship') out.push([r.loc.line, r.rel.evidence]);
      return out;
    };
    expect(await evidence(p)).toEqual([
      [2, [{ source: 'Rapport 2024', url: 'https://example.org/rapport?a=1&b=2' }]],
      [3, [{ source: 'Rapport 2023' }]],
    ]);
    expect((await evidence(fixture('real-libreoffice-ecosysteme.xlsx')))[0]).toEqual([2, [{ excerpt: 'La Région finance le campus.', source: 'Communiqué de la Région', url: 'https://www.maregionsud.fr/cp-ynov' }]]);
  });
});

describe('toCell', () => {
  it('keeps the value Excel saved with a numeric formula beside its text, never computing it', () => {
    expect(toCell({ formula: 'B9*1000', result: 1_500_000 } as ExcelJS.CellValue)).toEqual({ text: '=B9*1000', formula: true, number: 1_500_000 });
    expect(toCell({ formula: 'HYPERLINK("http://example.org","Le document")', result: 'Le document' } as ExcelJS.CellValue)).toEqual({ text: '=HYPERLINK("http://example.org","Le document")', formula: true, result: 'Le document' });
    expect(toCell({ formula: 'A1' } as ExcelJS.CellValue)).toEqual({ text: '=A1', formula: true });
    // Its number format goes with it: =D2/1000 shown « 1 500 k€ » is read as the cell shows it.
    expect(toCell({ formula: 'D2/1000', result: 1500 } as ExcelJS.CellValue, '0 "k€"')).toEqual({ text: '=D2/1000', formula: true, number: 1500, format: '0 "k€"' });
  });
});
