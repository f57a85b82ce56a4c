// A relationships CSV planned in parts (server/import/split.ts: byte ranges planned by a worker thread and by the
// planner, merged in file order) plans, writes and re-imports exactly as the same file planned in one piece.
import fs from 'node:fs';
import path from 'node:path';
import { writeImportFiles } from '../../../bench/read-files';
import type { Db } from '../../../server/db';
import { runImport } from '../../../server/import';
import { planImport, type PlanOptions } from '../../../server/import/plan';
import { openInput } from '../../../server/import/read';
import { applySchema } from '../../../server/load';
import { tempDir } from '../../fixtures/import/corpus';
import { testDb, wipe } from '../../support/db';

let db: Db;
let tmp: string;
let files: { actors: string; relationships: string };
beforeAll(async () => {
  db = testDb();
  await applySchema(db);
  tmp = tempDir();
  // 1 % of the excerpts hold a line break inside quotes: range boundaries fall near some of them.
  files = await writeImportFiles(tmp, 300, 4000);
});
afterAll(async () => {
  fs.rmSync(tmp, { recursive: true, force: true });
  await db.close();
});

const SPLIT: PlanOptions['split'] = { minRows: 1, rangeBytes: 8 * 1024, threads: 1, newTies: true };

async function plan(paths: string[], split: PlanOptions['split']) {
  const inputs = await Promise.all(paths.map((p) => openInput({ path: p, name: path.basename(p) }, { defaultKind: 'entreprise' })));
  const p = await planImport(db, inputs, { defaultKind: 'company', scan: true, split });
  return { parts: p.parts, counts: p.counts, issues: p.issues.list, errors: p.issues.errors, warnings: p.issues.warnings, rows: p.rows, samples: p.samples };
}

/** Every element's content hash (equal content, equal hash; the change set ids differ between two imports). */
async function hashes(): Promise<string[]> {
  const rows = await db.read('MATCH (n) WHERE n:Actor OR n:Source RETURN n.id + " " + n._h AS k UNION ALL MATCH ()-[r:FUNDS|PILOTS|PARTNERS_WITH|LABELS]->() RETURN type(r) + " " + r.id + " " + r._h AS k');
  return rows.map((r) => r.k as string).sort();
}

/** The relationships file with rows replaced (1-based data row → its new cells) and rows appended. */
function variant(name: string, edit: Record<number, (cells: string[]) => string[]>, append: string[] = []): string {
  // Records end with CRLF; the line breaks inside quoted excerpts are bare LFs.
  const records = fs.readFileSync(files.relationships, 'latin1').replace(/\r\n$/, '').split('\r\n');
  for (const [row, f] of Object.entries(edit)) {
    if (records[Number(row)].includes('"')) throw new Error(`row ${row} has a quoted value: pick another`);
    records[Number(row)] = f(records[Number(row)].split(';')).join(';');
  }
  const out = path.join(tmp, name);
  fs.writeFileSync(out, `${[...records, ...append].join('\r\n')}\r\n`, 'latin1');
  return out;
}

describe('planImport of a relationships CSV in parts', () => {
  beforeEach(() => wipe(db));

  it('plans it as in one piece: counts, issues, rows and the preview sample', async () => {
    const whole = await plan([files.actors, files.relationships], false);
    const parts = await plan([files.actors, files.relationships], SPLIT);
    expect(whole.parts).toBe(0);
    expect(parts.parts).toBeGreaterThan(10);
    expect(parts.counts.relationships.created).toBe(4000);
    expect({ ...parts, parts: 0 }).toEqual(whole);
  });

  it('writes the same elements, then re-imports the same files as all unchanged', async () => {
    await runImport(db, [files.actors, files.relationships].map((p) => ({ path: p, name: path.basename(p) })), { defaultKind: 'entreprise', scan: true, split: false });
    const expected = await hashes();
    await wipe(db);
    const inputs = [files.actors, files.relationships].map((p) => ({ path: p, name: path.basename(p) }));
    const first = await runImport(db, inputs, { defaultKind: 'entreprise', scan: true, split: SPLIT });
    expect(first.counts.relationships.created).toBe(4000);
    expect(await hashes()).toEqual(expected);
    const again = await runImport(db, inputs, { defaultKind: 'entreprise', scan: true, split: SPLIT });
    expect(again.importId).toBeNull();
    expect(again.counts.relationships).toEqual({ created: 0, updated: 0, unchanged: 4000 });
    // And planned in parts against the stored ties (one of them edited: an update).
    const edited = variant('edited.csv', { 2500: (c) => [...c.slice(0, 3), '12345', ...c.slice(4)] });
    const p = await plan([files.actors, edited], SPLIT);
    expect(p.parts).toBeGreaterThan(10);
    expect(p.counts.relationships).toEqual({ created: 0, updated: 1, unchanged: 3999 });
    expect({ ...p, parts: 0 }).toEqual(await plan([files.actors, edited], false));
  });

  it('reports the same issues on the same lines, a duplicate across ranges included', async () => {
    const bad = variant(
      'bad.csv',
      {
        300: (c) => [c[0], c[1], 'type inconnu', ...c.slice(3)],
        1800: (c) => [...c.slice(0, 4), '31/02/2016', ...c.slice(5)],
        3900: (c) => [c[0], c[0], ...c.slice(2)],
      },
      // Row 5 again, at the end: a duplicate many ranges later.
      [fs.readFileSync(files.relationships, 'latin1').split('\r\n')[5]],
    );
    const whole = await plan([files.actors, bad], false);
    const parts = await plan([files.actors, bad], SPLIT);
    expect(parts.parts).toBeGreaterThan(10);
    expect(whole.issues.map((i) => i.code)).toEqual(expect.arrayContaining(['type-unknown', 'date-impossible', 'self-tie', 'id-duplicate']));
    expect({ ...parts, parts: 0 }).toEqual(whole);
    // The duplicate's line is the file's last, line breaks inside quotes counted.
    const lastLine = fs.readFileSync(bad, 'latin1').split('\n').length - 1;
    expect(parts.issues.find((i) => i.code === 'id-duplicate')?.line).toBe(lastLine);
  });

  it('plans further fundings of a pair, in one range and across ranges, as the file planned in one piece', async () => {
    const records = fs.readFileSync(files.relationships, 'latin1').split('\r\n');
    const redated = (row: number, date: string) => {
      const c = records[row].split(';');
      return [...c.slice(0, 4), date, ...c.slice(5)].join(';');
    };
    // Row 5 again at the end, another year (many ranges later); and row 3000 again next to it (one range: the
    // planner reads on from there).
    const later = variant('later.csv', {}, [redated(5, '2002')]);
    const near = variant('near.csv', { 3001: () => redated(3000, '2001').split(';') }, [redated(5, '2002')]);
    for (const [file, created] of [[later, 4001], [near, 4001]] as const) {
      const whole = await plan([files.actors, file], false);
      const parts = await plan([files.actors, file], SPLIT);
      expect(parts.parts).toBeGreaterThan(0);
      expect(whole.errors).toBe(0);
      expect(whole.counts.relationships.created).toBe(created);
      expect({ ...parts, parts: 0 }).toEqual(whole);
    }
  });

  it('leaves the rest of the file to the planner from a range that names an actor nobody answers to', async () => {
    const newActor = variant('new-actor.csv', { 2000: (c) => ['Acteur inconnu', ...c.slice(1)] });
    const whole = await plan([files.actors, newActor], false);
    const parts = await plan([files.actors, newActor], SPLIT);
    expect(whole.counts.actors.created).toBe(301);
    expect(parts.parts).toBeGreaterThan(5);
    expect({ ...parts, parts: 0 }).toEqual(whole);
  });
});
