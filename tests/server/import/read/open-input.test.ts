// openInput's options and guarantees: overrides (encoding, delimiter, date order, mapping), bad options refused,
// rows() readable twice, and a large file read in bounded memory.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { openInput, type InputRow, type ReadOptions } from '../../../../server/import/read';
import { ValidationError } from '../../../../server/errors';
import { fixture, tempDir } from '../../../fixtures/import/corpus';

async function all(rows: AsyncIterable<InputRow>): Promise<InputRow[]> {
  const out: InputRow[] = [];
  for await (const r of rows) out.push(r);
  return out;
}

let dir: string;
beforeAll(() => (dir = tempDir()));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const file = (name: string, data: string | Buffer) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, data);
  return { path: p, name };
};

describe('openInput options', () => {
  it('reads the file again at each rows() call, with the same rows', async () => {
    const input = await openInput({ path: fixture('good-french-excel.csv'), name: 'f.csv' });
    const first = await all(input.rows());
    const second = await all(input.rows());
    expect(first).toHaveLength(5);
    expect(second).toEqual(first);
  });

  it('decodes with the encoding the user names, and says so', async () => {
    const f = file('latin.csv', iconv.encode('Nom;Nature\r\nRégion Sud;collectivité\r\n', 'windows-1252'));
    const input = await openInput(f, { encoding: 'latin1' });
    expect(input.detected.encoding).toBe('latin1');
    expect((await all(input.rows()))[0]).toMatchObject({ actor: { name: 'Région Sud', kind: 'local_authority' } });
  });

  it('flags the first line that is not UTF-8 when the user forces UTF-8 on a Windows-1252 file', async () => {
    const f = file('forced.csv', iconv.encode('Nom;Nature\r\nA;entreprise\r\nRégion Sud;collectivité\r\n', 'windows-1252'));
    const rows = await all((await openInput(f, { encoding: 'utf-8' })).rows());
    expect(rows[0]).toMatchObject({ kind: 'issue', issue: { code: 'encoding-invalid', line: 3, severity: 'error' } });
  });

  it('splits on the delimiter the user names (tab, by name), overriding detection', async () => {
    const f = file('tabbed.txt', 'De\tVers\tType;Note\r\nA\tB\tfinance;x\r\n');
    const auto = await openInput(f);
    expect(auto.detected.delimiter).toBe('\t');
    const forced = await openInput(f, { delimiter: ';' });
    expect(forced.detected.delimiter).toBe(';');
    expect(forced.detected.tables[0].kind).toBeNull();
  });

  it('reads dd/dd/yyyy in the order the user names, without the ambiguity warning', async () => {
    const f = file('dates.csv', 'De;Vers;Type;Date\r\nA;B;finance;01/02/2016\r\n');
    const auto = await all((await openInput(f)).rows());
    expect(auto[0]).toMatchObject({ issue: { code: 'date-order-ambiguous', severity: 'warning', column: 'D' } });
    expect(auto[1]).toMatchObject({ rel: { date: '2016-02-01' } });
    const input = await openInput(f, { dateOrder: 'mdy' });
    expect(input.detected.dateOrder).toBe('mdy');
    expect(await all(input.rows())).toEqual([expect.objectContaining({ rel: expect.objectContaining({ date: '2016-01-02' }) })]);
  });

  it('warns when a date column mixes both orders, and refuses the dates impossible in the chosen one', async () => {
    const f = file('mixed-dates.csv', 'De;Vers;Type;Date\r\nA;B;finance;25/01/2016\r\nB;C;finance;26/01/2016\r\nC;D;finance;01/27/2016\r\n');
    const rows = await all((await openInput(f)).rows());
    expect(rows.filter((r) => r.kind === 'issue').map((r) => r.kind === 'issue' && [r.issue.code, r.issue.line])).toEqual([
      ['date-order-mixed', 1],
      ['date-impossible', 4],
    ]);
  });

  it('maps columns as the user says, by header', async () => {
    const f = file('custom.csv', 'Qui;Pour qui;Quoi\r\nBpifrance;Ynov;finance\r\n');
    const auto = await openInput(f);
    expect(auto.detected.tables[0].kind).toBeNull();
    const input = await openInput(f, { mapping: { 'Pour qui': 'to', Quoi: 'type' } });
    expect(input.detected.tables[0].columns.map((c) => c.field)).toEqual(['from', 'to', 'type']);
    expect(await all(input.rows())).toEqual([expect.objectContaining({ rel: expect.objectContaining({ from: { name: 'Bpifrance' }, to: { name: 'Ynov' }, type: 'FUNDS' }) })]);
  });

  it('returns the default kind canonical and never writes it into rows', async () => {
    const input = await openInput({ path: fixture('good-kumu-connections.csv'), name: 'k.csv' }, { defaultKind: 'Entreprise' });
    expect(input.detected.defaultKind).toBe('company');
    const rows = await all(input.rows());
    expect(rows.every((r) => r.kind !== 'relationship' || (r.rel.from.kind === undefined && r.rel.to.kind === undefined))).toBe(true);
  });

  it.each([
    [{ encoding: 'klingon' }, 'encoding'],
    [{ delimiter: ':' }, 'delimiter'],
    [{ dateOrder: 'ymd' }, 'dateOrder'],
    [{ defaultKind: 'extraterrestre' }, 'defaultKind'],
    [{ mapping: { De: 'nope' } }, 'mapping.De'],
  ])('refuses the option %j with a ValidationError naming %s', async (opts, field) => {
    const err = await openInput({ path: fixture('good-french-excel.csv'), name: 'f.csv' }, opts as ReadOptions).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).issues.map((i) => i.field)).toEqual([field]);
  });

  it('throws for a path that does not exist (the caller’s mistake, not the file’s)', async () => {
    await expect(openInput({ path: path.join(dir, 'absent.csv'), name: 'absent.csv' })).rejects.toThrow(/ENOENT/);
  });
});

describe('openInput formats', () => {
  it('reads Excel\'s "Unicode text": UTF-16 with a byte-order mark, tab-separated', async () => {
    const f = file('unicode.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('Nom\tNature\r\nRégion Sud\tcollectivité\r\n', 'utf-16le')]));
    const input = await openInput(f);
    expect(input.detected).toMatchObject({ encoding: 'utf-16le', bom: true, delimiter: '\t' });
    expect(await all(input.rows())).toEqual([{ kind: 'actor', loc: { file: 'unicode.txt', line: 2 }, actor: { name: 'Région Sud', kind: 'local_authority', aliases: [] } }]);
  });

  it('reads a workbook of one sheet whatever its name, its headers deciding what it holds', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Feuil1');
    ws.addRow(['De', 'Vers', 'Type']);
    ws.addRow(['A', 'B', 'partenaire']);
    const f = file('one-sheet.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    const input = await openInput(f);
    expect(input.sheets).toEqual({ used: ['Feuil1'], ignored: [] });
    expect(await all(input.rows())).toEqual([expect.objectContaining({ kind: 'relationship', loc: { file: 'one-sheet.xlsx', sheet: 'Feuil1', line: 2 } })]);
  });
});

describe('openInput on a large file', () => {
  it('reads 200,000 rows in batches, counting them while detecting, with bounded memory', async () => {
    const p = path.join(dir, 'big.csv');
    const out = fs.createWriteStream(p);
    out.write('De;Vers;Type;Montant;Date\r\n');
    for (let i = 0; i < 200000; i++) out.write(`Acteur ${i % 5000};Acteur ${(i * 7 + 1) % 5000};finance;${(i % 90) + 1} k€;${(i % 28) + 1}/03/2016\r\n`);
    await new Promise((r) => out.end(r));
    const input = await openInput({ path: p, name: 'big.csv' });
    expect(input.detected.tables[0].rows).toBe(200000);
    let n = 0;
    let last = 0;
    for await (const r of input.rows()) {
      if (r.kind === 'relationship') {
        n++;
        last = r.loc.line;
      }
    }
    expect(n).toBe(200000);
    expect(last).toBe(200001);
  });
});

describe('sampleRows', () => {
  it('gives the first rows of each table with their issues, and stops reading there', async () => {
    const { sampleRows } = await import('../../../../server/import/read/sample');
    const input = await openInput({ path: fixture('good-workbook.xlsx'), name: 'w.xlsx' });
    const rows = await sampleRows(input, 2);
    expect(rows.map((r) => (r.kind === 'issue' ? r.issue.code : `${r.loc.sheet}:${r.loc.line}`))).toEqual(['sheet-ignored', 'Acteurs:2', 'Acteurs:3', 'RELATIONS:2', 'RELATIONS:3']);
    const big = await openInput({ path: fixture('bad-unknown-type.csv'), name: 'u.csv' });
    expect((await sampleRows(big, 1)).map((r) => r.kind)).toEqual(['relationship']);
  });
});

describe('RowSampler', () => {
  it('keeps a bounded number of issues when every line of a table is wrong', async () => {
    const { RowSampler } = await import('../../../../server/import/read/sample');
    const s = new RowSampler(3);
    for (let line = 2; line < 10_000; line++) s.add({ kind: 'issue', issue: { file: 'f.csv', line, message: 'x', severity: 'error', code: 'type-unknown' } });
    expect(s.rows).toHaveLength(6);
    expect(s.kept).toBe(0);
  });
});

describe('openInput on a workbook whose sheets are named by one of their words', () => {
  async function workbook(name: string, sheets: string[]) {
    const wb = new ExcelJS.Workbook();
    for (const s of sheets) {
      const ws = wb.addWorksheet(s);
      ws.addRow(['De', 'Vers', 'Type', 'Extrait']);
      ws.addRow(['A', 'B', 'partenaire', `ligne de ${s}`]);
    }
    const p = path.join(dir, name);
    await wb.xlsx.writeFile(p);
    return { path: p, name };
  }

  it('reads « Relations (2024) » when no sheet is named « Relations »', async () => {
    const input = await openInput(await workbook('annee.xlsx', ['Relations (2024)', 'Notes']));
    expect(input.sheets).toEqual({ used: ['Relations (2024)'], ignored: ['Notes'] });
  });

  it('ignores « Relations (2) », Excel\'s copy of a sheet, beside « Relations »', async () => {
    const input = await openInput(await workbook('copie.xlsx', ['Relations', 'Relations (2)']));
    expect(input.sheets).toEqual({ used: ['Relations'], ignored: ['Relations (2)'] });
  });
});
