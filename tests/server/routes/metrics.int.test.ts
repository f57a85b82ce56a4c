import request from 'supertest';
import type { Express } from 'express';
import { MetricsResponse, type ActorMetrics } from '../../../model/schema';
import type { Db } from '../../../server/db';
import { testApp } from '../../support/app';
import { resetTo, resetToSeed, testDb } from '../../support/db';
import { actor, dataset, rel } from '../../support/fixtures';

let db: Db;
let app: Express;

beforeAll(async () => {
  db = testDb();
  app = testApp(db);
});
afterAll(async () => { await db.close(); });

const rank = (ms: ActorMetrics[], key: (m: ActorMetrics) => number) => [...ms].sort((a, b) => key(b) - key(a)).map((m) => m.id);

describe('GET /api/metrics on the seed graph', () => {
  let body: MetricsResponse;
  let graph: { nodes: { id: string }[]; edges: { status: string }[] };
  beforeAll(async () => {
    await resetToSeed(db);
    const [m, g] = await Promise.all([request(app).get('/api/metrics'), request(app).get('/api/graph')]);
    expect(m.status).toBe(200);
    body = MetricsResponse.parse(m.body);
    graph = g.body;
  });

  it('gives every actor one entry and one community', () => {
    expect(body.metrics.map((m) => m.id).sort()).toEqual(graph.nodes.map((n) => n.id).sort());
    const members = body.communities.flatMap((c) => c.members);
    expect(members.sort()).toEqual(graph.nodes.map((n) => n.id).sort());
    for (const m of body.metrics) expect(body.communities[m.community].members).toContain(m.id);
  });

  it('counts every relationship but the declined one twice in the degrees', () => {
    const kept = graph.edges.filter((e) => e.status !== 'declined').length;
    expect(body.metrics.reduce((s, m) => s + m.degree, 0)).toBe(2 * kept);
  });

  it('ranks the Aix-Marseille French Tech programme first by betweenness, PageRank and brokerage', () => {
    expect(rank(body.metrics, (m) => m.betweenness)[0]).toBe('aix-marseille-french-tech');
    expect(rank(body.metrics, (m) => m.pagerank)[0]).toBe('aix-marseille-french-tech');
    expect(rank(body.metrics, (m) => m.broker.pairs)[0]).toBe('aix-marseille-french-tech');
  });

  it('makes thecamp a broker between its public funders and its corporate partners', () => {
    // Caisse des Dépôts FUNDS thecamp, which PARTNERS_WITH Vinci, CMA CGM, Sodexo and Crédit Agricole.
    const camp = body.metrics.find((m) => m.id === 'the-camp')!;
    expect(camp.broker.pairs).toBeGreaterThanOrEqual(4);
    // The local authorities' aid toward the 70 M€ budget has no amount: counted as unknown, never as 0.
    expect(camp.fundsIn).toEqual({ amount: 11_333_333 + 19_000_000, known: 2, unknown: 1 });
  });

  it('gives PageRank values summing to 1', () => {
    expect(body.metrics.reduce((s, m) => s + m.pagerank, 0)).toBeCloseTo(1, 9);
  });
});

describe('GET /api/metrics caching', () => {
  it('serves the same result while the graph is unchanged and recomputes after a load', async () => {
    await resetTo(db, dataset([actor('region', 'local_authority'), actor('prog', 'programme'), actor('acme')], [
      rel('FUNDS', 'region', 'prog'), rel('PARTNERS_WITH', 'prog', 'acme'),
    ]));
    const first = await request(app).get('/api/metrics');
    const again = await request(app).get('/api/metrics');
    expect(again.body.computedAt).toBe(first.body.computedAt);
    expect(first.body.metrics.find((m: ActorMetrics) => m.id === 'prog').broker).toEqual({ pairs: 1, share: 1 });

    await resetTo(db, dataset([actor('region', 'local_authority'), actor('acme')], [rel('FUNDS', 'region', 'acme')]));
    const after = await request(app).get('/api/metrics');
    expect(after.body.metrics.map((m: ActorMetrics) => m.id)).toEqual(['acme', 'region']);
  });

  it('answers an empty graph with empty lists', async () => {
    await db.write('MATCH (n) WHERE n:Actor OR n:Source DETACH DELETE n');
    const res = await request(app).get('/api/metrics');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ metrics: [], communities: [], modularity: 0 });
  });
});
