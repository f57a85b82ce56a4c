// The warm-up runs every query a first interaction runs, in the parameter types and size classes Neo4j plans by:
// the routes, recorded on the real database, read nothing it has not (a query it misses, or asks in another size
// class, would be planned on the first click).
import request from 'supertest';
import type { Express } from 'express';
import type { Db, Params } from '../../server/db';
import { WARM_UP_STEPS, warmUp } from '../../server/warm-up';
import { Q } from '../../server/queries';
import { testApp } from '../support/app';
import { resetToSeed, testDb } from '../support/db';

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
function recording(into: Set<string>): Db {
  return new Proxy(db, {
    get(target, key) {
      if (key !== 'read') return Reflect.get(target, key) as unknown;
      return (query: string, params?: Params) => { into.add(`${NAMES.get(query) ?? query} (${signature(params)})`); return target.read(query, params); };
    },
  });
}

/** What the warm-up plans, as query names and signatures. */
async function warmed(): Promise<Set<string>> {
  const seen = new Set<string>();
  await warmUp(recording(seen));
  return seen;
}

/** What `ask` makes the routes read that the warm-up did not. */
async function unwarmed(ask: (app: Express) => Promise<unknown>): Promise<string[]> {
  const routes = new Set<string>();
  await ask(testApp(recording(routes)));
  const w = await warmed();
  return [...routes].filter((x) => !w.has(x));
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
