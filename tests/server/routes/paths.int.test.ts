// GET /api/paths on the seed data and on a small fixture whose paths are known exactly.
import request from 'supertest';
import type { Express } from 'express';
import type { Path } from '../../../model/schema';
import type { Db } from '../../../server/db';
import { testApp } from '../../support/app';
import { resetTo, resetToSeed, testDb } from '../../support/db';
import { actor, dataset, rel } from '../../support/fixtures';

let db: Db;
let app: Express;

beforeAll(() => {
  db = testDb();
  app = testApp(db);
});
afterAll(async () => { await db.close(); });

const ids = (p: Path) => p.nodes.map((n) => n.id);
const get = (qs: string) => request(app).get(`/api/paths?${qs}`);

describe('GET /api/paths on the seed data', () => {
  beforeAll(async () => { await resetToSeed(db); });

  it('connects TikTok and Launchmetrics through the university, with the evidence of every hop', async () => {
    const res = await get('from=tiktok&to=launchmetrics');
    expect(res.status).toBe(200);
    const lists = (res.body.paths as Path[]).map(ids);
    expect(lists).toContainEqual(['tiktok', 'universite-luxury-tech', 'master-luxury-tech', 'launchmetrics']);
    for (const p of res.body.paths as Path[]) {
      expect(p.edges).toHaveLength(p.length);
      for (const e of p.edges) expect(e.evidence.length).toBeGreaterThan(0);
    }
  });

  it('lists the shortest paths first and never visits an actor twice', async () => {
    const { body } = await get('from=ville-de-marseille&to=the-camp&maxDepth=6&limit=100');
    const lengths = (body.paths as Path[]).map((p) => p.length);
    expect(lengths[0]).toBe(2);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
    for (const p of body.paths as Path[]) expect(new Set(ids(p)).size).toBe(p.nodes.length);
  });

  it('walks each edge between consecutive actors of the path', async () => {
    const { body } = await get('from=tiktok&to=launchmetrics');
    for (const p of body.paths as Path[]) {
      p.edges.forEach((e, i) => expect([e.source, e.target].sort()).toEqual([p.nodes[i].id, p.nodes[i + 1].id].sort()));
    }
  });
});

describe('GET /api/paths filters', () => {
  // a–e–d (2 hops: LABELS, FUNDS) and a–b–c–d (3 hops: FUNDS, PILOTS, PARTNERS_WITH); f hangs off c.
  beforeAll(async () => {
    await resetTo(db, dataset(
      ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => actor(id)),
      [
        rel('FUNDS', 'a', 'b'),
        rel('PILOTS', 'b', 'c'),
        rel('PARTNERS_WITH', 'd', 'c'),
        rel('LABELS', 'a', 'e'),
        rel('FUNDS', 'e', 'd', { amount: 1000 }),
        rel('PILOTS', 'c', 'f'),
      ],
    ));
  });

  it.each([
    ['maxDepth=4', [['a', 'e', 'd'], ['a', 'b', 'c', 'd']]],
    ['maxDepth=2', [['a', 'e', 'd']]],
    ['maxDepth=1', []],
    ['types=FUNDS,PILOTS,PARTNERS_WITH', [['a', 'b', 'c', 'd']]],
    ['types=LABELS,FUNDS', [['a', 'e', 'd']]],
    ['types=FUNDS', []],
  ])('with %s finds exactly the expected paths', async (qs, expected) => {
    const res = await get(`from=a&to=d&${qs}`);
    expect(res.status).toBe(200);
    expect((res.body.paths as Path[]).map(ids)).toEqual(expected);
    expect(res.body.truncated).toBe(false);
  });

  it('caps the list, keeps the shortest and says it was cut', async () => {
    const { body } = await get('from=a&to=d&limit=1');
    expect(body).toMatchObject({ truncated: true, limit: 1 });
    expect((body.paths as Path[]).map(ids)).toEqual([['a', 'e', 'd']]);
  });

  it('returns each edge with its properties', async () => {
    const { body } = await get('from=a&to=d&maxDepth=2');
    expect(body.paths[0].edges[1]).toMatchObject({ type: 'FUNDS', source: 'e', target: 'd', amount: 1000, status: 'effective' });
  });

  it.each([
    ['maxDepth=0', 'query.maxDepth'],
    ['maxDepth=7', 'query.maxDepth'],
    ['maxDepth=two', 'query.maxDepth'],
    ['limit=0', 'query.limit'],
    ['limit=101', 'query.limit'],
    ['types=FUNDS,BRIBES', 'query.types.1'],
    ['types=', 'query.types'],
  ])('returns 400 and the bad field when %s', async (qs, field) => {
    const res = await get(`from=a&to=d&${qs}`);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(res.body.error.details.issues.map((i: { field: string }) => i.field)).toContain(field);
  });

  it.each([
    ['from=a&to=a', 'query.to'],
    ['to=d', 'query.from'],
    ['from=a', 'query.to'],
    ['from=Not%20A%20Slug&to=d', 'query.from'],
  ])('returns 400 and the bad field when %s', async (qs, field) => {
    const res = await get(qs);
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues.map((i: { field: string }) => i.field)).toEqual([field]);
  });

  it.each([
    ['from=nobody&to=d', ['query.from']],
    ['from=a&to=nobody', ['query.to']],
    ['from=nobody&to=noone', ['query.from', 'query.to']],
  ])('returns 404 naming the unknown actor when %s', async (qs, fields) => {
    const res = await get(qs);
    expect(res.status).toBe(404);
    expect(res.body.error.name).toBe('NotFoundError');
    expect(res.body.error.details.issues.map((i: { field: string }) => i.field)).toEqual(fields);
  });
});
