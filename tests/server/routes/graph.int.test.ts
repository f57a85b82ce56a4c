import request from 'supertest';
import type { Express } from 'express';
import { Graph } from '../../../model/schema';
import { createApp } from '../../../server/app';
import { connect, type Db } from '../../../server/db';
import { testApp } from '../../support/app';
import { resetToSeed, testDb } from '../../support/db';

let db: Db;
let app: Express;

beforeAll(async () => {
  db = testDb();
  app = testApp(db);
  await resetToSeed(db);
});
afterAll(async () => { await db.close(); });

describe('GET /api/graph', () => {
  it('returns the seed network in the graph payload shape', async () => {
    const res = await request(app).get('/api/graph');
    expect(res.status).toBe(200);
    const g = Graph.parse(res.body);
    expect(g.nodes.length).toBeGreaterThan(40);
    expect(g.edges.length).toBeGreaterThan(40);
  });

  it('gives every edge evidence whose source exists, and ends that are actors', async () => {
    const [graph, sources] = await Promise.all([request(app).get('/api/graph'), request(app).get('/api/sources')]);
    const sourceIds = new Set((sources.body.sources as { id: string }[]).map((s) => s.id));
    const nodeIds = new Set((graph.body.nodes as { id: string }[]).map((n) => n.id));
    for (const e of Graph.parse(graph.body).edges) {
      expect(e.evidence.length).toBeGreaterThan(0);
      for (const ev of e.evidence) {
        expect(sourceIds).toContain(ev.source);
        expect(ev.excerpt.length).toBeGreaterThan(10);
      }
      expect(nodeIds).toContain(e.source);
      expect(nodeIds).toContain(e.target);
    }
  });
});

describe('GET /api/sources', () => {
  it('lists the five articles', async () => {
    const res = await request(app).get('/api/sources');
    expect(res.status).toBe(200);
    expect(res.body.sources).toHaveLength(5);
    for (const s of res.body.sources) expect(s).toMatchObject({ id: expect.any(String), title: expect.any(String), language: 'fr' });
  });
});

describe('GET /api/health', () => {
  it('says the database is up', async () => {
    const res = await request(app).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', neo4j: 'up' });
  });

  it('returns 503 while the database is unreachable, and the server keeps answering', async () => {
    const down = connect({ uri: 'bolt://127.0.0.1:1' });
    const downApp = createApp(down);
    try {
      const res = await request(downApp).get('/api/health');
      expect(res.status).toBe(503);
      expect(res.body).toEqual({ status: 'degraded', neo4j: 'down' });
      const graph = await request(downApp).get('/api/graph');
      expect(graph.status).toBe(503);
      expect(graph.body.error.name).toBe('DatabaseUnavailable');
    } finally {
      await down.close();
    }
  });
});

describe('unknown API routes', () => {
  it('answer 404 in JSON', async () => {
    const res = await request(app).get('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.error.name).toBe('NotFoundError');
  });
});
