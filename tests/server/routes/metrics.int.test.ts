// GET /api/metrics: figures computed in the worker thread per graph version, ranked and paged, their
// status (fresh / stale / computing) and the estimates stated; the overview ranks by PageRank once fresh.
import request from 'supertest';
import type { Express } from 'express';
import { MetricsPage, OverviewResponse, type ActorMetrics } from '../../../model/schema';
import { createApp } from '../../../server/app';
import type { Db } from '../../../server/db';
import { loadDataset } from '../../../server/load';
import { MetricsService } from '../../../server/metrics/service';
import { resetTo, resetToSeed, testDb } from '../../support/db';
import { actor, dataset, rel } from '../../support/fixtures';
import { generatedDataset } from '../../support/generated';
import { waitFor } from '../../support/wait';

let db: Db;
let metrics: MetricsService;
let app: Express;

beforeAll(() => {
  db = testDb();
  // No waiting in the route: every answer says at once what there is, and the tests wait for statuses.
  metrics = new MetricsService(db, { waitMs: 0 });
  app = createApp(db, { metrics });
});
afterAll(async () => {
  metrics.close();
  await db.close();
});

const get = async (qs = ''): Promise<MetricsPage> => {
  const res = await request(app).get(`/api/metrics${qs}`);
  expect(res.status).toBe(200);
  return MetricsPage.parse(res.body);
};
const fresh = (qs = '') => waitFor(() => get(qs), (p) => p.status === 'fresh');

describe('GET /api/metrics on the seed graph', () => {
  let all: MetricsPage;
  let graph: { nodes: { id: string }[]; edges: { status: string }[] };
  beforeAll(async () => {
    await resetToSeed(db);
    all = await fresh('?limit=1000');
    graph = (await request(app).get('/api/graph')).body;
  });

  it('gives every actor one entry, ranked by PageRank by default, best first', () => {
    expect(all.total).toBe(graph.nodes.length);
    expect(all.metrics.map((m) => m.id).sort()).toEqual(graph.nodes.map((n) => n.id).sort());
    const pr = all.metrics.map((m) => m.pagerank);
    expect(pr).toEqual([...pr].sort((a, b) => b - a));
    expect(pr.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 9);
  });

  it('counts every relationship but the declined one twice in the degrees', () => {
    const kept = graph.edges.filter((e) => e.status !== 'declined').length;
    expect(all.metrics.reduce((s, m) => s + m.degree, 0)).toBe(2 * kept);
  });

  it('ranks the Aix-Marseille French Tech programme first by betweenness, PageRank and brokerage', async () => {
    for (const sort of ['betweenness', 'pagerank', 'broker']) {
      const p = await get(`?sort=${sort}&limit=1`);
      expect(p.metrics.map((m) => m.id)).toEqual(['aix-marseille-french-tech']);
    }
  });

  it('makes thecamp a broker between its public funders and its corporate partners', () => {
    const camp = all.metrics.find((m) => m.id === 'the-camp')!;
    expect(camp.broker.pairs).toBeGreaterThanOrEqual(4);
    // The local authorities' aid toward the 70 M€ budget has no amount: counted as unknown, never as 0.
    expect(camp.fundsIn).toEqual({ amount: 11_333_333 + 19_000_000, known: 2, unknown: 1 });
  });

  it('pages through a ranking without gaps or repeats, and filters it by kind and by ids', async () => {
    const pages = await Promise.all([0, 20, 40, 60, 80].map((offset) => get(`?sort=degree&limit=20&offset=${offset}`)));
    const ids = pages.flatMap((p) => p.metrics.map((m) => m.id));
    const byDegree = [...all.metrics].sort((a, b) => b.degree - a.degree || (a.id < b.id ? -1 : 1)).map((m) => m.id);
    expect(ids).toEqual(byDegree);
    const companies = await get('?sort=degree&kinds=company,investor&limit=1000');
    const want = all.metrics.filter((m) => m.kind === 'company' || m.kind === 'investor');
    expect(companies.total).toBe(want.length);
    expect(companies.metrics.map((m) => m.id)).toEqual(byDegree.filter((id) => want.some((m) => m.id === id)));
    const some = await get('?sort=betweenness&ids=medinsoft,the-camp,nobody');
    expect(some.total).toBe(2);
    expect(some.metrics.map((m) => m.id).sort()).toEqual(['medinsoft', 'the-camp']);
  });

  it('lists communities by size, summing to every actor', () => {
    expect(all.communityCount).toBeGreaterThan(1);
    expect(all.communities.reduce((s, c) => s + c.size, 0)).toBe(graph.nodes.length);
    const sizes = all.communities.map((c) => c.size);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    for (const m of all.metrics) expect(m.community).toBeLessThan(all.communityCount);
  });

  it('states that the figures are exact on a graph this small', () => {
    expect(all.parameters).toMatchObject({ betweennessExact: true, betweennessSources: graph.nodes.length, estimates: [] });
    expect(all.parameters!.brokerFunders).toBe(all.parameters!.brokerFundersTotal);
  });

  it('makes the overview rank by PageRank once the figures are fresh', async () => {
    const res = await request(app).get('/api/graph/overview?limit=10');
    const o = OverviewResponse.parse(res.body);
    expect(o.rankedBy).toBe('pagerank');
    expect(o.nodes.map((n) => n.id)).toEqual(all.metrics.slice(0, 10).map((m) => m.id));
  });

  it('returns 400 naming a bad parameter', async () => {
    for (const [qs, field] of [['sort=size', 'query.sort'], ['limit=5000', 'query.limit'], ['offset=-1', 'query.offset'], ['kinds=x', 'query.kinds']]) {
      const res = await request(app).get(`/api/metrics?${qs}`);
      expect(res.status).toBe(400);
      expect(res.body.error.details.issues[0].field.replace(/\.\d+$/, '')).toBe(field);
    }
  });
});

describe('GET /api/metrics and the graph version', () => {
  it('serves the figures of a version until a write, then says stale while it recomputes, then fresh', async () => {
    await resetTo(db, dataset([actor('region', 'local_authority'), actor('prog', 'programme'), actor('acme')], [
      rel('FUNDS', 'region', 'prog'), rel('PARTNERS_WITH', 'prog', 'acme'),
    ]));
    const first = await fresh('?ids=prog');
    expect(first.metrics[0].broker).toEqual({ pairs: 1, share: 1 });
    const again = await get('?ids=prog');
    expect(again).toMatchObject({ status: 'fresh', version: first.version, computedAt: first.computedAt });

    await loadDataset(db, dataset([actor('beta')], [rel('PARTNERS_WITH', 'prog', 'beta')]));
    const after = await get('?ids=prog');
    expect(after.graphVersion).toBeGreaterThan(first.version!);
    // Either still the old figures, said to be stale, or (a fast worker) already the new ones.
    if (after.status !== 'fresh') expect(after).toMatchObject({ status: 'stale', version: first.version });
    const recomputed = await fresh('?ids=prog');
    expect(recomputed.version).toBe(after.graphVersion);
    // prog now also connects region to beta, a company too.
    expect(recomputed.metrics[0].broker).toEqual({ pairs: 2, share: 2 });
    expect(recomputed.metrics[0].degree).toBe(3);
  });

  it('answers an empty graph with an empty ranking', async () => {
    await resetTo(db, dataset([], []));
    const p = await fresh();
    expect(p).toMatchObject({ total: 0, metrics: [], communities: [], communityCount: 0, modularity: 0 });
  });
});

describe('GET /api/metrics estimates', () => {
  it('states the sources of betweenness and the funders of brokers when it samples them', async () => {
    await resetTo(db, generatedDataset(600, 1500));
    const sampled = new MetricsService(db, { waitMs: 0, compute: { betweennessSources: 50, brokerFunders: 10 } });
    try {
      const app2 = createApp(db, { metrics: sampled });
      const p = await waitFor(async () => MetricsPage.parse((await request(app2).get('/api/metrics?sort=betweenness&limit=5')).body), (x) => x.status === 'fresh');
      expect(p.parameters).toMatchObject({ betweennessExact: false, betweennessSources: 50, brokerFunders: 10 });
      expect(p.parameters!.brokerFundersTotal).toBeGreaterThan(10);
      expect(p.parameters!.estimates).toEqual([
        expect.stringMatching(/^betweenness: estimated from 50 of 600 actors/),
        expect.stringMatching(/^broker: searches from 10 of \d+ public funders/),
      ]);
      expect(p.metrics).toHaveLength(5);
      expect(p.metrics.map((m: ActorMetrics) => m.betweenness)).toEqual([...p.metrics.map((m: ActorMetrics) => m.betweenness)].sort((a, b) => b - a));
    } finally {
      sampled.close();
    }
  });
});
