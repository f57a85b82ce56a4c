// The first page's answers kept on disk (server/graph/answers.ts): a server started again on the same database and
// graph version serves them without reading the graph; after a write, or on another database, it never does.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import request from 'supertest';
import { createApp } from '../../../server/app';
import type { Db } from '../../../server/db';
import { KeptAnswers, codeIdentity, graphIdentity } from '../../../server/graph/answers';
import { WholeGraph } from '../../../server/graph/whole';
import { graphRoutes } from '../../../server/routes/graph';
import { loadDataset } from '../../../server/load';
import { Q } from '../../../server/queries';
import { resetTo, testDb } from '../../support/db';
import { actor, dataset, rel } from '../../support/fixtures';
import { generatedDataset } from '../../support/generated';
import { waitFor } from '../../support/wait';

let db: Db;
let dir: string;
const NAMES = new Map(Object.entries(Q).map(([name, text]) => [text, name]));
const PAGE = ['/api/graph?max=10000', '/api/graph/stats', '/api/graph/overview?limit=50'];

/** The real database, each read noted by its query file's name. */
function recording(reads: string[]): Db {
  return new Proxy(db, {
    get(target, key) {
      if (key !== 'read' && key !== 'stream') return Reflect.get(target, key) as unknown;
      const f = Reflect.get(target, key) as (q: string, ...rest: unknown[]) => unknown;
      return (query: string, ...rest: unknown[]) => { reads.push(NAMES.get(query) ?? query); return f.call(target, query, ...rest); };
    },
  });
}

/** A server as index.ts builds it (a WholeGraph sharing the answers), started afresh on `dir`. */
function server(on: Db, answers = new KeptAnswers(dir)) {
  return { answers, app: createApp(on, { answers, whole: new WholeGraph(on, answers) }) };
}

/** The page's three answers from `app`, once each (bodies as parsed JSON). */
async function page(app: ReturnType<typeof createApp>): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const url of PAGE) out.push((await request(app).get(url).expect(200)).body);
  return out;
}

/** Serves the page once with answers in `dir`, and waits until all three are written there. */
async function keep(): Promise<unknown[]> {
  const first = server(db);
  const bodies = await page(first.app);
  await waitFor(() => first.answers.writes, (n) => n === 3, { what: 'three answers written' });
  return bodies;
}

beforeAll(() => { db = testDb(); });
beforeEach(async () => {
  await resetTo(db, generatedDataset(200, 600));
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-answers-'));
});
afterEach(() => { fs.rmSync(dir, { recursive: true, force: true }); });
afterAll(async () => { await db.close(); });

describe('the first page\'s answers kept on disk', () => {
  it('serves a server started again on the same graph without reading the graph, the same answers', async () => {
    const bodies = await keep();
    expect(fs.readdirSync(dir).sort()).toEqual(['graph.json', 'overview.json', 'stats.json']);
    const reads: string[] = [];
    const again = server(recording(reads));
    expect(await page(again.app)).toEqual(bodies);
    expect(again.answers.hits).toBe(3);
    for (const q of ['exportGraph', 'graphBreakdown', 'degreeRanking', 'actorsByIds', 'tiesAmong']) expect(reads).not.toContain(q);
  });

  it('never serves them after a write: a server started again answers the new graph', async () => {
    const [graph, stats] = (await keep()) as [{ nodes: unknown[] }, { actors: number; version: number }];
    // A new actor tied to 40 others: the largest degree (the overview's first), one actor and 40 ties more.
    await loadDataset(db, dataset([actor('newhub', 'public_body')], Array.from({ length: 40 }, (_, i) => rel('PILOTS', 'newhub', `g-${String(i * 5).padStart(5, '0')}`))));
    const reads: string[] = [];
    const again = server(recording(reads));
    const [graph2, stats2, overview2] = (await page(again.app)) as [{ nodes: { id: string }[] }, { actors: number; version: number }, { nodes: { id: string }[] }];
    expect(again.answers.hits).toBe(0);
    expect(reads).toContain('exportGraph');
    expect(graph2.nodes.length).toBe(graph.nodes.length + 1);
    expect(graph2.nodes.map((n) => n.id)).toContain('newhub');
    expect(stats2.actors).toBe(stats.actors + 1);
    expect(stats2.version).toBeGreaterThan(stats.version);
    expect(overview2.nodes[0].id).toBe('newhub');
    await waitFor(() => again.answers.writes, (n) => n === 3, { what: 'the new answers written' });
    // What a server keeping nothing answers.
    expect([graph2, stats2, overview2]).toEqual(await page(createApp(db)));
  });

  it('never serves another database\'s answers, even at the same graph version', async () => {
    await keep();
    const id = await graphIdentity(db);
    // The same files as a server of another database with this version would have left.
    for (const f of fs.readdirSync(dir)) {
      const file = path.join(dir, f);
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(id.database, 'ANOTHER-DATABASE'));
    }
    const reads: string[] = [];
    const again = server(recording(reads));
    await page(again.app);
    expect(again.answers.hits).toBe(0);
    expect(reads).toContain('exportGraph');
    await waitFor(() => again.answers.writes, (n) => n === 3, { what: 'its own answers written' });
  });

  it('never serves answers kept by other code (an upgraded server), and keeps its own', async () => {
    await keep();
    const reads: string[] = [];
    const upgraded = server(recording(reads), new KeptAnswers(dir, undefined, 'another-build'));
    await page(upgraded.app);
    expect(upgraded.answers.hits).toBe(0);
    expect(reads).toContain('exportGraph');
    await waitFor(() => upgraded.answers.writes, (n) => n === 3, { what: 'its own answers written' });
    // The code's digest covers the sources: the same tree gives the same digest, a changed file another one.
    const tree = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-code-'));
    try {
      for (const d of ['server', 'model', 'cypher']) fs.mkdirSync(path.join(tree, d, 'sub'), { recursive: true });
      fs.writeFileSync(path.join(tree, 'server', 'sub', 'a.ts'), 'export const a = 1;\n');
      fs.writeFileSync(path.join(tree, 'cypher', 'q.cypher'), 'RETURN 1\n');
      const before = codeIdentity(tree);
      expect(codeIdentity(tree)).toBe(before);
      fs.writeFileSync(path.join(tree, 'cypher', 'q.cypher'), 'RETURN 2\n');
      expect(codeIdentity(tree)).not.toBe(before);
    } finally {
      fs.rmSync(tree, { recursive: true, force: true });
    }
  });

  it('reads an unreadable or cut file as none', async () => {
    const bodies = await keep();
    fs.writeFileSync(path.join(dir, 'graph.json'), '{"key":');
    fs.writeFileSync(path.join(dir, 'stats.json'), '');
    const again = server(db);
    expect(await page(again.app)).toEqual(bodies);
    expect(again.answers.hits).toBe(1);
    await waitFor(() => again.answers.writes, (n) => n === 2, { what: 'the two answers written again' });
  });

  it('keeps the overview per limit, and one ranked by degree is not served once PageRank ranks this version', async () => {
    await keep();
    const answers = new KeptAnswers(dir);
    const other = await request(createApp(db, { answers })).get('/api/graph/overview?limit=20').expect(200);
    expect(answers.hits).toBe(0);
    expect(other.body.shown).toBe(20);
    // The metrics of this version ranking by PageRank (here: the degree order reversed).
    const { version } = await graphIdentity(db);
    const kept = (await request(server(db).app).get('/api/graph/overview?limit=50').expect(200)).body as { nodes: { id: string; kind: string }[] };
    const byPagerank = [...kept.nodes].reverse();
    const ranking = (v: number) => (v === version ? { version, ids: byPagerank.map((n) => n.id), kinds: byPagerank.map((n) => n.kind) } : undefined);
    const ranked = new KeptAnswers(dir);
    const reads: string[] = [];
    const app = express().use('/api', graphRoutes(recording(reads), { answers: ranked, ranking }));
    const res = await request(app).get('/api/graph/overview?limit=50').expect(200);
    expect(reads).toContain('actorsByIds');
    expect(res.body.rankedBy).toBe('pagerank');
    expect(res.body.nodes.map((n: { id: string }) => n.id)).toEqual(byPagerank.map((n) => n.id));
    // That answer is kept in its place, and served to the next server whatever its metrics.
    await waitFor(() => ranked.writes, (n) => n === 1, { what: 'the ranked overview written' });
    const next = server(db);
    expect((await request(next.app).get('/api/graph/overview?limit=50').expect(200)).body).toEqual(res.body);
    expect(next.answers.hits).toBe(1);
  });
});

describe('the whole network\'s pages kept on disk', () => {
  /** Every page of the unfiltered walk (`query`: more parameters), bodies as parsed JSON, and the cursors asked with. */
  async function walk(app: ReturnType<typeof createApp>, query = '') {
    const bodies: { nodes: unknown[]; edges: unknown[]; next: string | null }[] = [];
    let cursor: string | null = null;
    do {
      const res = await request(app).get(`/api/graph/elements?size=1000${query}${cursor ? `&cursor=${cursor}` : ''}`).expect(200);
      bodies.push(res.body);
      cursor = res.body.next as string | null;
    } while (cursor);
    return bodies;
  }

  beforeEach(async () => { await resetTo(db, generatedDataset(500, 1600)); });

  it('serves a server started again on the same graph every page without reading the graph, the same pages', async () => {
    const first = server(db);
    const bodies = await walk(first.app);
    expect(bodies.length).toBe(3);
    await waitFor(() => first.answers.writes, (n) => n === 3, { what: 'three pages written' });
    expect(fs.readdirSync(dir).sort()).toEqual(['elements-0.json', 'elements-1.json', 'elements-2.json']);
    const reads: string[] = [];
    const again = server(recording(reads));
    expect(await walk(again.app)).toEqual(bodies);
    expect(again.answers.hits).toBe(3);
    expect(reads).not.toContain('elementsActors');
    expect(reads).not.toContain('elementsTies');
  });

  it('keeps neither a filtered walk nor pages of fewer than 1,000 elements', async () => {
    const first = server(db);
    await walk(first.app, '&types=FUNDS');
    const small = await request(first.app).get('/api/graph/elements?size=500').expect(200);
    expect(small.body.nodes.length).toBe(500);
    await walk(first.app);
    await waitFor(() => first.answers.writes, (n) => n === 3, { what: 'the unfiltered pages written' });
    expect(fs.readdirSync(dir).sort()).toEqual(['elements-0.json', 'elements-1.json', 'elements-2.json']);
  });

  it('never serves them after a write: the walk reads the new graph, and an old cursor is refused', async () => {
    const first = server(db);
    const bodies = await walk(first.app);
    await waitFor(() => first.answers.writes, (n) => n === 3, { what: 'three pages written' });
    await loadDataset(db, dataset([actor('zz-new', 'company')], [rel('FUNDS', 'zz-new', 'g-00001')]));
    const reads: string[] = [];
    const again = server(recording(reads));
    const now = await walk(again.app);
    expect(again.answers.hits).toBe(0);
    expect(reads).toContain('elementsTies');
    expect(now.flatMap((b) => b.nodes).length).toBe(bodies.flatMap((b) => b.nodes).length + 1);
    expect((await request(again.app).get(`/api/graph/elements?size=1000&cursor=${bodies[0].next}`)).status).toBe(409);
    // The new version's pages are kept in turn (and written before the folder is removed).
    await waitFor(() => again.answers.writes, (n) => n === now.length, { what: 'the new pages written' });
  });
});

describe('KeptAnswers', () => {
  it('keeps nothing of a graph no versioned write has touched (version 0)', async () => {
    const answers = new KeptAnswers(dir);
    await answers.put('stats', { database: 'db', version: 0 }, { meta: {}, body: '{}' });
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(await answers.get('stats', { database: 'db', version: 0 })).toBeUndefined();
  });

  it('tells a folder it cannot write to once, and answers from memory meanwhile', async () => {
    const logged: string[] = [];
    const file = path.join(dir, 'not-a-folder');
    fs.writeFileSync(file, '');
    const answers = new KeptAnswers(file, (m) => logged.push(m));
    const id = { database: 'db', version: 3 };
    await answers.put('stats', id, { meta: {}, body: '{"a":1}' });
    await answers.put('graph', id, { meta: {}, body: '{}' });
    expect(logged).toHaveLength(1);
    expect((await answers.get('stats', id))?.body).toBe('{"a":1}');
    expect(await answers.get('stats', { ...id, version: 4 })).toBeUndefined();
  });

  it('refuses a name that is not a plain file name', async () => {
    await expect(new KeptAnswers(dir).put('../x', { database: 'db', version: 1 }, { meta: {}, body: '' })).rejects.toThrow(/not an answer name/);
  });
});

