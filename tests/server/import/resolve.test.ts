import { locator } from '../../../server/import/plan';
import { actorRecord, Resolver, slugify, type DbIndex } from '../../../server/import/resolve';

const emptyDb = (): DbIndex => ({ actorIds: new Set(), actorKeys: new Map(), actorHash: new Map(), sourceIds: new Set(), sourceKeys: new Map(), sourceHash: new Map() });
const loc = (line: number) => ({ file: 'relations.csv', line });

describe('slugify', () => {
  it.each([
    ['Crédit Agricole Alpes Provence', 'credit-agricole-alpes-provence'],
    ["L'Œuvre d'Orient", 'l-oeuvre-d-orient'],
    ['  !!  ', 'acteur'],
  ])('%s → %s', (name, slug) => {
    expect(slugify(name, 'acteur')).toBe(slug);
  });
});

describe('locator', () => {
  it('names the file, the sheet when there is one, and the line', () => {
    expect(locator({ file: 'relations.csv', line: 42 })).toBe('relations.csv, ligne 42');
    expect(locator({ file: 'ecosysteme.xlsx', sheet: 'Relations', line: 42 })).toBe('ecosysteme.xlsx, Relations, ligne 42');
  });
});

describe('Resolver', () => {
  it('resolves a name by id, then by folded name or alias, against the file and the database, saying which are stored', () => {
    const db = emptyDb();
    db.actorIds.add('bpifrance');
    db.actorKeys.set('bpi', ['bpifrance']);
    const r = new Resolver(db, 'company');
    expect(r.addActor({ name: 'Ynov Campus', aliases: ['Ynov'] }, loc(2))).toBeUndefined();
    expect(r.resolveRef({ name: 'BPI' }, loc(3), 'from')).toEqual({ id: 'bpifrance', stored: true });
    expect(r.resolveRef({ name: 'bpifrance' }, loc(3), 'from')).toEqual({ id: 'bpifrance', stored: true });
    expect(r.resolveRef({ name: 'YNOV' }, loc(3), 'to')).toEqual({ id: 'ynov-campus', stored: false });
  });

  it('reports a name two actors answer to, on its line, instead of guessing', () => {
    const db = emptyDb();
    db.actorIds.add('ca-sa').add('ca-alpes');
    db.actorKeys.set('credit agricole', ['ca-sa', 'ca-alpes']);
    const out = new Resolver(db, 'company').resolveRef({ name: 'Crédit Agricole' }, loc(7), 'from');
    expect(out).toEqual({ issue: expect.objectContaining({ code: 'actor-ambiguous', line: 7, field: 'from' }) });
  });

  it('creates an actor for an unknown name once, with a free id, and reports a missing kind once', () => {
    const db = emptyDb();
    db.actorIds.add('medinsoft');
    const r = new Resolver(db, undefined);
    // The database's "medinsoft" is another actor (its keys do not match): the new one gets medinsoft-2.
    const first = r.resolveRef({ name: 'Medinsoft!' }, loc(2), 'to');
    expect(first).toEqual({ issue: expect.objectContaining({ code: 'kind-missing', line: 2 }) });
    expect(r.resolveRef({ name: 'Medinsoft!' }, loc(9), 'to')).toEqual({ id: 'medinsoft-2' });
    expect(r.isStored('medinsoft-2')).toBe(false);
    expect(r.isStored('medinsoft')).toBe(true);
    expect(r.resolveRef({ name: 'Nouvelle Asso', kind: 'association' }, loc(3), 'to')).toEqual({ id: 'nouvelle-asso', stored: false });
  });

  it('refuses an actor defined twice under names that fold alike', () => {
    const r = new Resolver(emptyDb(), 'company');
    expect(r.addActor({ name: 'Région Sud', aliases: [] }, loc(2))).toBeUndefined();
    expect(r.addActor({ name: 'REGION SUD', aliases: [] }, loc(5))).toMatchObject({ code: 'id-duplicate', line: 5 });
  });
});

describe('actorRecord', () => {
  const stored = { id: 'ynov', name: 'Ynov Campus', aliases: ['Ynov'], kind: 'university' as const, description: 'Campus', territory: 'Aix' };

  it('keeps what the file does not say and adds aliases, when matched by name', () => {
    const rec = actorRecord({ id: 'ynov', row: { name: 'YNOV CAMPUS', aliases: ['Ynov Aix'], territory: 'Aix-en-Provence' }, loc: loc(2), existing: true, fromRef: false }, stored, undefined);
    expect(rec).toEqual({ id: 'ynov', name: 'Ynov Campus', aliases: ['Ynov', 'Ynov Aix'], kind: 'university', description: 'Campus', territory: 'Aix-en-Provence' });
  });

  it("takes the row's name when the row gives the id", () => {
    const rec = actorRecord({ id: 'ynov', row: { id: 'ynov', name: 'Ynov Aix Campus', aliases: [] }, loc: loc(2), existing: true, fromRef: false }, stored, undefined);
    expect(rec.name).toBe('Ynov Aix Campus');
    expect(rec.aliases).toEqual(['Ynov']);
  });
});
