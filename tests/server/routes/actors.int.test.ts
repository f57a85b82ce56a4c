import request from 'supertest';
import type { Express } from 'express';
import type { Db } from '../../../server/db';
import { testApp } from '../../support/app';
import { resetTo, testDb } from '../../support/db';
import { actor, dataset, rel } from '../../support/fixtures';

let db: Db;
let app: Express;

// A chain a–b–c–d plus a side branch, with known types, so depth and type filters have exact answers.
const chain = dataset(
  [
    actor('a', 'public_body', { name: 'Caisse des Dépôts', aliases: ['CDC'] }),
    actor('b', 'association', { name: 'Médinsoft' }),
    actor('c', 'programme', { name: 'Aix-Marseille French Tech', aliases: ['AMFT'] }),
    actor('d', 'company', { name: 'Crédit Agricole' }),
    actor('e', 'person', { name: 'Stéphane Soto' }),
  ],
  [
    rel('FUNDS', 'a', 'b', { amount: 200000 }),
    rel('PILOTS', 'b', 'c'),
    rel('PARTNERS_WITH', 'c', 'd'),
    rel('PILOTS', 'e', 'b', { role: 'directeur général' }),
  ],
);

beforeAll(async () => {
  db = testDb();
  app = testApp(db);
  await resetTo(db, chain);
});
afterAll(async () => { await db.close(); });

const ids = (xs: { id: string }[]) => xs.map((x) => x.id).sort();

describe('GET /api/actors?q=', () => {
  it.each([
    ['medinsoft', 'b'],
    ['MÉDINSOFT', 'b'],
    ['amft', 'c'],
    ['aix marseille', 'c'],
    ['credit agricole', 'd'],
    ['cdc', 'a'],
    ['depots', 'a'],
    ['stephane', 'e'],
  ])('finds %s', async (q, id) => {
    const res = await request(app).get('/api/actors').query({ q });
    expect(res.status).toBe(200);
    expect(res.body.actors[0].id).toBe(id);
  });

  it('ranks exact then prefix matches first even when hundreds of names contain the word', async () => {
    const many = Array.from({ length: 300 }, (_, i) => actor(`x${i}`, 'company', { name: `Groupe Santé ${i}` }));
    await resetTo(db, dataset([...many, actor('sante', 'association', { name: 'Santé' }), actor('sante-plus', 'association', { name: 'Santé Plus' }),
      actor('zeta', 'company', { name: 'Zeta', aliases: ['Santé Sud'] })], []));
    try {
      const res = await request(app).get('/api/actors').query({ q: 'sante', limit: 5 });
      expect(res.body.actors.map((a: { id: string }) => a.id).slice(0, 3)).toEqual(['sante', 'zeta', 'sante-plus']);
      expect(res.body.actors).toHaveLength(5);
      // Two tokens, the rarer one (digits) sought first: the one actor with both.
      const two = await request(app).get('/api/actors').query({ q: 'groupe 299' });
      expect(two.body.actors.map((a: { id: string }) => a.id)).toEqual(['x299']);
    } finally {
      await resetTo(db, chain);
    }
  });

  it('falls back to a fuzzy match for a typo', async () => {
    const res = await request(app).get('/api/actors').query({ q: 'medinsfot' });
    expect(res.body.actors.map((a: { id: string }) => a.id)).toContain('b');
  });

  it('returns no actor for a name nobody has', async () => {
    const res = await request(app).get('/api/actors').query({ q: 'zzzzqqq' });
    expect(res.body).toEqual({ actors: [] });
  });

  it('treats Lucene and Cypher syntax as plain text', async () => {
    const res = await request(app).get('/api/actors').query({ q: '") OR 1=1 // [a-z]* ~ AND' });
    expect(res.status).toBe(200);
  });

  it('returns 400 and the bad field when limit is not a number', async () => {
    const res = await request(app).get('/api/actors').query({ q: 'a', limit: 'many' });
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(res.body.error.details.issues[0].field).toBe('query.limit');
  });
});

describe('GET /api/actors/:id', () => {
  it('returns the actor, its relationships with evidence and the sources cited', async () => {
    const res = await request(app).get('/api/actors/b');
    expect(res.status).toBe(200);
    expect(res.body.actor).toMatchObject({ id: 'b', name: 'Médinsoft', kind: 'association' });
    const rels = res.body.relationships as { id: string; direction: string; other: { id: string }; evidence: unknown[] }[];
    expect(rels.map((r) => `${r.id}/${r.direction}/${r.other.id}`).sort()).toEqual(['FUNDS:a:b/in/a', 'PILOTS:b:c/out/c', 'PILOTS:e:b/in/e']);
    for (const r of rels) expect(r.evidence).toEqual([{ source: 'fixture', excerpt: expect.any(String) }]);
    expect(res.body.sources).toEqual([expect.objectContaining({ id: 'fixture', title: 'Fixture document' })]);
  });

  it('lists at most `limit` ties per type and direction, largest amounts first, and counts them all', async () => {
    const funded = ['f1', 'f2', 'f3', 'f4'];
    await resetTo(db, dataset([actor('hub', 'public_body'), ...funded.map((id) => actor(id)), actor('p')], [
      ...funded.map((id, i) => rel('FUNDS', 'hub', id, i === 3 ? {} : { amount: 1000 * (i + 1), date: '2020' })),
      rel('PARTNERS_WITH', 'hub', 'p'),
      rel('FUNDS', 'p', 'hub', { amount: 5 }),
    ]));
    try {
      const res = await request(app).get('/api/actors/hub?limit=2');
      expect(res.status).toBe(200);
      expect(res.body.truncated).toBe(true);
      expect(res.body.relationshipCounts).toEqual([
        { type: 'FUNDS', direction: 'out', total: 4, shown: 2 },
        { type: 'FUNDS', direction: 'in', total: 1, shown: 1 },
        { type: 'PARTNERS_WITH', direction: 'out', total: 1, shown: 1 },
      ]);
      const out = (res.body.relationships as { type: string; direction: string; other: { id: string } }[]).filter((r) => r.type === 'FUNDS' && r.direction === 'out');
      expect(out.map((r) => r.other.id)).toEqual(['f3', 'f2']);
      const all = await request(app).get('/api/actors/hub');
      expect(all.body).toMatchObject({ truncated: false });
      expect(all.body.relationships).toHaveLength(6);
      expect((await request(app).get('/api/actors/hub?limit=0')).status).toBe(400);
    } finally {
      await resetTo(db, chain);
    }
  });

  it('returns 404 for an unknown actor', async () => {
    const res = await request(app).get('/api/actors/nobody');
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ name: 'NotFoundError', details: { actor: 'nobody' } });
  });

  it('returns 400 for an id that cannot be an actor id', async () => {
    const res = await request(app).get('/api/actors/Not%20An%20Id');
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues[0].field).toBe('params.id');
  });
});

describe('GET /api/actors/:id/neighborhood', () => {
  it.each([
    [1, undefined, ['a', 'b', 'c', 'e']],
    [2, undefined, ['a', 'b', 'c', 'd', 'e']],
    [3, 'FUNDS', ['a', 'b']],
    [3, 'PILOTS', ['b', 'c', 'e']],
    [3, 'PILOTS,PARTNERS_WITH', ['b', 'c', 'd', 'e']],
  ])('at depth %s with types %s reaches %j', async (depth, types, expected) => {
    const res = await request(app).get('/api/actors/b/neighborhood').query({ depth, ...(types ? { types } : {}) });
    expect(res.status).toBe(200);
    expect(ids(res.body.nodes)).toEqual(expected);
    expect(res.body.truncated).toBe(false);
    for (const e of res.body.edges as { source: string; target: string; type: string }[]) {
      expect(expected).toContain(e.source);
      expect(expected).toContain(e.target);
      if (types) expect(types.split(',')).toContain(e.type);
    }
  });

  it('caps the nodes and says so', async () => {
    const res = await request(app).get('/api/actors/b/neighborhood').query({ depth: 2, limit: 2 });
    expect(res.body.nodes).toHaveLength(2);
    expect(res.body.truncated).toBe(true);
  });

  // A hub whose ties all leave it (it funds) or all reach it (it is funded), its spokes partnered in a ring:
  // the ties among the actors shown are read from one side of the set, whichever has fewer, and all come back.
  it.each([['out'], ['in']])('caps a hub whose ties go %s and returns every tie among the actors shown', async (way) => {
    const spokes = Array.from({ length: 30 }, (_, i) => actor(`s${String(i).padStart(2, '0')}`));
    const rels = [
      ...spokes.map((s) => (way === 'out' ? rel('FUNDS', 'hub', s.id) : rel('FUNDS', s.id, 'hub'))),
      ...spokes.map((s, i) => rel('PARTNERS_WITH', s.id, spokes[(i + 1) % spokes.length].id)),
      rel('PILOTS', 's03', 'hub'),
    ];
    await resetTo(db, dataset([actor('hub', 'public_body'), ...spokes], rels));
    try {
      const res = await request(app).get('/api/actors/hub/neighborhood').query({ depth: 1, limit: 10 });
      expect(res.status).toBe(200);
      expect(res.body.truncated).toBe(true);
      const shown = new Set(ids(res.body.nodes));
      expect(shown.size).toBe(10);
      expect(shown.has('hub')).toBe(true);
      // Partnerships are symmetric: stored in either direction.
      const key = (e: { type: string; source: string; target: string }) =>
        `${e.type}:${(e.type === 'PARTNERS_WITH' ? [e.source, e.target].sort() : [e.source, e.target]).join(':')}`;
      const expected = rels.filter((r) => shown.has(r.source) && shown.has(r.target)).map(key).sort();
      const got = (res.body.edges as { type: string; source: string; target: string }[]).map(key).sort();
      expect(got).toEqual(expected);
      // Asking for more keeps the first ones: the walk is in the same order.
      const more = await request(app).get('/api/actors/hub/neighborhood').query({ depth: 1, limit: 20 });
      expect(ids(more.body.nodes)).toEqual(expect.arrayContaining([...shown]));
    } finally {
      await resetTo(db, chain);
    }
  });

  it.each([
    [{ depth: 0 }, 'query.depth'],
    [{ depth: 99 }, 'query.depth'],
    [{ depth: 'deep' }, 'query.depth'],
    [{ types: 'FUNDS,OWNS' }, 'query.types.1'],
    [{ types: '' }, 'query.types'],
    [{ limit: 0 }, 'query.limit'],
  ])('returns 400 naming the parameter for %j', async (query, field) => {
    const res = await request(app).get('/api/actors/b/neighborhood').query(query);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(res.body.error.details.issues.map((i: { field: string }) => i.field)).toContain(field);
  });

  it('returns 404 for an unknown actor', async () => {
    const res = await request(app).get('/api/actors/nobody/neighborhood');
    expect(res.status).toBe(404);
  });
});
