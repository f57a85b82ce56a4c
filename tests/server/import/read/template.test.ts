// The downloadable template reads back through openInput with no error: its example rows are what a user gets.
import fs from 'node:fs';
import path from 'node:path';
import { openInput, type InputRow } from '../../../../server/import/read';
import { templateCsv, templateXlsx } from '../../../../server/import/read/template';
import { tempDir } from '../../../fixtures/import/corpus';

let dir: string;
beforeAll(() => (dir = tempDir()));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function readBack(name: string, body: Buffer) {
  const p = path.join(dir, name);
  fs.writeFileSync(p, body);
  const input = await openInput({ path: p, name });
  const rows: InputRow[] = [];
  for await (const r of input.rows()) rows.push(r);
  return { input, rows };
}

describe('import templates', () => {
  it('the CSV template is French Excel CSV (BOM, ;) whose two rows read without an issue', async () => {
    const { input, rows } = await readBack('modele.csv', templateCsv());
    expect(input.detected).toMatchObject({ encoding: 'utf-8', bom: true, delimiter: ';', dateOrder: 'dmy' });
    expect(rows.filter((r) => r.kind === 'issue' && r.issue.code !== 'date-order-ambiguous')).toEqual([]);
    expect(rows.filter((r) => r.kind === 'relationship').map((r) => r.kind === 'relationship' && [r.rel.from, r.rel.type, r.rel.to, r.rel.amount, r.rel.date])).toEqual([
      [{ name: 'Bpifrance', kind: 'investor' }, 'FUNDS', { name: 'Ynov Campus', kind: 'university' }, 1200000, '2016-03-12'],
      [{ name: 'Région Sud', kind: 'local_authority' }, 'FUNDS', { name: 'Ynov Campus', kind: 'university' }, 1500000, '2017-03'],
    ]);
  });

  it('the XLSX template has Acteurs and Relations, read without an error, and a help sheet that is ignored', async () => {
    const { input, rows } = await readBack('modele.xlsx', await templateXlsx());
    expect(input.sheets).toEqual({ used: ['Acteurs', 'Relations'], ignored: ["Mode d'emploi"] });
    expect(rows.filter((r) => r.kind === 'issue' && r.issue.severity === 'error')).toEqual([]);
    expect(rows.filter((r) => r.kind === 'actor').map((r) => r.kind === 'actor' && r.actor.id)).toEqual(['bpifrance', 'ynov-campus']);
    expect(rows.filter((r) => r.kind === 'relationship')).toHaveLength(2);
  });
});
