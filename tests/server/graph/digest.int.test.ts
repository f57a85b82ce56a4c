// The whole-graph scans served from their last result (server/graph/digest.ts): right after a write the stats
// and the overview answer at once with the totals of the graph as it is and the breakdown and ranking of the
// previous version, saying so; once the scan is done, the new ones. Kept in Neo4j across restarts.
import request from 'supertest';
import { GraphStats, OverviewResponse } from '../../../model/schema';
import { createApp } from '../../../server/app';
import type { Db } from '../../../server/db';
import { BackgroundDigest, GraphDigests, readSize, type DigestSpec } from '../../../server/graph/digest';
import { graphVersion } from '../../../server/graph/version';
import { loadDataset } from '../../../server/load';
import { resetTo, testDb } from '../../support/db';
import { actor, dataset, rel } from '../../support/fixtures';
import { generatedDataset } from '../../support/generated';
import { waitFor } from '../../support/wait';

let db: Db;
const ds = generatedDataset(400, 1200);

/** Forgets what earlier test files kept, so that each test knows what is kept. */
const forgetKept = () => db.write('MATCH (d:GraphDigest) DETACH DELETE d');

beforeAll(async () => {
  db = testDb();
});
beforeEach(async () => {
  await resetTo(db, ds);
  await forgetKept();
});
afterAll(async () => { await db.close(); });

// A new actor tied to 60 others: more ties than any generated actor has (the ranking's new first), while the
// graph grows by 4 % (an edit-sized change: the previous results are served meanwhile).
const newHub = dataset([actor('newhub', 'public_body')], Array.from({ length: 60 }, (_, i) => rel('PILOTS', 'newhub', `g-${String(i * 5).padStart(5, '0')}`)));

const get = async <T>(app: ReturnType<typeof createApp>, url: string, schema: { parse(x: unknown): T }): Promise<T> => {
  const res = await request(app).get(url);
  expect(res.status).toBe(200);
  return schema.parse(res.body);
};

describe('stats and overview of a large graph after a write', () => {
  // inlineMax 0: this small graph is treated as a large one (nothing computed inside a request but the first time).
  it('answers at once with the previous breakdown and ranking, says so, then serves the new ones', async () => {
    const digests = new GraphDigests(db, { inlineMax: 0 });
    const app = createApp(db, { digests });
    // Nothing kept: the first answers wait for their scan.
    const s0 = await get(app, '/api/graph/stats', GraphStats);
    const o0 = await get(app, '/api/graph/overview?limit=20', OverviewResponse);
    expect(s0.breakdown).toEqual({ version: s0.version, status: 'fresh' });
    expect(o0.ranking).toEqual({ version: o0.version, status: 'fresh' });
    expect(o0.nodes.map((n) => n.id)).not.toContain('newhub');

    await loadDataset(db, newHub);
    // The overview first: the stats request starts the ranking's scan too (the overview comes next in a page).
    const o1 = await get(app, '/api/graph/overview?limit=20', OverviewResponse);
    const s1 = await get(app, '/api/graph/stats', GraphStats);
    // The totals are the graph's as it is now (count store)…
    expect(s1.version).toBeGreaterThan(s0.version);
    expect(s1).toMatchObject({ actors: 401, relationships: 1260, types: { ...s0.types, PILOTS: s0.types.PILOTS + 60 } });
    expect(o1).toMatchObject({ version: s1.version, total: 401, relationships: { total: 1260 } });
    // …the breakdown and the ranking are the previous version's, and say so.
    expect(s1.breakdown).toEqual({ version: s0.version, status: 'stale' });
    expect(s1.statuses).toEqual(s0.statuses);
    expect(o1.ranking).toEqual({ version: o0.version, status: 'stale' });
    expect(o1.nodes.map((n) => n.id)).toEqual(o0.nodes.map((n) => n.id));
    // The actors shown are read as they are now: the hubs newhub is tied to count its ties.
    expect(o1.nodes.find((n) => n.id === 'g-00000')?.degree).toBe((o0.nodes.find((n) => n.id === 'g-00000')?.degree ?? 0) + 1);

    // The request started the scans: once done, the new version's.
    await digests.idle();
    const s2 = await get(app, '/api/graph/stats', GraphStats);
    const o2 = await get(app, '/api/graph/overview?limit=20', OverviewResponse);
    expect(s2.breakdown).toEqual({ version: s1.version, status: 'fresh' });
    expect(s2.statuses.effective).toBe(s0.statuses.effective + 60);
    expect(o2.ranking).toEqual({ version: s1.version, status: 'fresh' });
    expect(o2.nodes[0]).toMatchObject({ id: 'newhub', degree: 60 });
  });

  it('waits for the scan when the graph changed size a lot (a large import), rather than serve a ranking of another graph', async () => {
    const digests = new GraphDigests(db, { inlineMax: 0 });
    const app = createApp(db, { digests });
    await get(app, '/api/graph/overview?limit=20', OverviewResponse);
    await loadDataset(db, generatedDataset(800, 2400, { seed: 3 }));
    const o = await get(app, '/api/graph/overview?limit=20', OverviewResponse);
    expect(o.ranking).toEqual({ version: o.version, status: 'fresh' });
  });

  it('does not serve the ranking of another graph of the same size loaded in its place: it waits for the scan', async () => {
    const digests = new GraphDigests(db, { inlineMax: 0 });
    const app = createApp(db, { digests });
    await get(app, '/api/graph/overview?limit=20', OverviewResponse);
    // The same graph under other ids: none of the kept ranking's actors exists any more.
    const other = JSON.parse(JSON.stringify(ds).replace(/"g-(\d+)"/g, '"h-$1"')) as typeof ds;
    await resetTo(db, other);
    const o = await get(app, '/api/graph/overview?limit=20', OverviewResponse);
    expect(o.ranking).toEqual({ version: o.version, status: 'fresh' });
    expect(o.shown).toBe(20);
    expect(o.nodes.every((n) => n.id.startsWith('h-'))).toBe(true);
  });

  it('serves a kept result after a restart without scanning again', async () => {
    const first = new GraphDigests(db, { inlineMax: 0 });
    const o0 = await get(createApp(db, { digests: first }), '/api/graph/overview?limit=20', OverviewResponse);
    await get(createApp(db, { digests: first }), '/api/graph/stats', GraphStats);
    // A new process: new digests, reading what the first kept.
    const again = new GraphDigests(db, { inlineMax: 0 });
    const app = createApp(db, { digests: again });
    const o1 = await get(app, '/api/graph/overview?limit=20', OverviewResponse);
    const s1 = await get(app, '/api/graph/stats', GraphStats);
    expect(o1.ranking).toEqual({ version: o0.version, status: 'fresh' });
    expect(o1.nodes.map((n) => n.id)).toEqual(o0.nodes.map((n) => n.id));
    expect(s1.breakdown.status).toBe('fresh');
    expect(again.degree.runs + again.breakdown.runs).toBe(0);
  });

  it('computes small graphs inside the request: exact at once after a write', async () => {
    const app = createApp(db, { digests: new GraphDigests(db) });
    await get(app, '/api/graph/overview?limit=20', OverviewResponse);
    await loadDataset(db, newHub);
    const o = await get(app, '/api/graph/overview?limit=20', OverviewResponse);
    expect(o.ranking).toEqual({ version: o.version, status: 'fresh' });
    expect(o.nodes[0].id).toBe('newhub');
  });

  it('polls the version (watch) and scans after a write nobody asked about', async () => {
    const digests = new GraphDigests(db, { inlineMax: 0 });
    digests.watch(50);
    try {
      // The first poll scans the graph as it is; then a write, and the poll alone scans the new version.
      await waitFor(() => digests.degree.keptVersion, (v) => v !== undefined, { what: 'the first poll\'s scan' });
      const runs0 = digests.degree.runs;
      await loadDataset(db, newHub);
      const [version, size] = [await graphVersion(db), await readSize(db)];
      await waitFor(() => digests.degree.keptVersion, (v) => v === version, { what: 'a scan of the new version started by the poll' });
      expect(digests.degree.runs).toBeGreaterThan(runs0);
      const runs = digests.degree.runs;
      const d = await digests.degree.get(version, size);
      expect(d).toMatchObject({ version, stale: false });
      expect(d.value.ids[0]).toBe('newhub');
      expect(digests.degree.runs).toBe(runs);
    } finally {
      digests.close();
    }
  });
});

describe('BackgroundDigest', () => {
  it('runs one scan at a time: requests during a scan share it', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const spec: DigestSpec<number> = {
      key: 'test-actor-count',
      async compute(d) {
        await gate;
        const [row] = await d.read('MATCH (a:Actor) RETURN count(a) AS n');
        return row.n as number;
      },
      encode: String,
      decode: Number,
    };
    const digest = new BackgroundDigest(db, spec, { inlineMax: 0 });
    const [version, size] = [await graphVersion(db), await readSize(db)];
    const asked = [digest.get(version, size), digest.get(version, size), digest.get(version, size)];
    release();
    for (const a of await Promise.all(asked)) expect(a).toEqual({ value: 400, version, stale: false });
    expect(digest.runs).toBe(1);
  });
});
