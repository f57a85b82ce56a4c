import request from 'supertest';
import type { Express } from 'express';
import { Dataset, Graph, type GraphEdge } from '../../../model/schema';
import type { Db } from '../../../server/db';
import { counts, loadDataset } from '../../../server/load';
import { testApp } from '../../support/app';
import { resetTo, resetToSeed, testDb, wipe } from '../../support/db';
import { readCsvWithPython, readWithNetworkx } from '../../support/readers';
import { generatedDataset } from '../../support/generated';
import { actor, dataset, FIXTURE_SOURCE, rel } from '../../support/fixtures';

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

describe('GET /api/export of merged actors and conflicting claims', () => {
  const NEW_SOURCE = { title: 'Rapport annuel 2016', publisher: 'Région Sud', date: '2016-12' };
  const NEW_SOURCE_ID = 'region-sud-rapport-annuel-2016-2016-12';
  const CLAIMS = [{ amount: 50000, date: '2016', sources: [FIXTURE_SOURCE.id] }, { amount: 60000, sources: [NEW_SOURCE_ID] }];
  const CLAIMS_TEXT = `amount=50000 date=2016 sources=${FIXTURE_SOURCE.id} | amount=60000 sources=${NEW_SOURCE_ID}`;

  // Made through the API as an editor would: a merge (medinsoft-asso into medinsoft), then a second source
  // stating another amount (a conflicting claim).
  beforeAll(async () => {
    await resetTo(db, dataset(
      [actor('region', 'local_authority', { name: 'Région Sud' }), actor('medinsoft', 'association', { name: 'Medinsoft' }),
        actor('medinsoft-asso', 'association', { name: 'Association Medinsoft' }), actor('wiko', 'company', { name: 'Wiko' })],
      [rel('FUNDS', 'region', 'medinsoft', { amount: 50000, date: '2016' }), rel('PARTNERS_WITH', 'medinsoft-asso', 'wiko')],
    ));
    const preview = await request(app).post('/api/actors/medinsoft/merge').send({ other: 'medinsoft-asso', preview: true }).expect(200);
    await request(app).post('/api/actors/medinsoft/merge').send({ other: 'medinsoft-asso', versions: preview.body.versions, provenance: { reason: 'doublons' } }).expect(200);
    const t = (await request(app).get('/api/relationships/FUNDS:region:medinsoft')).body;
    await request(app).post('/api/relationships/FUNDS:region:medinsoft/evidence').send({ version: t.version, source: NEW_SOURCE, excerpt: '60 000 € à Medinsoft', amount: 60000 }).expect(201);
  });

  it('gives JSON with the merged ids and the claims, which re-imports with the old id still resolving', async () => {
    const ds = Dataset.parse(JSON.parse((await download('format=json')).text));
    expect(ds.actors.find((a) => a.id === 'medinsoft')?.mergedIds).toEqual(['medinsoft-asso']);
    expect(ds.actors.find((a) => a.id === 'wiko')?.mergedIds).toBeUndefined();
    expect(ds.relationships.find((r) => r.id === 'FUNDS:region:medinsoft')?.claims).toEqual(CLAIMS);
    expect(ds.relationships.find((r) => r.id === 'PARTNERS_WITH:medinsoft-asso:wiko')?.claims).toBeUndefined();
    await wipe(db);
    await loadDataset(db, ds);
    expect((await request(app).get('/api/actors/medinsoft-asso')).body).toMatchObject({ actor: { id: 'medinsoft', mergedIds: ['medinsoft-asso'] }, resolvedFrom: 'medinsoft-asso' });
    expect((await request(app).get('/api/relationships/FUNDS:region:medinsoft')).body.relationship).toMatchObject({ amount: 50000, claims: CLAIMS });
  });

  it('gives CSV with a mergedIds column for actors and a claims column for ties', async () => {
    const nodes = readCsvWithPython((await download('format=csv&part=nodes')).text);
    expect(nodes.map((n) => [n.id, n.mergedIds])).toEqual([['medinsoft', 'medinsoft-asso'], ['region', ''], ['wiko', '']]);
    const edges = readCsvWithPython((await download('format=csv&part=edges')).text);
    const byId = Object.fromEntries(edges.map((e) => [e.id, e]));
    expect(byId['FUNDS:region:medinsoft']).toMatchObject({ amount: '50000', claims: CLAIMS_TEXT });
    expect(byId['PARTNERS_WITH:medinsoft-asso:wiko'].claims).toBe('');
  });

  it.each(['graphml', 'gexf'] as const)('gives %s with mergedIds on actors, and disputed and claims on ties', async (format) => {
    const g = readWithNetworkx(format, (await download(`format=${format}`)).text);
    expect(g.nodes.medinsoft).toMatchObject({ mergedIds: 'medinsoft-asso' });
    expect(g.nodes.wiko.mergedIds).toBeUndefined();
    const byId = Object.fromEntries(g.edges.map((e) => [e.id as string, e]));
    expect(byId['FUNDS:region:medinsoft']).toMatchObject({ amount: 50000, disputed: true, claims: CLAIMS_TEXT });
    expect(byId['PARTNERS_WITH:medinsoft-asso:wiko']).toMatchObject({ disputed: false });
    expect(byId['PARTNERS_WITH:medinsoft-asso:wiko'].claims).toBeUndefined();
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
