import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { writeImportFiles } from '../../../bench/read-files';
import { BARRIER, contentDigest, fromStored, get, list, recoverInterrupted, undo } from '../../../server/changes';
import type { Entity, Props, StoredImage } from '../../../server/changes/records';
import type { Db } from '../../../server/db';
import { ConflictError } from '../../../server/errors';
import { ImportRefused, runImport, type ImportOptions, type ImportReport } from '../../../server/import';
import { planImport } from '../../../server/import/plan';
import { openInput } from '../../../server/import/read';
import { applySchema, importDataset } from '../../../server/load';
import { BAD_FILES, fixture, GOOD_FILES, tempDir, writeHugeCell, writeLyingZipBomb, writeOdsLyingZipBomb, writeOdsMergeBomb, writeOdsRepeatBomb, writeOdsZipBomb, writeZipBomb, writeZipWithHiddenEntry } from '../../fixtures/import/corpus';
import { actor, dataset, rel } from '../../support/fixtures';
import { testDb, wipe } from '../../support/db';
import { graphDigest } from '../../support/digest';
import { waitFor } from '../../support/wait';

const ROOT = path.resolve(__dirname, '..', '..', '..');
let db: Db;
let tmp: string;
beforeAll(async () => {
  db = testDb();
  await applySchema(db);
  tmp = tempDir();
});
afterAll(async () => {
  fs.rmSync(tmp, { recursive: true, force: true });
  await db.close();
});

const file = (name: string) => ({ path: fixture(name), name });
const SOURCE: ImportOptions['source'] = { title: 'Tableau des financements 2024', publisher: 'Tests', date: '2024-03' };

/** A starting graph with two actors that both answer to "Crédit Agricole" (bad-ambiguous-actor.csv needs them). */
async function base(): Promise<void> {
  await wipe(db);
  await importDataset(
    db,
    dataset(
      [
        actor('ca-alpes', 'investor', { name: 'Crédit Agricole Alpes Provence', aliases: ['Crédit Agricole'] }),
        actor('ca-sa', 'investor', { name: 'Crédit Agricole SA', aliases: ['Crédit Agricole'] }),
        actor('ynov', 'university', { name: 'Ynov Campus' }),
      ],
      [rel('FUNDS', 'ca-sa', 'ynov', { amount: 1000 })],
    ),
  );
}

async function refused(files: { path: string; name: string }[], opts: ImportOptions = {}): Promise<ImportReport> {
  const e = await runImport(db, files, { defaultKind: 'entreprise', source: SOURCE, ...opts }).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(ImportRefused);
  return (e as ImportRefused).report;
}

describe('runImport on the bad-file corpus', () => {
  beforeAll(base);

  it.each(BAD_FILES.map((b) => [b.file, b]))('refuses %s with the line at fault, and the graph is unchanged (counts and digest)', async (_name, b) => {
    const before = await graphDigest(db);
    const report = await refused([file(b.file)]);
    expect(report.issues).toEqual(expect.arrayContaining([expect.objectContaining({ code: b.code, severity: 'error', ...(b.line !== undefined ? { line: b.line } : {}) })]));
    expect(report.issues.every((i) => i.file === b.file && typeof i.message === 'string' && i.message.length > 0)).toBe(true);
    expect(await graphDigest(db)).toEqual(before);
  });

  it.each([
    ['a 10 MB cell', () => writeHugeCell(tmp), 'cell-too-long'],
    ['a zip bomb', () => writeZipBomb(tmp), 'zip-bomb'],
    ['a zip bomb that lies about its size', () => writeLyingZipBomb(tmp), 'zip-bomb'],
    ['an xlsx with an entry hidden between two others', () => writeZipWithHiddenEntry(tmp), undefined],
    ['an .ods zip bomb', () => writeOdsZipBomb(tmp), 'zip-bomb'],
    ['an .ods zip bomb that lies about its size', () => writeOdsLyingZipBomb(tmp), 'zip-bomb'],
    ['an .ods whose repeats say 16 billion filled cells in under 1 kB', () => writeOdsRepeatBomb(tmp), 'zip-bomb'],
    // Refused whatever comes first in the report (the rows read before the count runs out are already wrong).
    ['an .ods with a cell merged over every row and column', () => writeOdsMergeBomb(tmp), undefined],
  ])('refuses %s, and the graph is unchanged', async (_what, make, code) => {
    const before = await graphDigest(db);
    const p = make();
    const report = await refused([{ path: p, name: path.basename(p) }]);
    expect(report.issueCount.errors).toBeGreaterThan(0);
    if (code) expect(report.issues.map((i) => i.code)).toContain(code);
    expect(await graphDigest(db)).toEqual(before);
  });

  it('refuses a relationships table with neither excerpts nor a named source, with one issue for the table', async () => {
    const before = await graphDigest(db);
    const report = await refused([file('good-kumu-connections.csv')], { source: undefined });
    expect(report.issues).toEqual([expect.objectContaining({ code: 'evidence-missing', file: 'good-kumu-connections.csv', line: 1 })]);
    expect(await graphDigest(db)).toEqual(before);
  });

  it('refuses new actors without a kind when no default kind is given, naming the line', async () => {
    const report = await refused([file('good-kumu-connections.csv')], { defaultKind: undefined });
    expect(report.issues[0]).toMatchObject({ code: 'kind-missing', line: 2, field: 'from' });
  });
});

describe('runImport on good files', () => {
  beforeEach(base);

  it.each(GOOD_FILES.map((f) => [f]))('imports %s, then says every element is unchanged on a re-import and writes nothing', async (name) => {
    const first = await runImport(db, [file(name)], { defaultKind: 'entreprise', source: SOURCE });
    expect(first.importId).toMatch(/^cs-/);
    expect(first.counts.relationships.created + first.counts.actors.created).toBeGreaterThan(0);
    const after = await graphDigest(db);
    const again = await runImport(db, [file(name)], { defaultKind: 'entreprise', source: SOURCE });
    expect(again.importId).toBeNull();
    for (const e of ['actors', 'relationships', 'sources'] as const) {
      expect(again.counts[e]).toMatchObject({ created: 0, updated: 0 });
    }
    expect(again.counts.relationships.unchanged).toBe(first.counts.relationships.created + first.counts.relationships.updated + first.counts.relationships.unchanged);
    expect(await graphDigest(db)).toEqual(after);
  });

  it('resolves names against the database, records the locator as evidence, and keeps raw amounts and dates', async () => {
    await runImport(db, [file('good-french-excel.csv')], { defaultKind: 'entreprise', source: SOURCE });
    const [row] = await db.read("MATCH (a:Actor {id: 'ynov'})<-[r:FUNDS]-(b) WHERE b.name = 'Région Sud' RETURN r {.*} AS r, b.kind AS kind");
    expect(row.kind).toBe('company');
    expect(row.r).toMatchObject({ amount: 1_500_000, amountRaw: '1,5 M€', date: '2017-04-25', dateRaw: '25/04/2017', status: 'planned', evidenceSources: ['tableau-des-financements-2024'], evidenceExcerpts: ['good-french-excel.csv, ligne 4'] });
    const [src] = await db.read("MATCH (s:Source {id: 'tableau-des-financements-2024'}) RETURN s.title AS title, s.publisher AS publisher, s.date AS date");
    expect(src).toEqual({ title: 'Tableau des financements 2024', publisher: 'Tests', date: '2024-03' });
  });

  it('stores what workbooks as openpyxl and hand-kept Excel write mean: units from number formats, rich names, merged funders; undone as a whole', async () => {
    const before = await graphDigest(db);
    const r = await runImport(db, [file('real-openpyxl-workbook.xlsx')], { defaultKind: 'entreprise', source: SOURCE });
    const m = await runImport(db, [file('real-merged-funders.xlsx')], { defaultKind: 'entreprise', source: SOURCE });
    const ties = await db.read("MATCH (a:Actor)-[r:FUNDS]->(b:Actor) WHERE b.name IN ['Cluster Mer', 'Pôle Mer', 'Incubateur Sud'] RETURN a.name AS a, b.name AS b, r.amount AS amount, r.amountRaw AS raw, r.date AS date ORDER BY a, b");
    expect(ties).toEqual([
      { a: 'Ademe', b: 'Cluster Mer', amount: 1_200_000, raw: '1 200 000 €', date: '2018' },
      // The second file's 1,2 M€ over the first's 200 k€ (the same tie: same pair, no id): the last import's word; the
      // date the second file does not give is the first's (it has no date column: it says nothing of dates).
      { a: 'Bpifrance', b: 'Cluster Mer', amount: 1_200_000, raw: '1 200 000 €', date: '2017-04' },
      { a: 'Europe', b: 'Cluster Mer', amount: 3_000_000, raw: '3 M€', date: '2019-12' },
      { a: 'Métropole', b: 'Cluster Mer', amount: 2_500_000, raw: '2,5 M€', date: '2016-03' },
      { a: 'Région Sud', b: 'Cluster Mer', amount: 1_500_000, raw: '1,5 M€', date: '2016-03-12' },
      { a: 'Région Sud', b: 'Incubateur Sud', amount: 300_000, raw: '300 k€', date: null },
      { a: 'Région Sud', b: 'Pôle Mer', amount: 200_000, raw: '200 k€', date: null },
    ]);
    // « Bpi » in bold then « france »: one actor, not « france » beside it.
    expect(await db.read("MATCH (a:Actor) WHERE a.name = 'france' RETURN a.id AS id")).toEqual([]);
    await undo(db, m.importId!, 'local');
    await undo(db, r.importId!, 'local');
    expect(await graphDigest(db)).toEqual(before);
  });

  it('does not write on a dry run, and says what it would do', async () => {
    const before = await graphDigest(db);
    const r = await runImport(db, [file('good-workbook.xlsx')], { defaultKind: 'entreprise', source: SOURCE, dryRun: true });
    expect(r).toMatchObject({ importId: null, dryRun: true });
    expect(r.counts.relationships.created).toBeGreaterThan(0);
    expect(await graphDigest(db)).toEqual(before);
  });

  it('undoes an import as a whole, and refuses when a later import changed what it wrote', async () => {
    const before = await graphDigest(db);
    const a = await runImport(db, [file('good-kumu-elements.csv'), file('good-kumu-connections.csv')], { defaultKind: 'entreprise', source: SOURCE });
    const b = await runImport(db, [file('good-french-excel.csv')], { defaultKind: 'entreprise', source: SOURCE });
    const err = await undo(db, a.importId!, 'local').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).details).toMatchObject({ changeSets: [b.importId] });
    await undo(db, b.importId!, 'local');
    await undo(db, a.importId!, 'local');
    expect(await graphDigest(db)).toEqual(before);
    expect((await get(db, a.importId!)).state).toBe('undone');
  });
});

describe('runImport at size', () => {
  it('writes the same ties whether they find their actors by element id or by actor id', async () => {
    const files = await writeImportFiles(path.join(tmp, 'nodes'), 300, 1000);
    const input = [{ path: files.actors, name: 'acteurs.csv' }, { path: files.relationships, name: 'relations.csv' }];
    const ties = () => db.read('MATCH (a:Actor)-[r:FUNDS|PILOTS|PARTNERS_WITH|LABELS]->(b:Actor) RETURN type(r) AS type, a.id AS source, b.id AS target, r {.*, _cs: null} AS props ORDER BY type, r.id');
    const written = [];
    for (const actorNodes of [false, true]) {
      await wipe(db);
      const r = await runImport(db, input, { source: SOURCE, batchSize: 200, actorNodes });
      expect(r.counts.relationships.created).toBe(1000);
      written.push(await ties());
    }
    expect(written[0]).toHaveLength(1000);
    expect(written[1]).toEqual(written[0]);
  });

  it('rolls back every batch already written when a later batch fails', async () => {
    await base();
    const files = await writeImportFiles(path.join(tmp, 'mid'), 300, 1000);
    // The file's last tie names an actor of the database, which another change deletes between plan and writes.
    fs.appendFileSync(files.relationships, 'Acteur 1;Ynov Campus;finance;;;effectif\r\n');
    let before: Awaited<ReturnType<typeof graphDigest>> | undefined;
    const err = await runImport(db, [{ path: files.actors, name: 'acteurs.csv' }, { path: files.relationships, name: 'relations.csv' }], {
      source: SOURCE,
      batchSize: 200,
      onBegin: async () => {
        await db.write("MATCH (a:Actor {id: 'ynov'}) DETACH DELETE a");
        before = await graphDigest(db);
      },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).details).toMatchObject({ conflicts: [{ entity: 'actor', id: 'ynov' }] });
    const [imp] = await list(db, { kinds: ['import'], states: ['rolled_back'], limit: 1 });
    expect(imp.progress.done).toBeGreaterThan(200);
    expect(imp.progress.undone).toBe(imp.progress.done);
    expect(await graphDigest(db)).toEqual(before);
  });

  it('rolls back, at the next start, an import whose process was killed half-way, and the next import removes its spill file', async () => {
    await base();
    const files = await writeImportFiles(path.join(tmp, 'kill'), 2000, 20_000);
    const before = await graphDigest(db);
    // A temporary folder of this test's own: an import run by anything else on the machine (another checkout's tests)
    // removes the spill folders of dead processes it finds in the shared one, this killed import's among them.
    const tmpdir = fs.mkdtempSync(path.join(tmp, 'tmpdir-'));
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/cli/import.ts'), files.actors, files.relationships, '--source-title', 'Tableau', '--json'], {
      cwd: ROOT,
      env: { ...process.env, TMPDIR: tmpdir, NEO4J_URI: process.env.TEST_NEO4J_URI, MAILLAGE_IMPORT_BATCH: '500', MAILLAGE_IMPORT_WRITERS: '3' },
      stdio: ['ignore', 'ignore', 'ignore'],
    });
    const exited = new Promise((r) => child.once('exit', r));
    // Kill it once some batches are committed: wait for the change set to show written elements.
    await waitFor(async () => (await list(db, { states: ['running'] }))[0]?.progress.done ?? 0, (done) => done > 0);
    child.kill('SIGKILL');
    await exited;
    const [running] = await list(db, { states: ['running'] });
    expect(running).toBeDefined();
    expect(await recoverInterrupted(db)).toEqual([{ id: running.id, from: 'running', to: 'rolled_back' }]);
    expect(await graphDigest(db)).toEqual(before);
    const spills = () => fs.readdirSync(tmpdir).filter((n) => n.startsWith(`maillage-spill-${child.pid}-`));
    expect(spills()).toHaveLength(1);
    // The next import, run the same way (in the test's process, os.tmpdir() would be the shared folder).
    const next = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/cli/import.ts'), file('good-french-excel.csv').path, '--default-kind', 'entreprise', '--source-title', 'Tableau', '--json'], {
      cwd: ROOT,
      env: { ...process.env, TMPDIR: tmpdir, NEO4J_URI: process.env.TEST_NEO4J_URI },
      stdio: ['ignore', 'ignore', 'ignore'],
    });
    expect(await new Promise((r) => next.once('exit', r))).toBe(0);
    expect(spills()).toEqual([]);
  });

  it.each([
    ['one scan of the stored elements', true],
    ['lookups by id', false],
  ])('re-imports files with one tie and one actor edited: those two updated, every other row unchanged (%s)', async (_how, scan) => {
    await wipe(db);
    const files = await writeImportFiles(path.join(tmp, `edit-${scan}`), 300, 3000);
    const work = path.join(tmp, `work-${scan}`);
    fs.mkdirSync(work, { recursive: true });
    const run = (actors: string, relationships: string) =>
      runImport(db, [{ path: actors, name: 'acteurs.csv' }, { path: relationships, name: 'relations.csv' }], { source: SOURCE, batchSize: 500, scan, workDir: work });
    const first = await run(files.actors, files.relationships);
    const ties = first.counts.relationships.created;
    expect(ties).toBe(3000);
    // Windows-1252 read as latin1 keeps every byte; the edits are ASCII.
    const edit = (from: string, to: string, change: (lines: string[]) => void) => {
      const lines = fs.readFileSync(from, 'latin1').split('\r\n');
      change(lines);
      fs.writeFileSync(to, lines.join('\r\n'), 'latin1');
      return to;
    };
    const tieLine = 1234;
    const rels = edit(files.relationships, path.join(tmp, `edited-rels-${scan}.csv`), (l) => {
      expect(l[tieLine]).toContain('selon le document');
      l[tieLine] = l[tieLine].replace('selon le document', 'selon la note');
    });
    const actors = edit(files.actors, path.join(tmp, `edited-actors-${scan}.csv`), (l) => {
      expect(l[6]).toMatch(/^acteur-5;.*;Aix-en-Provence$/);
      l[6] = l[6].replace(/;Aix-en-Provence$/, ';Gap');
    });

    const again = await run(actors, rels);
    expect(again.counts.relationships).toEqual({ created: 0, updated: 1, unchanged: ties - 1 });
    expect(again.counts.actors).toEqual({ created: 0, updated: 1, unchanged: 299 });
    const [tie] = await db.read("MATCH ()-[r]->() WHERE any(e IN r.evidenceExcerpts WHERE e CONTAINS 'selon la note') RETURN count(r) AS n");
    expect(tie.n).toBe(1);
    expect(await db.read("MATCH (a:Actor {id: 'acteur-5'}) RETURN a.territory AS t")).toEqual([{ t: 'Gap' }]);
    const third = await run(actors, rels);
    expect(third.importId).toBeNull();
    expect(third.counts.relationships).toEqual({ created: 0, updated: 0, unchanged: ties });
    // The plan's spill file is gone once the import is over.
    expect(fs.readdirSync(work)).toEqual([]);
  });

  it.each([
    ['one scan of the stored elements', true],
    ['lookups by id', false],
  ])('re-imports a graph whose hashes are in the format before after 7 (base64url text) as unchanged, without a migration (%s)', async (_how, scan) => {
    await wipe(db);
    const files = await writeImportFiles(path.join(tmp, `old-${scan}`), 200, 1000);
    const run = () => runImport(db, [{ path: files.actors, name: 'acteurs.csv' }, { path: files.relationships, name: 'relations.csv' }], { source: SOURCE, batchSize: 300, scan });
    expect((await run()).counts.relationships.created).toBe(1000);
    // What the code before after 7 stored: the base64url text of the whole SHA-1 digest of the same content.
    const old = (entity: Entity, image: StoredImage) => Buffer.from(contentDigest(entity, fromStored(entity, image)), 'latin1').toString('base64url');
    const nodes = await db.read('MATCH (n) WHERE (n:Actor OR n:Source) AND n._h IS NOT NULL RETURN elementId(n) AS e, n:Actor AS actor, properties(n) AS props');
    const ties = await db.read('MATCH (a)-[r]->(b) WHERE r._h IS NOT NULL RETURN elementId(r) AS e, type(r) AS type, a.id AS source, b.id AS target, properties(r) AS props');
    expect(nodes.filter((n) => n.actor)).toHaveLength(200);
    expect(ties).toHaveLength(1000);
    expect(ties.every((t) => typeof (t.props as Props)._h === 'number')).toBe(true);
    await db.write('UNWIND $rows AS row MATCH (n) WHERE elementId(n) = row.e SET n._h = row.h', { rows: nodes.map((n) => ({ e: n.e, h: old(n.actor ? 'actor' : 'source', { props: n.props as Props }) })) });
    await db.write('UNWIND $rows AS row MATCH ()-[r]->() WHERE elementId(r) = row.e SET r._h = row.h', { rows: ties.map((t) => ({ e: t.e, h: old('relationship', { props: t.props as Props, type: t.type as string, source: t.source as string, target: t.target as string }) })) });
    const [check] = await db.read('MATCH ()-[r]->() WHERE r._h IS NOT NULL RETURN count(r) AS n, sum(CASE WHEN size(r._h) = 27 THEN 1 ELSE 0 END) AS text');
    expect(check).toEqual({ n: 1000, text: 1000 });

    const again = await run();
    expect(again.importId).toBeNull();
    expect(again.counts.relationships).toEqual({ created: 0, updated: 0, unchanged: 1000 });
    expect(again.counts.actors).toEqual({ created: 0, updated: 0, unchanged: 200 });
    expect(again.counts.sources.updated).toBe(0);
  });

  it('plans a stored tie that a file points at a new actor as an update that moves it (scan)', async () => {
    await wipe(db);
    const write = (name: string, d: ReturnType<typeof dataset>) => {
      fs.writeFileSync(path.join(tmp, name), JSON.stringify(d));
      return [{ path: path.join(tmp, name), name }];
    };
    await runImport(db, write('before.json', dataset([actor('a'), actor('b')], [rel('FUNDS', 'a', 'b', { id: 't1' })])), { scan: true });
    const r = await runImport(db, write('after.json', dataset([actor('a'), actor('b'), actor('c')], [rel('FUNDS', 'a', 'c', { id: 't1' })])), { scan: true });
    expect(r.counts.relationships).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(await db.read("MATCH (x)-[r:FUNDS {id: 't1'}]->(y) RETURN x.id AS x, y.id AS y")).toEqual([{ x: 'a', y: 'c' }]);
    await undo(db, r.importId!, 'local');
    expect(await db.read("MATCH (x)-[r:FUNDS {id: 't1'}]->(y) RETURN x.id AS x, y.id AS y")).toEqual([{ x: 'a', y: 'b' }]);
  });

  it('runs two imports at once that share actors: no actor or tie is duplicated', async () => {
    await wipe(db);
    const one = await writeImportFiles(path.join(tmp, 'one'), 500, 2000, 1);
    const two = await writeImportFiles(path.join(tmp, 'two'), 500, 2000, 2);
    const results = await Promise.allSettled(
      [one, two].map((f) => runImport(db, [{ path: f.actors, name: 'acteurs.csv' }, { path: f.relationships, name: 'relations.csv' }], { source: SOURCE, batchSize: 500 })),
    );
    // Both succeed: a tie or actor the other created meanwhile is overwritten, and recorded as an update.
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(await db.read('MATCH (a:Actor) WITH a.id AS id, count(*) AS n WHERE n > 1 RETURN count(id) AS dups')).toEqual([{ dups: 0 }]);
    expect(await db.read('MATCH ()-[r]->() WITH type(r) AS t, r.id AS id, count(*) AS n WHERE n > 1 RETURN count(id) AS dups')).toEqual([{ dups: 0 }]);
    expect((await graphDigest(db)).actors).toBe(500);
  });
});

describe('npm run import (CLI)', () => {
  const cli = (args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/cli/import.ts'), ...args], {
        cwd: ROOT,
        env: { ...process.env, NEO4J_URI: process.env.TEST_NEO4J_URI },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.once('exit', (code) => resolve({ code, stdout, stderr }));
    });

  beforeAll(base);

  it('exits 2 with the issues as JSON for a bad file, writing nothing', async () => {
    const before = await graphDigest(db);
    const r = await cli([fixture('bad-impossible-date.csv'), '--json', '--default-kind', 'entreprise', '--source-title', 'T']);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout) as ImportReport;
    expect(report.issues).toEqual(expect.arrayContaining([expect.objectContaining({ file: 'bad-impossible-date.csv', line: 3, code: 'date-impossible' })]));
    expect(await graphDigest(db)).toEqual(before);
  });

  it('exits 0 on a clean dry run and prints the report with what it detected', async () => {
    const r = await cli([fixture('good-french-excel.csv'), '--dry-run', '--json', '--default-kind', 'entreprise', '--source-title', 'T', '--source-date', '12/03/2024']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ importId: null, dryRun: true, detected: { encoding: 'windows-1252', delimiter: ';', dateOrder: 'dmy' } });
  });

  it('imports the .ods LibreOffice saved (exit 0, format ods, typed amounts and dates, merged funder), finds it unchanged on a dry run, and undoes it', async () => {
    const before = await graphDigest(db);
    const args = [fixture('real-libreoffice-ecosysteme.ods'), '--json', '--default-kind', 'entreprise', '--source-title', 'Écosystème régional'];
    const r = await cli(args);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as ImportReport;
    expect(report.files[0]).toMatchObject({ name: 'real-libreoffice-ecosysteme.ods', format: 'ods', sheets: { used: ['Acteurs', 'Relations'], ignored: ['Listes', 'Notes'] } });
    expect(report.counts.relationships).toEqual({ created: 5, updated: 0, unchanged: 0 });
    const ties = await db.read("MATCH (:Actor {name: 'Région Sud'})-[r:FUNDS]->(b:Actor) RETURN b.name AS b, r.amount AS amount, r.amountRaw AS raw, r.date AS date ORDER BY b");
    expect(ties).toEqual([
      { b: 'French Tech Aix-Marseille', amount: 1_500_000, raw: '1,5 M€', date: '2018' },
      { b: 'The Camp', amount: 1_500_000, raw: '1,5 M€', date: '2017-04' },
      { b: 'Ynov Campus', amount: 1_500_000, raw: '1 500 000 €', date: '2016-03-12' },
    ]);
    const again = await cli([...args, '--dry-run']);
    expect(again.code).toBe(0);
    expect((JSON.parse(again.stdout) as ImportReport).counts.relationships).toEqual({ created: 0, updated: 0, unchanged: 5 });
    await undo(db, report.importId!, 'local');
    expect(await graphDigest(db)).toEqual(before);
  });

  it('exits 2 naming a bad option', async () => {
    const r = await cli([fixture('good-french-excel.csv'), '--source-url', 'pas une url', '--source-title', 'T']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('sourceUrl');
  });
});

describe('runImport of several ties between one pair (no id column)', () => {
  beforeEach(() => wipe(db));

  const HEAD = 'De;Vers;Type;Montant;Date';
  /** A version of one relationships CSV (the same name each time: the evidence cites it), of these rows after the header. */
  const csv = (version: string, rows: string[]) => {
    const p = path.join(tmp, version);
    fs.mkdirSync(p, { recursive: true });
    fs.writeFileSync(path.join(p, 'financements.csv'), `${[HEAD, ...rows].join('\r\n')}\r\n`);
    return { path: path.join(p, 'financements.csv'), name: 'financements.csv' };
  };
  const fundings = async () =>
    (await db.read("MATCH (:Actor {name: 'Région Sud'})-[r:FUNDS]->(:Actor {name: 'Cluster Mer'}) RETURN r.id AS id, r.amount AS amount ORDER BY id")).map((r) => [r.id, r.amount]);
  const opts = (scan: boolean): ImportOptions => ({ defaultKind: 'entreprise', source: SOURCE, scan });
  const Y2016 = 'Région Sud;Cluster Mer;finance;100 000 €;12/03/2016';
  const Y2017 = 'Région Sud;Cluster Mer;finance;120 000 €;2017';
  const Y2018 = 'Région Sud;Cluster Mer;finance;150 000 €;2018';
  const OTHER = 'Région Sud;Pôle Mer;finance;50 000 €;2016';

  it.each([[true], [false]])('keeps TYPE:source:target for a pair of one row, adds a later funding under its dated id, and re-imports it as unchanged (scan %s)', async (scan) => {
    // One row per pair: the id the importer always gave, so that graphs imported before stay unchanged.
    await runImport(db, [csv('v1', [Y2016, OTHER])], opts(scan));
    expect(await fundings()).toEqual([['FUNDS:region-sud:cluster-mer', 100_000]]);
    // The next year's table adds a row under it: only that one is created.
    const v2 = csv('v2', [Y2016, OTHER, Y2017]);
    const second = await runImport(db, [v2], opts(scan));
    expect(second.counts.relationships).toEqual({ created: 1, updated: 0, unchanged: 2 });
    expect(await fundings()).toEqual([
      ['FUNDS:region-sud:cluster-mer', 100_000],
      ['FUNDS:region-sud:cluster-mer:2017', 120_000],
    ]);
    const digest = await graphDigest(db);
    const again = await runImport(db, [v2], opts(scan));
    expect(again.importId).toBeNull();
    expect(again.counts.relationships).toEqual({ created: 0, updated: 0, unchanged: 3 });
    expect(await graphDigest(db)).toEqual(digest);
    // Sorted newest first, the rows shift ids (the first row of a pair keeps the plain one), but no funding is
    // doubled (every row moved, so every evidence locator « financements.csv, ligne N » changed: updates).
    const third = await runImport(db, [csv('v3', [Y2018, Y2017, Y2016, OTHER])], opts(scan));
    expect(third.counts.relationships).toEqual({ created: 1, updated: 3, unchanged: 0 });
    expect(await fundings()).toEqual([
      ['FUNDS:region-sud:cluster-mer', 150_000],
      ['FUNDS:region-sud:cluster-mer:2016-03-12', 100_000],
      ['FUNDS:region-sud:cluster-mer:2017', 120_000],
    ]);
  });

  it('gives the further ties the same ids when the write batches read the file again (a plan without a spill file)', async () => {
    const f = csv('nospill', [Y2016, OTHER, Y2017, Y2018]);
    const inputs = [await openInput(f, { defaultKind: 'entreprise' })];
    const plan = await planImport(db, inputs, { defaultKind: 'company', source: SOURCE });
    const ids: string[] = [];
    for await (const b of plan.batches()) if (b !== BARRIER) ids.push(...(b.relationships?.create ?? []).map((r) => r.id));
    expect(ids.sort()).toEqual(['FUNDS:region-sud:cluster-mer', 'FUNDS:region-sud:cluster-mer:2017', 'FUNDS:region-sud:cluster-mer:2018', 'FUNDS:region-sud:pole-mer']);
  });

  it('gives the ties of a pair the ids npm run load gives them: a CSV of the same fundings after a dataset creates none', async () => {
    await importDataset(db, dataset([actor('region-sud', 'local_authority', { name: 'Région Sud' }), actor('cluster-mer', 'cluster', { name: 'Cluster Mer' })], [
      rel('FUNDS', 'region-sud', 'cluster-mer', { amount: 100_000, date: '2016-03-12' }),
      rel('FUNDS', 'region-sud', 'cluster-mer', { amount: 120_000, date: '2017' }),
    ]));
    expect(await fundings()).toEqual([
      ['FUNDS:region-sud:cluster-mer', 100_000],
      ['FUNDS:region-sud:cluster-mer:2017', 120_000],
    ]);
    const r = await runImport(db, [csv('after-load', [Y2016, Y2017])], opts(true));
    // The same two ties, each gaining the table's evidence beside the dataset's.
    expect(r.counts.relationships).toEqual({ created: 0, updated: 2, unchanged: 0 });
    expect(await fundings()).toHaveLength(2);
  });

  it('tells undated rows apart by their amount', async () => {
    const r = await runImport(db, [csv('amounts', ['Région Sud;Cluster Mer;finance;100 000 €;', 'Région Sud;Cluster Mer;finance;1,5 M€;'])], opts(true));
    expect(r.counts.relationships.created).toBe(2);
    expect(await fundings()).toEqual([
      ['FUNDS:region-sud:cluster-mer', 100_000],
      ['FUNDS:region-sud:cluster-mer:1500000eur', 1_500_000],
    ]);
  });

  it.each([
    ['the same date', [Y2016, Y2017, 'Région Sud;Cluster Mer;finance;90 000 €;12/03/2016'], 4, 2],
    ['the same date as a further row', [Y2016, Y2017, 'Région Sud;Cluster Mer;finance;90 000 €;2017'], 4, 3],
    ['neither date nor amount', ['Région Sud;Cluster Mer;finance;;', 'Région Sud;Cluster Mer;finance;;'], 3, 2],
  ])('refuses a second row of a pair with %s, naming both lines', async (_, rows, line, first) => {
    const report = await refused([csv('dup', rows as string[])]);
    const errors = report.issues.filter((i) => i.severity === 'error');
    expect(errors).toEqual([expect.objectContaining({ code: 'id-duplicate', line })]);
    expect(errors[0].message).toContain(`ligne ${first}`);
  });
});

describe('runImport of a later file that says less about stored ties (README, "Importing again")', () => {
  beforeEach(() => wipe(db));

  /** A CSV file under its own folder (evidence cites the file's name), of these lines after the header. */
  const csv = (folder: string, name: string, header: string, rows: string[]) => {
    fs.mkdirSync(path.join(tmp, folder), { recursive: true });
    const p = path.join(tmp, folder, name);
    fs.writeFileSync(p, `${[header, ...rows].join('\r\n')}\r\n`);
    return { path: p, name };
  };
  const FULL = 'Financeur;Bénéficiaire;Type;Montant;Date;Statut;Rôle;Note;Extrait;Source';
  const fundings = (folder = 'v1', row = 'Région Sud;Cluster Mer;finance;1,5 M€;12/03/2016;prévu;chef de file;convention 2016;La Région apporte 1,5 M€ au cluster.;Rapport Région 2016') =>
    csv(folder, 'financements.csv', FULL, [row, 'Ademe;Cluster Mer;finance;200 k€;2017;effectif;;;L’Ademe finance le cluster.;Rapport Région 2016']);
  const tie = async () => {
    const [row] = await db.read("MATCH (:Actor {name: 'Région Sud'})-[r:FUNDS]->(:Actor {name: 'Cluster Mer'}) RETURN r {.*, _cs: null, _h: null} AS r");
    return row.r as Record<string, unknown>;
  };
  const opts = (scan: boolean): ImportOptions => ({ defaultKind: 'entreprise', source: SOURCE, scan });
  const AFTER_FULL = {
    id: 'FUNDS:region-sud:cluster-mer',
    amount: 1_500_000,
    amountRaw: '1,5 M€',
    date: '2016-03-12',
    dateRaw: '12/03/2016',
    status: 'planned',
    role: 'chef de file',
    note: 'convention 2016',
    evidenceSources: ['rapport-region-2016'],
    evidenceExcerpts: ['La Région apporte 1,5 M€ au cluster.'],
  };

  it.each([[true], [false]])('keeps what a file without those columns does not say, adds its evidence, counts it truthfully, re-imports either file as unchanged and undoes exactly (scan %s)', async (scan) => {
    await runImport(db, [fundings()], opts(scan));
    expect(await tie()).toMatchObject(AFTER_FULL);
    const afterFirst = await graphDigest(db);
    // A table of the same ties with neither amount, date, status, role, note nor excerpt: the import's named document.
    const partners = csv('v2', 'partenariats.csv', 'Financeur;Bénéficiaire;Type', ['Région Sud;Cluster Mer;finance']);
    const dry = await runImport(db, [partners], { ...opts(scan), dryRun: true });
    // The tie gains a document that states it: an update, and the only one.
    expect(dry.counts.relationships).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(await graphDigest(db)).toEqual(afterFirst);
    const second = await runImport(db, [partners], opts(scan));
    expect(second.counts.relationships).toEqual(dry.counts.relationships);
    expect(await tie()).toMatchObject({
      ...AFTER_FULL,
      evidenceSources: ['rapport-region-2016', 'tableau-des-financements-2024'],
      evidenceExcerpts: ['La Région apporte 1,5 M€ au cluster.', 'partenariats.csv, ligne 2'],
    });
    const afterSecond = await graphDigest(db);
    // Either file again adds nothing: unchanged, nothing written.
    for (const f of [partners, fundings(), partners]) {
      const again = await runImport(db, [f], opts(scan));
      expect(again.importId).toBeNull();
      expect(again.counts.relationships).toMatchObject({ created: 0, updated: 0 });
      expect(await graphDigest(db)).toEqual(afterSecond);
    }
    await undo(db, second.importId!, 'local');
    expect(await graphDigest(db)).toEqual(afterFirst);
  });

  it.each([[true], [false]])('keeps the stored values of empty cells in columns the file has: the same file with blanks is unchanged (scan %s)', async (scan) => {
    await runImport(db, [fundings()], opts(scan));
    const digest = await graphDigest(db);
    const blanks = fundings('blanks', 'Région Sud;Cluster Mer;finance;;;;;;La Région apporte 1,5 M€ au cluster.;Rapport Région 2016');
    const r = await runImport(db, [blanks], opts(scan));
    expect(r.importId).toBeNull();
    expect(r.counts.relationships).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(await graphDigest(db)).toEqual(digest);
    // Not silently: one warning per column whose empty cells kept a stored value.
    const kept = r.issues.filter((i) => i.code === 'empty-cell-kept');
    expect(kept.map((i) => [i.field, i.column, i.line, i.severity])).toEqual([
      ['amount', 'D', 2, 'warning'],
      ['date', 'E', 2, 'warning'],
      ['status', 'F', 2, 'warning'],
      ['role', 'G', 2, 'warning'],
      ['note', 'H', 2, 'warning'],
    ]);
  });

  it('takes what a later file states: its values over the stored ones, its excerpt of a document in place of the stored one', async () => {
    await runImport(db, [fundings()], opts(true));
    const edited = fundings('edited', 'Région Sud;Cluster Mer;finance;2 M€;;effectif;;;La Région porte son aide à 2 M€.;Rapport Région 2016');
    const r = await runImport(db, [edited], opts(true));
    expect(r.counts.relationships).toEqual({ created: 0, updated: 1, unchanged: 1 });
    expect(await tie()).toMatchObject({
      ...AFTER_FULL,
      amount: 2_000_000,
      amountRaw: '2 M€',
      status: 'effective',
      evidenceSources: ['rapport-region-2016'],
      evidenceExcerpts: ['La Région porte son aide à 2 M€.'],
    });
  });

  it('keeps what a later actors table does not say: no column, or an empty cell, leaves an actor as it is', async () => {
    const actors = (folder: string, header: string, rows: string[]) => csv(folder, 'acteurs.csv', header, rows);
    await runImport(db, [actors('a1', 'Nom;Alias;Nature;Description;Territoire', ['Cluster Mer;CMer|Pôle mer;association;Le cluster maritime;Toulon'])], opts(true));
    const digest = await graphDigest(db);
    for (const [folder, header, row] of [
      ['a2', 'Nom;Nature', 'Cluster Mer;association'],
      ['a3', 'Nom', 'Cluster Mer'],
      ['a4', 'Nom;Alias;Nature;Description;Territoire', 'Cluster Mer;;;;'],
    ]) {
      const r = await runImport(db, [actors(folder, header, [row])], opts(true));
      expect(r.counts.actors).toEqual({ created: 0, updated: 0, unchanged: 1 });
      expect(await graphDigest(db)).toEqual(digest);
      // Empty cells are said, one warning per column; missing columns are not.
      expect(r.issues.filter((i) => i.code === 'empty-cell-kept').map((i) => [i.field, i.column, i.line])).toEqual(
        folder === 'a4' ? [['kind', 'C', 2], ['description', 'D', 2], ['territory', 'E', 2]] : [],
      );
    }
  });

  it('creates a tie from a file without a status column as effective', async () => {
    await runImport(db, [csv('new', 'partenariats.csv', 'Financeur;Bénéficiaire;Type', ['Région Sud;Cluster Mer;finance'])], opts(true));
    expect(await tie()).toMatchObject({ status: 'effective', evidenceExcerpts: ['partenariats.csv, ligne 2'] });
  });
});

describe('runImport of actors named like stored ones', () => {
  beforeEach(async () => {
    await wipe(db);
    await importDataset(db, dataset([actor('bpifrance', 'investor', { name: 'Bpifrance' }), actor('region-sud', 'local_authority', { name: 'Région Sud' })], []));
  });

  it('warns on the line of a new actor that resembles a stored one or an earlier new one, and still imports', async () => {
    const p = path.join(tmp, 'ressemblants.csv');
    fs.writeFileSync(p, ['De;Vers;Type;Montant', 'BPI France;Cluster Mer;finance;100 000 €', 'Région Sud;Cluster Mer;finance;50 000 €', 'Region Sud;Pôle Mer;finance;20 000 €', 'Cluster-Mer SAS;Pôle Mer;partenaire;'].join('\r\n'));
    const r = await runImport(db, [{ path: p, name: 'ressemblants.csv' }], { defaultKind: 'entreprise', source: SOURCE });
    expect(r.importId).toMatch(/^cs-/);
    const similar = r.issues.filter((i) => i.code === 'actor-similar');
    expect(similar).toEqual([
      expect.objectContaining({ severity: 'warning', line: 2, message: expect.stringContaining('« BPI France » ressemble à l\'acteur existant « Bpifrance » (bpifrance)') }),
      expect.objectContaining({ severity: 'warning', line: 5, message: expect.stringContaining('« Cluster-Mer SAS » ressemble à « Cluster Mer » (ligne 2)') }),
    ]);
    // "Region Sud" is Région Sud by its folded name: no new actor, no warning.
    expect(r.counts.actors.created).toBe(4);
  });
});
