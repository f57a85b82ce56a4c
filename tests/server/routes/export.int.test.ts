import request from 'supertest';
import type { Express } from 'express';
import { Dataset, Graph, type GraphEdge } from '../../../model/schema';
import type { Db } from '../../../server/db';
import { counts, loadDataset } from '../../../server/load';
import { testApp } from '../../support/app';
import { resetTo, resetToSeed, testDb, wipe } from '../../support/db';
import { readCsvWithPython, readWithNetworkx } from '../../support/readers';
import { generatedDataset } from '../../support/generated';

let db: Db;
let app: Express;
let graph: Graph;

/** Supertest parses JSON and buffers text/* only; every download is collected here as its raw text. */
async function download(query: string): Promise<{ status: number; headers: Record<string, string>; text: string }> {
  const res = await request(app)
    .get(`/api/export?${query}`)
    .buffer(true)
    .parse((r, cb) => {
      let text = '';
      r.setEncoding('utf8');
      r.on('data', (c: string) => { text += c; });
      r.on('end', () => cb(null, text));
    });
  return { status: res.status, headers: res.headers as Record<string, string>, text: res.body as string };
}

const sortGraph = (g: Graph) => ({
  nodes: [...g.nodes].sort((a, b) => a.id.localeCompare(b.id)),
  edges: [...g.edges].sort((a, b) => a.id.localeCompare(b.id)),
});

beforeAll(async () => {
  db = testDb();
  app = testApp(db);
  await resetToSeed(db);
  graph = Graph.parse((await request(app).get('/api/graph')).body);
});
afterAll(async () => { await db.close(); });

describe('GET /api/export', () => {
  it.each([
    ['json', 'application/json', /^attachment; filename="maillage-\d{4}-\d{2}-\d{2}\.json"$/],
    ['csv&part=nodes', 'text/csv', /^attachment; filename="maillage-\d{4}-\d{2}-\d{2}-nodes\.csv"$/],
    ['csv&part=edges', 'text/csv', /^attachment; filename="maillage-\d{4}-\d{2}-\d{2}-edges\.csv"$/],
    ['graphml', 'application/graphml+xml', /^attachment; filename="maillage-\d{4}-\d{2}-\d{2}\.graphml"$/],
    ['gexf', 'application/gexf+xml', /^attachment; filename="maillage-\d{4}-\d{2}-\d{2}\.gexf"$/],
  ])('serves format=%s as %s with a dated attachment name', async (query, type, disposition) => {
    const res = await download(`format=${query}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain(type);
    expect(res.headers['content-disposition']).toMatch(disposition);
  });

  it.each([
    ['format=pdf', 'query.format'],
    ['format=csv', 'query.part'],
    ['format=csv&part=sources', 'query.part'],
  ])('returns 400 and the bad field for %s', async (query, field) => {
    const res = await request(app).get(`/api/export?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(res.body.error.details.issues.map((i: { field: string }) => i.field)).toContain(field);
  });

  it('gives CSV tables with one row per actor and per relationship', async () => {
    const nodes = readCsvWithPython((await download('format=csv&part=nodes')).text);
    const edges = readCsvWithPython((await download('format=csv&part=edges')).text);
    expect(nodes.map((n) => n.id).sort()).toEqual(graph.nodes.map((n) => n.id).sort());
    expect(edges).toHaveLength(graph.edges.length);
    const byId = new Map(graph.edges.map((e) => [e.id, e]));
    for (const e of edges) {
      const g = byId.get(e.id)!;
      expect([e.relationship, e.amount]).toEqual([g.type, g.amount === undefined ? '' : String(g.amount)]);
      expect(e.evidence).toContain(g.evidence[0].excerpt);
    }
  });

  it.each(['graphml', 'gexf'] as const)('gives %s that networkx reads with every actor, tie and key attribute', async (format) => {
    const g = readWithNetworkx(format, (await download(`format=${format}`)).text);
    expect(Object.keys(g.nodes).sort()).toEqual(graph.nodes.map((n) => n.id).sort());
    for (const n of graph.nodes) expect(g.nodes[n.id]).toMatchObject({ kind: n.kind });
    expect(g.edges.map((e) => e.id).sort()).toEqual(graph.edges.map((e) => e.id).sort());
    const byId = new Map<string, GraphEdge>(graph.edges.map((e) => [e.id, e]));
    for (const e of g.edges) {
      const want = byId.get(e.id as string)!;
      expect(e.relationship).toBe(want.type);
      expect(e.amount).toBe(want.amount);
      expect(e.status).toBe(want.status);
      expect(e.symmetric).toBe(want.type === 'PARTNERS_WITH');
    }
  });

  it('gives JSON that re-imports into the same graph', async () => {
    const before = await counts(db);
    const exported = Dataset.parse(JSON.parse((await download('format=json')).text));
    await wipe(db);
    expect((await counts(db)).actors).toBe(0);
    await loadDataset(db, exported);
    expect(await counts(db)).toEqual(before);
    const after = Graph.parse((await request(app).get('/api/graph')).body);
    expect(sortGraph(after)).toEqual(sortGraph(graph));
  });
});

describe('GET /api/export of a graph larger than one page', () => {
  // 3,000 actors and 12,000 ties: read and written in several pages of 5,000.
  const big = generatedDataset(3000, 12_000, { isolated: 10 });
  beforeAll(async () => { await resetTo(db, big); });

  it('streams every actor and tie once, in a file networkx reads', async () => {
    const g = readWithNetworkx('gexf', (await download('format=gexf')).text);
    expect(Object.keys(g.nodes)).toHaveLength(3000);
    const ids = g.edges.map((e) => e.id as string);
    expect(new Set(ids).size).toBe(12_000);
    expect(ids.sort()).toEqual(big.relationships.map((r) => `${r.type}:${r.source}:${r.target}`).sort());
  });

  it('streams a dataset that re-imports whole', async () => {
    const ds = Dataset.parse(JSON.parse((await download('format=json')).text));
    expect([ds.sources.length, ds.actors.length, ds.relationships.length]).toEqual([1, 3000, 12_000]);
    expect(new Set(ds.relationships.map((r) => r.id)).size).toBe(12_000);
  });

  it('streams CSV tables with one line per tie', async () => {
    const edges = readCsvWithPython((await download('format=csv&part=edges')).text);
    expect(edges).toHaveLength(12_000);
  });
});
