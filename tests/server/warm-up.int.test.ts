// The warm-up runs every query a first interaction runs, in the parameter types and size classes Neo4j plans by:
// the routes, recorded on the real database, read nothing it has not (a query it misses, or asks in another size
// class, would be planned on the first click).
import { EventEmitter } from 'node:events';
import request from 'supertest';
import type { Express, Request, Response } from 'express';
import type { Db, Params } from '../../server/db';
import { PageActivity, WARM_UP_STEPS, warmUp, type WarmUpOptions } from '../../server/warm-up';
import { Q } from '../../server/queries';
import { createApp } from '../../server/app';
import { WholeGraph } from '../../server/graph/whole';
import { testApp } from '../support/app';
import { resetToSeed, testDb } from '../support/db';
import { waitFor } from '../support/wait';

let db: Db;
let app: Express;

beforeAll(async () => {
  db = testDb();
  app = testApp(db);
  await resetToSeed(db);
});
afterAll(async () => { await db.close(); });

/** Empties Neo4j's query cache and says how many queries it held ("…cleared of N queries." / "…already empty."). */
async function clearCache(): Promise<number> {
  const [row] = await db.read('CALL db.clearQueryCaches()');
  const m = /of (\d+) quer/.exec(String(row.value));
  return m ? Number(m[1]) : 0;
}

/** Neo4j's size class of a string's length or a list's size (the cache test below checks the bounds used here). */
const sizeClass = (n: number) => (n <= 1 ? String(n) : n <= 10 ? '≤10' : n <= 100 ? '≤100' : n <= 1000 ? '≤1000' : 'more');
/** What Neo4j plans a query by, besides its text: each parameter's type and size class. */
function signature(params: Params = {}): string {
  const kind = (v: unknown): string => (v === null || v === undefined ? 'null' : typeof v === 'string' ? `string ${sizeClass(v.length)}`
    : typeof v === 'number' ? (Number.isInteger(v) ? 'int' : 'float') : Array.isArray(v) ? `list ${sizeClass(v.length)}`
      : typeof v === 'object' ? 'map' : typeof v);
  return Object.keys(params).sort().map((k) => `${k}: ${kind(params[k])}`).join(', ');
}
const NAMES = new Map(Object.entries(Q).map(([name, text]) => [text, name]));

/** The real database, each read noted as the query file's name and its parameters' signature. */
function recording(into: { add(x: string): unknown }): Db {
  return new Proxy(db, {
    get(target, key) {
      if (key !== 'read') return Reflect.get(target, key) as unknown;
      return (query: string, params?: Params) => { into.add(`${NAMES.get(query) ?? query} (${signature(params)})`); return target.read(query, params); };
    },
  });
}

/** What the warm-up plans, as query names and signatures. */
async function warmed(opts: WarmUpOptions = {}): Promise<Set<string>> {
  const seen = new Set<string>();
  await warmUp(recording(seen), opts);
  return seen;
}

/**
 * The background scans' own reads (server/graph/digest.ts: the kept result, the version and size a scan is of):
 * digests.watch() runs them as the server starts, before and beside any page.
 */
const SCANS = ['graphDigestRead '];

/** What `ask` makes the routes read that the warm-up did not. */
async function unwarmed(ask: (app: Express) => Promise<unknown>, opts: WarmUpOptions = {}): Promise<string[]> {
  const routes = new Set<string>();
  await ask(testApp(recording(routes)));
  const w = await warmed(opts);
  return [...routes].filter((x) => !w.has(x) && !SCANS.some((s) => x.startsWith(s)));
}

describe('warmUp', () => {
  it('runs every step on a graph with actors and ties', async () => {
    const report = await warmUp(db);
    expect(report).toMatchObject({ skipped: 0, failed: 0 });
    // Each step ran for the actor and the tie its search found, besides the ids that name nothing.
    expect(report.ran).toBeGreaterThan(WARM_UP_STEPS.length * 2);
  });

  it('is right about the cache: Neo4j plans a query once per size class of its parameters', async () => {
    const planned = async (...ids: string[]) => {
      await clearCache();
      for (const id of ids) await db.read(Q.actorNode, { id });
      return clearCache();
    };
    expect(await planned('ab', 'bpifrance')).toBe(1);
    expect(await planned('bpifrance', 'caisse-des-depots')).toBe(2);
  });

  // What the client asks on a first selection, expansion, search, tie or funding tab (client/api.ts, panels).
  const tie = async () => {
    const d = await request(app).get('/api/actors/aix-marseille-french-tech?limit=25').expect(200);
    return d.body.relationships[0] as { id: string; type: string };
  };
  it.each<[string, (a: Express) => Promise<unknown>]>([
    ['the details of an actor', (a) => request(a).get('/api/actors/aix-marseille-french-tech?limit=25').expect(200)],
    ['the details of an actor with a short id', (a) => request(a).get('/api/actors/bpifrance?limit=25').expect(200)],
    ['a neighbourhood with a short id', (a) => request(a).get('/api/actors/bpifrance/neighborhood?depth=1&limit=150').expect(200)],
    ['a neighbourhood, one level', (a) => request(a).get('/api/actors/aix-marseille-french-tech/neighborhood?depth=1&limit=150').expect(200)],
    ['a neighbourhood of one type', (a) => request(a).get('/api/actors/aix-marseille-french-tech/neighborhood?depth=1&types=FUNDS').expect(200)],
    ['a neighbourhood of two types', (a) => request(a).get('/api/actors/aix-marseille-french-tech/neighborhood?types=FUNDS,PILOTS').expect(200)],
    ['a neighbourhood, two levels', (a) => request(a).get('/api/actors/aix-marseille-french-tech/neighborhood?depth=2').expect(200)],
    ['a search', (a) => request(a).get('/api/actors?q=french%20tech&limit=12').expect(200)],
    ['a search of one word', (a) => request(a).get('/api/actors?q=bpi&limit=12').expect(200)],
    ['a search with a typo (fuzzy fallback)', (a) => request(a).get('/api/actors?q=medinsfot&limit=12').expect(200)],
    ['a tie with its evidence, by type', async (a) => { const t = await tie(); await request(a).get(`/api/relationships/${t.id}?type=${t.type}`).expect(200); }],
    ['a tie with its evidence, without type', async (a) => { const t = await tie(); await request(a).get(`/api/relationships/${t.id}`).expect(200); }],
    ['funding chains upstream', (a) => request(a).get('/api/actors/aix-marseille-french-tech/funding?direction=upstream&maxDepth=4').expect(200)],
    ['funding chains downstream', (a) => request(a).get('/api/actors/caisse-des-depots/funding?direction=downstream').expect(200)],
  ])('leaves nothing to plan for %s', async (_what, ask) => {
    expect(await unwarmed(ask)).toEqual([]);
  });

  // What the first page asks (client/main.ts, panels): the counts, the whole graph when small or else the overview,
  // the session and the sources.
  // (Three values a row: jest would take a missing third for a `done` callback.)
  it.each<[string, (a: Express) => Promise<unknown>, WarmUpOptions]>([
    ['the counts', (a) => request(a).get('/api/graph/stats').expect(200), {}],
    ['the whole graph', (a) => request(a).get('/api/graph?max=10000').expect(200), {}],
    ['the session', (a) => request(a).get('/api/session').expect(200), {}],
    ['the sources', (a) => request(a).get('/api/sources').expect(200), {}],
  ])('leaves nothing to plan for a first page: %s', async (_what, ask, opts) => {
    expect(await unwarmed(ask, opts)).toEqual([]);
  });

  it('leaves nothing to plan for the first page of a large graph, its overview', async () => {
    // The seed is small: the warm-up is told the page asks its overview (wholeMax 0), as past 10,000 elements. Its
    // 86 actors make a list of ≤ 100 ids where a large graph's overview names 300 (≤ 1000, what the warm-up plans).
    const routes = new Set<string>();
    await request(testApp(recording(routes))).get('/api/graph/overview?limit=300').expect(200);
    const w = await warmed({ wholeMax: 0 });
    const left = [...routes].map((x) => x.replace('ids: list ≤100,', 'ids: list ≤1000,').replace(/ids: list ≤100\)$/, 'ids: list ≤1000)'))
      .filter((x) => !w.has(x) && !SCANS.some((s) => x.startsWith(s)));
    expect(left).toEqual([]);
  });

  it('leaves nothing to plan for the whole network on demand of a large graph, page by page', async () => {
    // The seed is small: the warm-up is told it is large (wholeMax 0), as past 10,000 elements. Pages of 20 walk its
    // actors, then its ties, through every kind of cursor (the start, an actor's and a tie's ids, each type).
    const routes = new Set<string>();
    const a = testApp(recording(routes));
    let cursor: string | undefined;
    let pages = 0;
    do {
      const r = await request(a).get(`/api/graph/elements?size=20${cursor ? `&cursor=${cursor}` : ''}`).expect(200);
      cursor = r.body.next ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBeGreaterThan(5);
    const w = await warmed({ wholeMax: 0 });
    expect([...routes].filter((x) => !w.has(x) && !SCANS.some((s) => x.startsWith(s)))).toEqual([]);
    // A graph past the whole limit has no whole network to load: nothing of it is planned.
    expect([...(await warmed({ wholeMax: 0, wholeLimit: 10 }))].filter((x) => x.startsWith('elements'))).toEqual([]);
  });

  it('leaves the first page\'s queries to a page that came first, and waits while it loads before the others', async () => {
    const pages = new PageActivity(0);
    const order: string[] = [];
    const note = { add: (x: string) => order.push(x.split(' ')[0]) };
    // A page's request for its network, in flight until its response ends.
    const res = new EventEmitter();
    pages.watch({ path: '/' } as Request, res as unknown as Response, () => undefined);
    const run = warmUp(recording(note), { pages });
    await waitFor(() => pages.waiting, (n) => n === 1);
    // Only the size was read (the later steps use it); the page plans its own queries.
    expect(order).toEqual(['graphTotals']);
    order.push('page answered');
    res.emit('finish');
    const report = await run;
    expect(report.failed).toBe(0);
    expect(order.slice(0, 3)).toEqual(['graphTotals', 'page answered', 'actorSearch']);
    expect(order).not.toContain('exportGraph');
    expect(order).toEqual(expect.arrayContaining(['actor', 'neighborhood', 'fundingDownstream']));
  });

  it('plans the first page\'s queries first when no page came, then the first click\'s', async () => {
    const order: string[] = [];
    await warmUp(recording({ add: (x: string) => order.push(x.split(' ')[0]) }), { pages: new PageActivity(0) });
    expect(order.slice(0, 8)).toEqual(['userCount', 'graphIdentity', 'graphVersion', 'graphTotals', 'exportGraph', 'sources', 'actorSearch', 'actor']);
  });

  it('fills the whole graph\'s kept answer, so that the first page gets it without reading', async () => {
    const reads: string[] = [];
    const whole = new WholeGraph(recording({ add: (x: string) => reads.push(x.split(' ')[0]) }));
    const report = await warmUp(db, { whole, pages: new PageActivity(0) });
    expect(report.failed).toBe(0);
    expect(reads).toEqual(['exportGraph']);
    // The app sharing it answers the first page from it, the same body as an app that reads.
    const kept = await request(createApp(db, { whole })).get('/api/graph?max=10000').expect(200);
    expect(reads).toEqual(['exportGraph']);
    const read = await request(app).get('/api/graph?max=10000').expect(200);
    expect(kept.body).toEqual(read.body);
    expect(kept.body.nodes.length).toBeGreaterThan(0);
    // A write moves the version: the next page reads the graph again.
    await db.write(Q.bumpVersion);
    await request(createApp(db, { whole })).get('/api/graph?max=10000').expect(200);
    expect(reads).toEqual(['exportGraph', 'exportGraph']);
  });

  it('sees a route query it does not run, and one asked in another size class', async () => {
    // The paths route is not warmed (no click asks it); nor is an id of one character (its own size class).
    expect(await unwarmed((a) => request(a).get('/api/paths?from=caisse-des-depots&to=bpifrance').expect(200))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^pathsBetween /)]),
    );
    expect(await unwarmed((a) => request(a).get('/api/actors/x/neighborhood').expect(404))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^neighborhood \(depth: int, id: string 1,/)]),
    );
  });

});
