// Large-graph routes on a generated graph of 3,000 actors / 9,000 ties: stats, overview, elements, one tie,
// the limits. The expected answers come from the client's own filter predicates (client/state/view-state.ts)
// applied to the dataset, so server and client are held to one meaning of each filter.
import request from 'supertest';
import type { Express } from 'express';
import {
  ACTOR_KINDS, REL_STATUSES, REL_TYPES, ElementsPage, GraphStats, OverviewResponse, RelationshipDetail,
  type ActorKind, type RelStatus, type RelType,
} from '../../../model/schema';
import { EMPTY_VIEW, visibleIds, type ViewState } from '../../../client/state/view-state';
import { createApp } from '../../../server/app';
import type { Db } from '../../../server/db';
import { filterParams } from '../../../server/graph/filters';
import { actorsAndTies } from '../../../server/graph/overview';
import { loadDataset } from '../../../server/load';
import { resetTo, testDb } from '../../support/db';
import { actor, dataset, rel, type DatasetInput } from '../../support/fixtures';
import { generatedDataset } from '../../support/generated';

let db: Db;
let app: Express;
const ds = generatedDataset(3000, 9000, { isolated: 40 });
const nodes = ds.actors.map((a) => ({ id: a.id, kind: a.kind }));
const edges = ds.relationships.map((r) => ({
  id: `${r.type}:${r.source}:${r.target}`, source: r.source, target: r.target, type: r.type, status: r.status ?? 'effective', amount: r.amount, date: r.date,
}));

beforeAll(async () => {
  db = testDb();
  app = createApp(db);
  await resetTo(db, ds);
});
afterAll(async () => { await db.close(); });

interface Filters { kinds?: ActorKind[]; types?: RelType[]; statuses?: RelStatus[]; year?: number; amountMin?: number; amountMax?: number; hideIsolated?: boolean }

/** The filters as the client's view state (what it switches off) and as a query string. */
const asView = (f: Filters): ViewState => ({
  ...EMPTY_VIEW,
  offKinds: f.kinds ? ACTOR_KINDS.filter((k) => !f.kinds!.includes(k)) : [],
  offTypes: f.types ? REL_TYPES.filter((t) => !f.types!.includes(t)) : [],
  offStatuses: f.statuses ? REL_STATUSES.filter((s) => !f.statuses!.includes(s)) : [],
  year: f.year, amountMin: f.amountMin, amountMax: f.amountMax, hideIsolated: f.hideIsolated ?? false,
});
const qs = (f: Filters) =>
  Object.entries(f).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${encodeURIComponent(Array.isArray(v) ? v.join(',') : String(v))}`).join('&');

const degree = new Map<string, number>();
for (const e of edges) for (const end of [e.source, e.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
const byDegree = [...nodes].sort((a, b) => (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0) || (a.id < b.id ? -1 : 1));

const FILTERS: [string, Filters][] = [
  ['no filter', {}],
  ['two kinds', { kinds: ['company', 'public_body'] }],
  ['FUNDS from 50,000 to 2,000,000 EUR', { types: ['FUNDS'], amountMin: 50_000, amountMax: 2_000_000 }],
  ['as of 2012, effective and planned', { year: 2012, statuses: ['effective', 'planned'] }],
  ['amount bound with every type', { amountMin: 1_000_000 }],
  ['kinds, types, year and isolated actors hidden', { kinds: ['company', 'investor', 'local_authority', 'label'], types: ['FUNDS', 'LABELS'], year: 2015, hideIsolated: true }],
];

describe('GET /api/graph/stats', () => {
  it('counts actors by kind, ties by type and status, years with the undated, and FUNDS amounts', async () => {
    const res = await request(app).get('/api/graph/stats');
    expect(res.status).toBe(200);
    const s = GraphStats.parse(res.body);
    const count = <K extends string>(keys: readonly K[], of: (k: K) => number) => Object.fromEntries(keys.map((k) => [k, of(k)]));
    expect(s).toMatchObject({
      actors: 3000, relationships: 9000, sources: 1,
      kinds: count(ACTOR_KINDS, (k) => nodes.filter((n) => n.kind === k).length),
      types: count(REL_TYPES, (t) => edges.filter((e) => e.type === t).length),
      statuses: count(REL_STATUSES, (st) => edges.filter((e) => e.status === st).length),
      wholeLimit: 50_000, graphLimit: 20_000,
    });
    const years = edges.flatMap((e) => (e.date ? [Number(e.date.slice(0, 4))] : []));
    expect(s.years.undated).toBe(edges.filter((e) => !e.date).length);
    expect(s.years.counts.reduce((n, y) => n + y.relationships, 0)).toBe(years.length);
    expect(s.years.counts.find((y) => y.year === 2010)?.relationships).toBe(years.filter((y) => y === 2010).length);
    const amounts = edges.flatMap((e) => (e.type === 'FUNDS' && e.amount !== undefined ? [e.amount] : []));
    expect(s.amounts).toEqual({
      min: amounts.reduce((m, x) => Math.min(m, x), Infinity), max: amounts.reduce((m, x) => Math.max(m, x), 0),
      known: amounts.length, unknown: edges.filter((e) => e.type === 'FUNDS').length - amounts.length,
    });
  });
});

describe('GET /api/graph/overview', () => {
  it('shows the 300 actors with most ties out of 3,000, and the ties among them', async () => {
    const res = await request(app).get('/api/graph/overview');
    expect(res.status).toBe(200);
    const o = OverviewResponse.parse(res.body);
    expect(o).toMatchObject({ total: 3000, matching: 3000, shown: 300, rankedBy: 'degree', relationships: { total: 9000, matching: 9000 } });
    expect(o.nodes.map((n) => n.id)).toEqual(byDegree.slice(0, 300).map((n) => n.id));
    for (const n of o.nodes) expect(n.degree).toBe(degree.get(n.id));
    const shown = new Set(o.nodes.map((n) => n.id));
    expect(o.edges.map((e) => e.id).sort()).toEqual(edges.filter((e) => shown.has(e.source) && shown.has(e.target)).map((e) => e.id).sort());
    expect(o.relationships.shown).toBe(o.edges.length);
    expect(o.edges[0]).not.toHaveProperty('evidence');
  });

  it.each(FILTERS)('counts and shows only what passes: %s', async (_label, f) => {
    const res = await request(app).get(`/api/graph/overview?limit=150&${qs(f)}`);
    expect(res.status).toBe(200);
    const o = OverviewResponse.parse(res.body);
    const want = visibleIds(asView(f), nodes, edges);
    expect(o.matching).toBe(want.nodes.size);
    expect(o.relationships.matching).toBe(want.edges.size);
    expect(o.shown).toBe(Math.min(150, want.nodes.size));
    expect(o.nodes.map((n) => n.id)).toEqual(byDegree.filter((n) => want.nodes.has(n.id)).slice(0, 150).map((n) => n.id));
    const shown = new Set(o.nodes.map((n) => n.id));
    const expected = edges.filter((e) => want.edges.has(e.id) && shown.has(e.source) && shown.has(e.target)).map((e) => e.id);
    expect(o.edges.map((e) => e.id).sort()).toEqual(expected.sort());
  });

  it('finds the ties among a set from either end: the sets of most ties out and most ties in', async () => {
    const outs = new Map<string, number>();
    const ins = new Map<string, number>();
    for (const e of edges) { outs.set(e.source, (outs.get(e.source) ?? 0) + 1); ins.set(e.target, (ins.get(e.target) ?? 0) + 1); }
    const top = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, 200).map(([id]) => id);
    const sum = (ids: string[], m: Map<string, number>) => ids.reduce((t, id) => t + (m.get(id) ?? 0), 0);
    const sets = [top(outs), top(ins)];
    // One set is read from its targets' incoming ties, the other from its sources' outgoing ones.
    expect(sum(sets[0], outs)).toBeGreaterThan(sum(sets[0], ins));
    expect(sum(sets[1], outs)).toBeLessThanOrEqual(sum(sets[1], ins));
    for (const ids of sets) {
      const { edges: got } = await actorsAndTies(db, filterParams({}), ids);
      const set = new Set(ids);
      expect(got.map((e) => e.id).sort()).toEqual(edges.filter((e) => set.has(e.source) && set.has(e.target)).map((e) => e.id).sort());
    }
  });

  it('returns 400 naming the filter that is wrong', async () => {
    for (const [q, field] of [['kinds=company,alien', 'query.kinds'], ['amountMin=10&amountMax=5', 'query.amountMax'], ['year=twenty', 'query.year'], ['limit=0', 'query.limit'], ['statuses=done', 'query.statuses']]) {
      const res = await request(app).get(`/api/graph/overview?${q}`);
      expect(res.status).toBe(400);
      expect(res.body.error.details.issues.map((i: { field: string }) => i.field.replace(/\.\d+$/, ''))).toContain(field);
    }
  });
});

/** Every page of one walk, following `next`. */
async function walk(a: Express, f: Filters, size: number): Promise<ElementsPage[]> {
  const pages: ElementsPage[] = [];
  let next: string | null = null;
  do {
    const res = await request(a).get(`/api/graph/elements?size=${size}&${qs(f)}${next ? `&cursor=${next}` : ''}`);
    expect(res.status).toBe(200);
    pages.push(ElementsPage.parse(res.body));
    next = pages[pages.length - 1].next;
  } while (next !== null && pages.length < 100);
  return pages;
}

describe('GET /api/graph/elements', () => {
  it.each(FILTERS)('pages through everything that passes, once each, ends before ties: %s', async (_label, f) => {
    const pages = await walk(app, f, 1000);
    const want = visibleIds(asView(f), nodes, edges);
    expect(pages[0].matching).toEqual({ actors: want.nodes.size, relationships: want.edges.size });
    const got = { nodes: pages.flatMap((p) => p.nodes.map((n) => n.id)), edges: pages.flatMap((p) => p.edges.map((e) => e.id)) };
    expect(got.nodes.length).toBe(new Set(got.nodes).size);
    expect(got.edges.length).toBe(new Set(got.edges).size);
    expect(new Set(got.nodes)).toEqual(want.nodes);
    expect(new Set(got.edges)).toEqual(want.edges);
    for (const p of pages) expect(p.nodes.length + p.edges.length).toBeLessThanOrEqual(1000);
    // Every tie arrives after both its ends.
    const seen = new Set<string>();
    for (const p of pages) {
      for (const n of p.nodes) seen.add(n.id);
      for (const e of p.edges) expect(seen.has(e.source) && seen.has(e.target)).toBe(true);
    }
  });

  it('gives the same elements whatever the page size', async () => {
    const ids = (pages: ElementsPage[]) => pages.flatMap((p) => [...p.nodes.map((n) => n.id), ...p.edges.map((e) => e.id)]);
    const f: Filters = { types: ['PILOTS'], kinds: ['company', 'association', 'label'] };
    expect(ids(await walk(app, f, 37))).toEqual(ids(await walk(app, f, 5000)));
  });

  it('refuses a cursor made with other filters, or that is not one', async () => {
    const [first] = await walk(app, { types: ['FUNDS'] }, 10).then((p) => p.slice(0, 1));
    const other = await request(app).get(`/api/graph/elements?size=10&types=PILOTS&cursor=${first.next}`);
    expect(other.status).toBe(400);
    expect(other.body.error.details.issues[0].field).toBe('query.cursor');
    for (const cursor of ['not-a-cursor', encodeURIComponent('🏻🏻'), 'eyJ2Ij.oxfQ']) {
      const junk = await request(app).get(`/api/graph/elements?cursor=${cursor}`);
      expect(junk.status).toBe(400);
      expect(junk.body.error.details.issues[0].field).toBe('query.cursor');
    }
  });

  it('answers 413 with the counts when the filters leave more than the whole-network limit', async () => {
    const small = createApp(db, { limits: { graph: 20_000, whole: 2000 } });
    const res = await request(small).get('/api/graph/elements');
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ name: 'GraphTooLarge', details: { actors: 3000, relationships: 9000, limit: 2000 } });
    const narrowed = await request(small).get('/api/graph/elements?kinds=company,investor&types=FUNDS');
    expect(narrowed.status).toBe(200);
  });
});

describe('GET /api/graph past its limit', () => {
  it('refuses with 413 and says where to go instead', async () => {
    const res = await request(createApp(db, { limits: { graph: 5000, whole: 50_000 } })).get('/api/graph');
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ name: 'GraphTooLarge', details: { actors: 3000, relationships: 9000, limit: 5000 } });
    expect(res.body.error.details.use).toContain('/api/graph/overview');
  });

  it('answers the whole graph below it', async () => {
    const res = await request(app).get('/api/graph');
    expect(res.status).toBe(200);
    expect(res.body.nodes).toHaveLength(3000);
    expect(res.body.edges).toHaveLength(9000);
  });
});

describe('GET /api/relationships/:id', () => {
  it('gives one tie with its evidence, its ends and its sources', async () => {
    const e = ds.relationships.find((r) => r.type === 'FUNDS' && r.amount !== undefined && r.date !== undefined)!;
    const res = await request(app).get(`/api/relationships/${encodeURIComponent(`FUNDS:${e.source}:${e.target}`)}`);
    expect(res.status).toBe(200);
    const d = RelationshipDetail.parse(res.body);
    expect(d.relationship).toMatchObject({ type: 'FUNDS', source: e.source, target: e.target, amount: e.amount, date: e.date, evidence: e.evidence });
    expect(d.ends.source.id).toBe(e.source);
    expect(d.ends.target.id).toBe(e.target);
    expect(d.sources.map((s) => s.id)).toEqual(['fixture']);
  });

  it('returns 404 for an unknown tie and 400 for a malformed id', async () => {
    expect((await request(app).get('/api/relationships/FUNDS:nobody:none')).status).toBe(404);
    const bad = await request(app).get(`/api/relationships/${encodeURIComponent('a b')}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].field).toBe('params.id');
  });
});

describe('cursors and ids across writes', () => {
  it('refuses to continue a walk after the graph changed (409), and asks which tie when two types share an id', async () => {
    const small: DatasetInput = dataset([actor('a'), actor('b'), actor('c')], [rel('FUNDS', 'a', 'b', { id: 'shared' }), rel('PILOTS', 'b', 'c')]);
    await resetTo(db, small);
    const first = await request(app).get('/api/graph/elements?size=2');
    expect(first.body.next).not.toBeNull();
    await loadDataset(db, dataset([actor('a'), actor('c')], [rel('PILOTS', 'a', 'c', { id: 'shared' })]));
    const after = await request(app).get(`/api/graph/elements?size=2&cursor=${first.body.next}`);
    expect(after.status).toBe(409);
    expect(after.body.error.name).toBe('GraphChanged');

    const both = await request(app).get('/api/relationships/shared');
    expect(both.status).toBe(409);
    expect(both.body.error).toMatchObject({ name: 'AmbiguousId', details: { candidates: ['FUNDS', 'PILOTS'], field: 'query.type' } });
    const one = await request(app).get('/api/relationships/shared?type=PILOTS');
    expect(one.status).toBe(200);
    expect(one.body.relationship).toMatchObject({ type: 'PILOTS', source: 'a', target: 'c' });
  });
});
