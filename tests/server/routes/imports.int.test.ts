import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { ImportFocus, ImportList, ImportReportSchema, ImportStatus } from '../../../model/schema';
import { createApp } from '../../../server/app';
import { runChangeSet } from '../../../server/changes';
import type { Db } from '../../../server/db';
import { applySchema, importDataset } from '../../../server/load';
import { fixture, tempDir } from '../../fixtures/import/corpus';
import { actor, dataset } from '../../support/fixtures';
import { testDb, wipe } from '../../support/db';
import { graphDigest } from '../../support/digest';
import { waitFor } from '../../support/wait';

let db: Db;
let dir: string;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  db = testDb();
  await applySchema(db);
  dir = tempDir();
  app = createApp(db, { imports: { dir, maxFileBytes: 64 * 1024, maxFiles: 3 } });
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await db.close();
});
beforeEach(async () => {
  await wipe(db);
  await importDataset(db, dataset([actor('ynov', 'university', { name: 'Ynov Campus' })], []));
});

const upload = (file: string, fields: Record<string, string> = { defaultKind: 'entreprise', sourceTitle: 'Tableau 2024', sourceDate: 'mars 2024' }) => {
  let req = request(app).post('/api/imports').attach('files', fixture(file));
  for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
  return req;
};

const status = async (id: string) => ImportStatus.parse((await request(app).get(`/api/imports/${id}`)).body);

describe('POST /api/imports', () => {
  it('answers a preview with an id and the counts, and writes nothing', async () => {
    const before = await graphDigest(db);
    const res = await upload('good-french-excel.csv');
    expect(res.status).toBe(201);
    const report = ImportReportSchema.parse(res.body);
    expect(report).toMatchObject({ dryRun: true, detected: { encoding: 'windows-1252', delimiter: ';', dateOrder: 'dmy' }, files: [{ name: 'good-french-excel.csv' }] });
    expect(report.importId).toMatch(/^cs-/);
    expect(report.counts.relationships.created).toBe(5);
    expect(await graphDigest(db)).toEqual(before);
    expect((await status(report.importId!)).import.state).toBe('previewed');
  });

  it('refuses a bad file with 400 and every issue with its line, writing nothing', async () => {
    const before = await graphDigest(db);
    const res = await upload('bad-impossible-date.csv');
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ImportRefused');
    expect(res.body.error.details.report.issues).toEqual(expect.arrayContaining([expect.objectContaining({ line: 3, code: 'date-impossible', file: 'bad-impossible-date.csv' })]));
    expect(await graphDigest(db)).toEqual(before);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('upload-'))).toEqual([]);
  });

  it('previews an .ods LibreOffice saved (format ods, its sheets) and refuses a broken one with 400, writing nothing', async () => {
    const before = await graphDigest(db);
    // An app of its own: its uploads do not count against the rate limit the other tests of this file share.
    const own = createApp(db, { imports: { dir, maxFileBytes: 64 * 1024, maxFiles: 3 } });
    const upload = (file: string) => request(own).post('/api/imports').attach('files', fixture(file)).field('defaultKind', 'entreprise').field('sourceTitle', 'Tableau 2024');
    const res = await upload('real-libreoffice-ecosysteme.ods');
    expect(res.status).toBe(201);
    const report = ImportReportSchema.parse(res.body);
    expect(report.files).toEqual([expect.objectContaining({ name: 'real-libreoffice-ecosysteme.ods', format: 'ods', sheets: { used: ['Acteurs', 'Relations'], ignored: ['Listes', 'Notes'] } })]);
    expect(report.counts.relationships.created).toBe(5);
    const bad = await upload('bad-ods-cut.ods');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.report.issues).toEqual([expect.objectContaining({ file: 'bad-ods-cut.ods', sheet: 'Relations', line: 1, code: 'ods-invalid' })]);
    expect(await graphDigest(db)).toEqual(before);
  });

  it('returns 415 for a body that is not multipart, 413 for a file past the limit, 400 naming a bad option', async () => {
    expect((await request(app).post('/api/imports').send({ x: 1 })).status).toBe(415);
    const big = path.join(dir, 'big.csv');
    fs.writeFileSync(big, `De;Vers;Type\n${'a;b;finance\n'.repeat(10_000)}`);
    const tooBig = await request(app).post('/api/imports').attach('files', big);
    expect(tooBig.status).toBe(413);
    fs.rmSync(big);
    const bad = await upload('good-french-excel.csv', { sourceTitle: 'T', sourceUrl: 'pas une url' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].field).toBe('body.sourceUrl');
  });

  it('answers 400 to a malformed multipart body instead of waiting forever, and leaves no upload behind', async () => {
    const post = (body: string) =>
      request(app).post('/api/imports').set('Content-Type', 'multipart/form-data; boundary=XX').send(Buffer.from(body, 'latin1'));
    // A control character in a part header: the multipart parser stops with an error (found by fuzzing).
    const badHeader = await post('--XX\r\nContent-Disposition: form-data; name="a\x01"\r\n\r\nx\r\n--XX--\r\n');
    expect(badHeader.status).toBe(400);
    expect(badHeader.body.error.details.issues[0]).toMatchObject({ field: 'body', message: expect.stringContaining('malformed multipart') });
    // The same, followed by a file: the parser goes on with the parts it holds while the upload's folder goes.
    const thenFile = await post('--XX\r\nContent-Disposition: form-data; name="\x0c"\r\n\r\n5\r\n--XX\r\nContent-Disposition: form-data; name="files"; filename="f.csv"\r\n\r\nDe;Vers;Type\r\n--XX--\r\n');
    expect(thenFile.status).toBe(400);
    // A body that ends in the middle of a file.
    const truncated = await post('--XX\r\nContent-Disposition: form-data; name="files"; filename="r.csv"\r\nContent-Type: text/csv\r\n\r\nDe;Vers;Type\r\na;b;fin');
    expect(truncated.status).toBe(400);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('upload-'))).toEqual([]);
  });

  it('refuses an anonymous upload on an exposed server', async () => {
    const exposed = createApp(db, { auth: { host: '0.0.0.0' }, imports: { dir, maxFileBytes: 1024, maxFiles: 1 } });
    const res = await request(exposed).post('/api/imports').attach('files', fixture('good-french-excel.csv'));
    expect(res.status).toBe(401);
  });
});

describe('POST /api/imports/:id/commit, GET /api/imports, DELETE /api/imports/:id', () => {
  it('commits a preview, lists it in the history, and undoes it', async () => {
    const before = await graphDigest(db);
    const { importId, counts } = ImportReportSchema.parse((await upload('good-french-excel.csv')).body);
    // 5 new actors (Ynov Campus is the database's), 5 ties, 2 sources (the named one and « Les Échos, 2016 »).
    expect(counts).toMatchObject({ actors: { created: 5, unchanged: 1 }, relationships: { created: 5 }, sources: { created: 2 } });
    const res = await request(app).post(`/api/imports/${importId}/commit`);
    expect(res.status).toBe(202);
    const done = await waitFor(() => status(importId!), (s) => s.import.state !== 'running' && s.import.state !== 'previewed');
    expect(done.import).toMatchObject({ state: 'committed', author: 'local', progress: { done: 12 } });
    expect((await graphDigest(db)).relationships).toBe(before.relationships + 5);

    const history = ImportList.parse((await request(app).get('/api/imports')).body);
    expect(history.imports[0]).toMatchObject({ id: importId, state: 'committed', summary: { files: [{ name: 'good-french-excel.csv', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }] } });

    expect((await request(app).post(`/api/imports/${importId}/commit`)).status).toBe(409);
    const undone = await request(app).delete(`/api/imports/${importId}`);
    expect(undone.status).toBe(200);
    expect(undone.body.import.state).toBe('undone');
    expect(await graphDigest(db)).toEqual(before);
  });

  it('refuses to undo an import when a later change wrote what it wrote (409 with the list)', async () => {
    const { importId } = ImportReportSchema.parse((await upload('good-french-excel.csv')).body);
    await request(app).post(`/api/imports/${importId}/commit`);
    await waitFor(() => status(importId!), (s) => s.import.state === 'committed');
    const later = await runChangeSet(db, { kind: 'edit', author: 'local' }, [{ actors: { update: [{ after: { id: 'bpifrance', name: 'Bpifrance (BPI)', aliases: [], kind: 'investor' } }] } }]);
    const res = await request(app).delete(`/api/imports/${importId}`);
    expect(res.status).toBe(409);
    expect(res.body.error.details).toMatchObject({ changeSets: [later.id], conflicts: [{ entity: 'actor', id: 'bpifrance', cs: later.id }] });
  });

  it('drops a preview on DELETE, with its files', async () => {
    const { importId } = ImportReportSchema.parse((await upload('good-french-excel.csv')).body);
    expect(fs.existsSync(path.join(dir, importId!))).toBe(true);
    const res = await request(app).delete(`/api/imports/${importId}`);
    expect(res.body.import.state).toBe('rolled_back');
    expect(fs.existsSync(path.join(dir, importId!))).toBe(false);
    expect((await request(app).post(`/api/imports/${importId}/commit`)).status).toBe(409);
  });

  it('answers 404 for an unknown import and 400 for a malformed id', async () => {
    expect((await request(app).get('/api/imports/cs-20260101T000000000Z-abcdef')).status).toBe(404);
    expect((await request(app).get('/api/imports/nope')).status).toBe(400);
  });
});

describe('GET /api/imports/:id/focus', () => {
  const focus = async (id: string, limit?: number) => {
    const res = await request(app).get(`/api/imports/${id}/focus${limit ? `?limit=${limit}` : ''}`);
    expect(res.status).toBe(200);
    return ImportFocus.parse(res.body);
  };
  const commit = async (id: string) => {
    await request(app).post(`/api/imports/${id}/commit`);
    await waitFor(() => status(id), (s) => s.import.state === 'committed');
  };

  it('shows the actors a committed import wrote, most tied first, with the ties among them; 409 before and after', async () => {
    const { importId } = ImportReportSchema.parse((await upload('good-french-excel.csv')).body);
    expect((await request(app).get(`/api/imports/${importId}/focus`)).status).toBe(409);
    await commit(importId!);

    // Five actors written; Ynov Campus (stored before) joins as the end its three new ties share.
    const all = await focus(importId!);
    expect(all.written).toEqual({ actors: 5 });
    expect(all.fresh.actors.sort()).toEqual(['aix-marseille-french-tech', 'bpifrance', 'french-tech', 'medinsoft', 'region-sud']);
    expect(all.nodes.map((n) => n.id).sort()).toEqual([...all.fresh.actors, 'ynov'].sort());
    expect(all.edges).toHaveLength(5);
    expect(all.fresh.relationships.sort()).toEqual(all.edges.map((e) => e.id).sort());

    // Fewer asked: the most tied of what it wrote (two ties each), and the tie between them.
    const two = await focus(importId!, 2);
    expect(two.nodes.map((n) => [n.id, n.degree])).toEqual([['aix-marseille-french-tech', 2], ['medinsoft', 2]]);
    expect(two.edges.map((e) => [e.type, e.source, e.target])).toEqual([['PILOTS', 'aix-marseille-french-tech', 'medinsoft']]);
    expect(two.written).toEqual({ actors: 5 });

    expect((await request(app).get(`/api/imports/${importId}/focus?limit=0`)).status).toBe(400);
    await request(app).delete(`/api/imports/${importId}`);
    const after = await request(app).get(`/api/imports/${importId}/focus`);
    expect(after.status).toBe(409);
    expect(after.body.error.message).toContain('undone');
    expect((await request(app).get('/api/imports/cs-20260101T000000000Z-abcdef/focus')).status).toBe(404);
  });

  it('shows the ends of its ties when an import wrote only ties between stored actors', async () => {
    await importDataset(db, dataset([actor('alpha', 'company', { name: 'Alpha Robotique' }), actor('beta', 'investor', { name: 'Beta Capital' })], []));
    const file = path.join(dir, 'liens.csv');
    fs.writeFileSync(file, 'De;Vers;Type\r\nBeta Capital;Alpha Robotique;finance\r\nBeta Capital;Ynov Campus;finance\r\n');
    const { importId, counts } = ImportReportSchema.parse((await request(app).post('/api/imports').attach('files', file).field('sourceTitle', 'Liens 2024')).body);
    expect(counts.actors.created).toBe(0);
    await commit(importId!);
    const f = await focus(importId!);
    expect(f.written).toEqual({ actors: 0 });
    expect(f.fresh.actors).toEqual([]);
    expect(f.nodes[0]).toMatchObject({ id: 'beta', degree: 2 });
    expect(f.nodes.map((n) => n.id).sort()).toEqual(['alpha', 'beta', 'ynov']);
    expect(f.fresh.relationships).toHaveLength(2);
    expect(f.edges.map((e) => e.id).sort()).toEqual(f.fresh.relationships.sort());
  });
});
