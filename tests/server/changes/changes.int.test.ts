import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { begin, conflictsOf, get, graphVersion, history, list, recoverInterrupted, runChangeSet, toStored, undo, type WriteBatch } from '../../../server/changes';
import { REL_STORED_KEYS } from '../../../server/changes/records';
import type { Db } from '../../../server/db';
import { ConflictError } from '../../../server/errors';
import { applySchema, importDataset } from '../../../server/load';
import type { Actor, RelationshipRecord } from '../../../model/schema';
import { actor, dataset, rel } from '../../support/fixtures';
import { testDb, wipe } from '../../support/db';
import { graphDigest } from '../../support/digest';

let db: Db;
beforeAll(async () => {
  db = testDb();
  await applySchema(db);
});
afterAll(async () => {
  await db.close();
});

const A = (id: string, extra: Partial<Actor> = {}): Actor => ({ id, name: id.toUpperCase(), aliases: [], kind: 'company', ...extra });
const R = (type: RelationshipRecord['type'], source: string, target: string, extra: Partial<RelationshipRecord> = {}): RelationshipRecord => ({
  id: `${type}:${source}:${target}`,
  type,
  source,
  target,
  status: 'effective',
  evidence: [{ source: 'fixture', excerpt: `${source} ${type} ${target}` }],
  ...extra,
});

/** A known starting graph, loaded as a change set of its own. */
async function base(): Promise<string> {
  await wipe(db);
  const r = await importDataset(db, dataset([actor('state', 'public_body'), actor('assoc', 'association'), actor('kept')], [rel('FUNDS', 'state', 'assoc', { amount: 1000 }), rel('PARTNERS_WITH', 'assoc', 'kept')]));
  return r.changeSet!;
}

async function run(batches: WriteBatch[], kind: 'import' | 'edit' = 'edit'): Promise<string> {
  return (await runChangeSet(db, { kind, author: 'local' }, batches)).id;
}

describe('a change set', () => {
  it('commits: elements carry its id, its chunks and per-element changes are stored, the version goes up by one', async () => {
    await base();
    const v0 = await graphVersion(db);
    const h = await begin(db, { kind: 'edit', author: 'local', reason: 'test' });
    expect((await get(db, h.id)).state).toBe('running');
    await h.write({ actors: { create: [A('new')] }, relationships: { create: [R('FUNDS', 'state', 'new', { amount: 5 })] } });
    const v1 = await h.commit({ note: 'done' });
    expect(v1).toBe(v0 + 1);
    const info = await get(db, h.id);
    expect(info).toMatchObject({ state: 'committed', kind: 'edit', author: 'local', reason: 'test', summary: { note: 'done' }, progress: { done: 2, undone: 0 } });
    const [row] = await db.read("MATCH (a:Actor {id: 'new'})<-[r:FUNDS]-() RETURN a._cs AS a, r._cs AS r, a._h IS NOT NULL AS h, a.searchKeys AS keys");
    expect(row).toEqual({ a: h.id, r: h.id, h: true, keys: ['new'] });
    expect((await history(db, 'new')).map((c) => (c.change as { op: string }).op)).toEqual(['create']);
    expect((await list(db, { kinds: ['edit'] })).map((c) => c.id)).toEqual([h.id]);
  });

  it('rolls back half-way: the batches already committed are reverted, the graph is as before and the version goes up', async () => {
    await base();
    const before = await graphDigest(db);
    const v0 = await graphVersion(db);
    const h = await begin(db, { kind: 'import', author: 'local' });
    await h.write({ actors: { create: [A('n1'), A('n2')], update: [{ after: A('kept', { name: 'Renamed' }) }] } });
    await h.write({ relationships: { create: [R('PILOTS', 'n1', 'n2')], delete: [R('PARTNERS_WITH', 'assoc', 'kept')] } });
    expect((await graphDigest(db)).digest).not.toBe(before.digest);
    // A tie to an actor that does not exist: this batch fails as a whole, the change set is rolled back.
    await expect(h.write({ relationships: { create: [R('FUNDS', 'n1', 'ghost')] } })).rejects.toThrow(ConflictError);
    await h.rollback('test failure');
    expect(await graphDigest(db)).toEqual(before);
    expect(await get(db, h.id)).toMatchObject({ state: 'rolled_back', error: 'test failure' });
    expect(await graphVersion(db)).toBe(v0 + 1);
  });

  it('rolls back through runChangeSet when a batch fails, and rethrows', async () => {
    await base();
    const before = await graphDigest(db);
    const err = await run([{ actors: { create: [A('x1')] } }, { relationships: { create: [R('FUNDS', 'x1', 'nobody')] } }]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).details).toMatchObject({ conflicts: [{ entity: 'actor', id: 'nobody' }] });
    expect(await graphDigest(db)).toEqual(before);
    expect((await list(db, { states: ['rolled_back'] })).length).toBe(1);
  });

  it('undoes a committed change set: created elements go, updated and deleted ones come back exactly', async () => {
    await base();
    const before = await graphDigest(db);
    const id = await run([
      { actors: { create: [A('merged-into')], update: [{ after: A('state', { name: 'État', aliases: ['Etat'] }) }] } },
      {
        relationships: {
          create: [R('LABELS', 'merged-into', 'assoc')],
          update: [{ after: R('FUNDS', 'state', 'assoc', { amount: 2000, note: 'revised' }) }],
          delete: [R('PARTNERS_WITH', 'assoc', 'kept')],
        },
        actors: { delete: [A('kept')] },
      },
    ]);
    expect(await graphDigest(db)).not.toEqual(before);
    const v = await graphVersion(db);
    expect(await undo(db, id, 'local')).toBe(v + 1);
    expect(await graphDigest(db)).toEqual(before);
    expect(await get(db, id)).toMatchObject({ state: 'undone', undoneBy: 'local' });
  });

  it('moves a relationship to other ends as an update, and undo puts it back', async () => {
    await base();
    const before = await graphDigest(db);
    const id = await run([{ relationships: { update: [{ after: R('FUNDS', 'state', 'kept', { id: 'FUNDS:state:assoc' }) }] } }]);
    const [row] = await db.read("MATCH (a)-[r:FUNDS {id: 'FUNDS:state:assoc'}]->(b) RETURN a.id AS a, b.id AS b");
    expect(row).toEqual({ a: 'state', b: 'kept' });
    await undo(db, id, 'local');
    expect(await graphDigest(db)).toEqual(before);
  });

  it('refuses an undo when a later change set wrote an element it wrote, naming both', async () => {
    const first = await base();
    const later = await run([{ actors: { update: [{ after: A('kept', { name: 'Kept 2' }) }] } }]);
    const err = await undo(db, first, 'local').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).details).toMatchObject({
      total: 1,
      changeSets: [later],
      conflicts: [{ entity: 'actor', id: 'kept', reason: 'written-later', cs: later }],
    });
    expect((await get(db, first)).state).toBe('committed');
    // Undo the later one first, then the first one goes through.
    await undo(db, later, 'local');
    await undo(db, first, 'local');
    expect(await graphDigest(db)).toMatchObject({ actors: 0, relationships: 0, sources: 0 });
  });

  it('refuses an undo when a later change set tied something to an actor it created', async () => {
    await base();
    const first = await run([{ actors: { create: [A('fresh')] } }]);
    const later = await run([{ relationships: { create: [R('FUNDS', 'state', 'fresh')] } }]);
    const report = await conflictsOf(db, first);
    expect(report.conflicts).toEqual([{ entity: 'relationship', id: 'FUNDS:state:fresh', type: 'FUNDS', reason: 'tied-later', cs: later }]);
    await expect(undo(db, first, 'local')).rejects.toThrow(ConflictError);
  });

  it('refuses an undo when a later change set re-created what it deleted', async () => {
    await base();
    const first = await run([{ relationships: { delete: [R('PARTNERS_WITH', 'assoc', 'kept')] } }]);
    const later = await run([{ relationships: { create: [R('PARTNERS_WITH', 'assoc', 'kept', { note: 'back' })] } }]);
    expect((await conflictsOf(db, first)).conflicts).toEqual([{ entity: 'relationship', id: 'PARTNERS_WITH:assoc:kept', type: 'PARTNERS_WITH', reason: 'created-again', cs: later }]);
  });

  it('refuses to undo a change set twice (once undone it is no longer committed)', async () => {
    await base();
    const id = await run([{ actors: { create: [A('once')] } }]);
    await undo(db, id, 'local');
    await expect(undo(db, id, 'local')).rejects.toMatchObject({ name: 'Conflict', details: { state: 'undone' } });
  });

  it('refuses an update whose `before` is not what is stored (someone changed it since it was read)', async () => {
    await base();
    const before = await graphDigest(db);
    const err = await run([{ actors: { update: [{ before: A('kept', { name: 'Not what is stored' }), after: A('kept', { name: 'Mine' }) }] } }]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).details).toMatchObject({ conflicts: [{ entity: 'actor', id: 'kept', reason: 'written-later' }] });
    expect(await graphDigest(db)).toEqual(before);
  });

  it('accepts an update whose `before` is what is stored', async () => {
    await base();
    await run([{ actors: { update: [{ before: { id: 'kept', name: 'KEPT', aliases: [], kind: 'company' }, after: A('kept', { name: 'Mine' }) }] } }]);
    expect(await db.read("MATCH (a:Actor {id: 'kept'}) RETURN a.name AS name")).toEqual([{ name: 'Mine' }]);
  });

  it('refuses to delete an actor whose ties are not deleted with it', async () => {
    await base();
    const before = await graphDigest(db);
    await expect(run([{ actors: { delete: [A('kept')] } }])).rejects.toThrow(ConflictError);
    expect(await graphDigest(db)).toEqual(before);
  });

  it('records a creation of a tie that exists by then as an update, so undo restores it', async () => {
    await base();
    const before = await graphDigest(db);
    const id = await run([{ relationships: { create: [R('FUNDS', 'state', 'assoc', { amount: 7 })] } }]);
    expect(await db.read("MATCH ()-[r:FUNDS {id: 'FUNDS:state:assoc'}]->() RETURN r.amount AS amount, r._cs AS cs")).toEqual([{ amount: 7, cs: id }]);
    await undo(db, id, 'local');
    expect(await graphDigest(db)).toEqual(before);
  });

  it('records a creation of an actor that exists by then as an update, so undo restores it', async () => {
    await base();
    const before = await graphDigest(db);
    const id = await run([{ actors: { create: [A('kept', { name: 'Created twice' })] } }]);
    expect(await db.read("MATCH (a:Actor {id: 'kept'}) RETURN a.name AS name")).toEqual([{ name: 'Created twice' }]);
    await undo(db, id, 'local');
    expect(await graphDigest(db)).toEqual(before);
  });

  describe('ties created with the actors\' element ids (WriteBatch.actorNodes)', () => {
    const ends = async (id: string) =>
      db.read('MATCH (a)-[r {id: $id}]->(b) RETURN a.id AS source, b.id AS target, labels(a) AS la, labels(b) AS lb, r._cs AS cs', { id });
    const nodes = async () => new Map((await db.read('MATCH (n) WHERE n:Actor OR n:Source RETURN n.id AS id, labels(n)[0] AS label, elementId(n) AS e')).map((r) => [`${r.label as string}:${r.id as string}`, r.e as string]));

    it('attaches each tie to the actors the element ids point at when they are those actors', async () => {
      await base();
      const n = await nodes();
      const funds = R('FUNDS', 'state', 'kept', { amount: 1_500_000, amountRaw: '1,5 M€', date: '2016-03', dateRaw: 'mars 2016' });
      // A tie whose id is not the one derived from its type and ends (the statement rebuilds only that one).
      const named = R('PARTNERS_WITH', 'assoc', 'kept', { id: 'partenariat-2016' });
      const id = await run([{ relationships: { create: [funds, R('PILOTS', 'assoc', 'state'), named] }, actorNodes: new Map([['state', n.get('Actor:state')!], ['kept', n.get('Actor:kept')!], ['assoc', n.get('Actor:assoc')!]]) }]);
      expect(await ends('FUNDS:state:kept')).toEqual([{ source: 'state', target: 'kept', la: ['Actor'], lb: ['Actor'], cs: id }]);
      expect(await ends('PILOTS:assoc:state')).toEqual([{ source: 'assoc', target: 'state', la: ['Actor'], lb: ['Actor'], cs: id }]);
      expect(await ends('partenariat-2016')).toEqual([{ source: 'assoc', target: 'kept', la: ['Actor'], lb: ['Actor'], cs: id }]);
      // Stored exactly as by actor id: every property of the record, and none of those it lacks.
      const [{ props }] = await db.read("MATCH ()-[r {id: 'FUNDS:state:kept'}]->() RETURN properties(r) AS props");
      expect(props).toEqual(toStored('relationship', funds, id));
      const [{ props: namedProps }] = await db.read("MATCH ()-[r {id: 'partenariat-2016'}]->() RETURN properties(r) AS props");
      expect(namedProps).toEqual(toStored('relationship', named, id));
      const [{ keys }] = await db.read("MATCH ()-[r {id: 'PILOTS:assoc:state'}]->() RETURN keys(r) AS keys");
      expect((keys as string[]).sort()).toEqual(['_cs', '_h', 'evidenceExcerpts', 'evidenceSources', 'id', 'status']);
    });

    it('names in rel-create-at.cypher every property a tie may be stored with', () => {
      const text = fs.readFileSync(path.join(__dirname, '../../../cypher/changes/rel-create-at.cypher'), 'utf8');
      const named = [.../CREATE \(a\)-\[r:\$\(\$type\[i\]\) \{([^}]*)\}/.exec(text)![1].matchAll(/(\w+):\s*(?:coalesce\()?\$(\w+)/g)].map((m) => {
        expect(m[1]).toBe(m[2]);
        return m[1];
      });
      expect(new Set(named)).toEqual(REL_STORED_KEYS);
      const full = R('FUNDS', 'a', 'b', { amount: 1, amountRaw: '1 €', date: '2016', dateRaw: 'an 2016', role: 'r', note: 'n', claims: [{ amount: 1, sources: ['s1'] }, { amount: 2, sources: ['s2'] }] });
      for (const k of Object.keys(toStored('relationship', full, 'cs'))) expect(REL_STORED_KEYS).toContain(k);
    });

    it('never attaches a tie to another actor that holds a stale element id (reused after a deletion): the batch is written again by id', async () => {
      await base();
      const n = await nodes();
      // As if 'state' had been deleted and recreated, and its old element id given to 'assoc'.
      const stale = new Map([['state', n.get('Actor:assoc')!], ['kept', n.get('Actor:kept')!]]);
      const id = await run([{ relationships: { create: [R('FUNDS', 'state', 'kept')] }, actorNodes: stale }]);
      expect(await ends('FUNDS:state:kept')).toEqual([{ source: 'state', target: 'kept', la: ['Actor'], lb: ['Actor'], cs: id }]);
      expect(await db.read("MATCH (:Actor {id: 'assoc'})-[r:FUNDS]->(:Actor {id: 'kept'}) RETURN count(r) AS n")).toEqual([{ n: 0 }]);
      expect((await get(db, id)).progress.done).toBe(1);
    });

    it('never attaches a tie to a node of another kind with the same id', async () => {
      await base();
      await run([{ sources: { create: [{ id: 'kept', title: 'A document called kept', language: 'fr' }] } }]);
      const n = await nodes();
      const id = await run([{ relationships: { create: [R('FUNDS', 'state', 'kept')] }, actorNodes: new Map([['state', n.get('Actor:state')!], ['kept', n.get('Source:kept')!]]) }]);
      expect(await ends('FUNDS:state:kept')).toEqual([{ source: 'state', target: 'kept', la: ['Actor'], lb: ['Actor'], cs: id }]);
    });

    it('refuses a tie to an actor deleted since its element id was read, and changes nothing', async () => {
      await base();
      const n = await nodes();
      await run([{ actors: { create: [A('doomed')] } }]);
      const doomed = (await nodes()).get('Actor:doomed')!;
      await run([{ actors: { delete: [{ ...A('doomed'), name: 'DOOMED' }] } }]);
      const before = await graphDigest(db);
      const err = await run([{ relationships: { create: [R('FUNDS', 'state', 'doomed')] }, actorNodes: new Map([['state', n.get('Actor:state')!], ['doomed', doomed]]) }]).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConflictError);
      expect((err as ConflictError).details).toMatchObject({ conflicts: [{ entity: 'actor', id: 'doomed', reason: 'deleted-later' }] });
      expect(await graphDigest(db)).toEqual(before);
    });
  });

  it('writes per-element changes only for small change sets', async () => {
    await wipe(db);
    const many = Array.from({ length: 1001 }, (_, i) => A(`a${i}`));
    const id = await run([{ actors: { create: many } }], 'import');
    expect(await db.read('MATCH (x:Change {cs: $id}) RETURN count(x) AS n', { id })).toEqual([{ n: 0 }]);
    expect((await get(db, id)).progress.done).toBe(1001);
  });
});

describe('recoverInterrupted', () => {
  it('rolls back the change set of a process that was killed half-way, and leaves committed ones alone', async () => {
    await base();
    const before = await graphDigest(db);
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, '..', '..', 'support', 'interrupted-change-set.ts')], {
      env: { ...process.env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const id = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /written (\S+)/.exec(out);
        if (m) resolve(m[1]);
      });
      child.once('exit', (code) => reject(new Error(`the child exited (${code}) before writing`)));
    });
    expect((await graphDigest(db)).actors).toBe(before.actors + 100);
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    expect((await get(db, id)).state).toBe('running');
    const recovered = await recoverInterrupted(db);
    expect(recovered).toEqual([{ id, from: 'running', to: 'rolled_back' }]);
    expect(await graphDigest(db)).toEqual(before);
    expect((await get(db, id)).state).toBe('rolled_back');
    expect(await recoverInterrupted(db)).toEqual([]);
  });

  it('leaves alone a change set whose process is alive', async () => {
    await base();
    const h = await begin(db, { kind: 'import', author: 'local' });
    await h.write({ actors: { create: [A('live')] } });
    expect(await recoverInterrupted(db)).toEqual([]);
    await h.commit();
    expect((await get(db, h.id)).state).toBe('committed');
  });
});

describe('a tie to create that another change set created meanwhile', () => {
  it.each([
    ['an import\'s batch (layOver): laid over, its values and evidence kept', true, 1000, ['fixture', 'other']],
    ['any other batch: overwritten', false, null, ['other']],
  ])('is written as an update by %s', async (_, layOver, amount, sources) => {
    await base();
    const id = await run([{ relationships: { create: [R('FUNDS', 'state', 'assoc', { evidence: [{ source: 'other', excerpt: 'x' }] })] }, layOver }], 'import');
    const [row] = await db.read("MATCH (:Actor {id: 'state'})-[r:FUNDS]->(:Actor {id: 'assoc'}) RETURN r.amount AS amount, r.evidenceSources AS sources, r._cs AS cs");
    expect(row).toEqual({ amount, sources, cs: id });
    expect((await get(db, id)).progress).toMatchObject({ done: 1 });
  });
});

describe('two loads at once', () => {
  it('share actors without duplicating them, and never create a relationship twice', async () => {
    await wipe(db);
    const shared = Array.from({ length: 50 }, (_, i) => actor(`shared-${i}`));
    const one = dataset([...shared, actor('only-one')], [...shared.slice(1).map((a) => rel('FUNDS', 'shared-0', a.id)), rel('PILOTS', 'only-one', 'shared-1')]);
    const two = dataset([...shared, actor('only-two')], [...shared.slice(1).map((a) => rel('FUNDS', 'shared-0', a.id)), rel('PILOTS', 'only-two', 'shared-1')]);
    const results = await Promise.allSettled([importDataset(db, one), importDataset(db, two)]);
    // Both succeed: what the other created meanwhile is overwritten and recorded as an update (undo restores it).
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    const [dup] = await db.read('MATCH (a:Actor) WITH a.id AS id, count(*) AS n WHERE n > 1 RETURN count(id) AS dups');
    expect(dup).toEqual({ dups: 0 });
    const [rdup] = await db.read('MATCH ()-[r]->() WITH type(r) AS t, r.id AS id, count(*) AS n WHERE n > 1 RETURN count(id) AS dups');
    expect(rdup).toEqual({ dups: 0 });
    expect(await db.read("MATCH ()-[r:FUNDS {id: 'FUNDS:shared-0:shared-7'}]->() RETURN count(r) AS n")).toEqual([{ n: 1 }]);
  });
});
