import type { Db } from '../../server/db';
import { ValidationError } from '../../server/errors';
import { counts, loadDataset } from '../../server/load';
import { actor, dataset, rel } from '../support/fixtures';
import { testDb, wipe } from '../support/db';

let db: Db;
beforeAll(() => { db = testDb(); });
afterAll(async () => { await db.close(); });
beforeEach(async () => { await wipe(db); });

const small = () =>
  dataset(
    [actor('state', 'public_body'), actor('assoc', 'association'), actor('label', 'label')],
    [rel('FUNDS', 'state', 'assoc', { amount: 200000 }), rel('PILOTS', 'assoc', 'label', { role: 'pilote' }), rel('PARTNERS_WITH', 'label', 'state')],
  );

describe('loadDataset', () => {
  it('loads actors, sources and relationships', async () => {
    expect(await loadDataset(db, small())).toEqual({ actors: 3, sources: 1, relationships: 3 });
  });

  it('leaves the same counts when the same file is loaded twice', async () => {
    const first = await loadDataset(db, small());
    expect(await loadDataset(db, small())).toEqual(first);
  });

  it('updates an actor and a relationship in place when the file changes', async () => {
    await loadDataset(db, small());
    const changed = small();
    changed.actors[0].name = 'L’État';
    changed.relationships[0].amount = 250000;
    await loadDataset(db, changed);
    const [row] = await db.read("MATCH (a:Actor {id: 'state'})-[r:FUNDS]->() RETURN a.name AS name, r.amount AS amount");
    expect(row).toEqual({ name: 'L’État', amount: 250000 });
    expect((await counts(db)).relationships).toBe(3);
  });

  it('changes nothing when the file is invalid', async () => {
    await loadDataset(db, small());
    const before = await counts(db);
    const bad = small();
    bad.actors.push(actor('newcomer'));
    bad.relationships.push(rel('FUNDS', 'newcomer', 'ghost'));
    await expect(loadDataset(db, bad)).rejects.toThrow(ValidationError);
    expect(await counts(db)).toEqual(before);
    expect(await db.read("MATCH (a:Actor {id: 'newcomer'}) RETURN a")).toEqual([]);
  });

  it('names the relationship end that is neither in the file nor in the database', async () => {
    const bad = dataset([actor('a')], [rel('FUNDS', 'a', 'ghost')]);
    const err = await loadDataset(db, bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).issues).toEqual([{ field: 'relationships.0.target', message: expect.stringContaining('ghost') }]);
  });

  it('lets an import point at actors that are already in the database', async () => {
    await loadDataset(db, small());
    const more = dataset([actor('startup')], [rel('FUNDS', 'state', 'startup', { status: 'planned' })]);
    expect(await loadDataset(db, more)).toMatchObject({ actors: 4, relationships: 4 });
  });

  it('replaces the whole graph when asked to', async () => {
    await loadDataset(db, small());
    const other = dataset([actor('x'), actor('y')], [rel('LABELS', 'x', 'y')]);
    expect(await loadDataset(db, other, { replace: true })).toEqual({ actors: 2, sources: 1, relationships: 1 });
  });

  it('stores evidence in the order given, and the amount only when known', async () => {
    const ds = small();
    ds.relationships[0].evidence.push({ source: 'fixture', excerpt: 'second passage' });
    await loadDataset(db, ds);
    const rows = await db.read('MATCH ()-[r]->() RETURN r.id AS id, r.amount AS amount, r.evidenceExcerpts AS ex ORDER BY id');
    expect(rows).toEqual([
      { id: 'FUNDS:state:assoc', amount: 200000, ex: ['state FUNDS assoc', 'second passage'] },
      { id: 'PARTNERS_WITH:label:state', amount: null, ex: ['label PARTNERS_WITH state'] },
      { id: 'PILOTS:assoc:label', amount: null, ex: ['assoc PILOTS label'] },
    ]);
  });
});
