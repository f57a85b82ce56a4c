// Paths between two actors and funding chains on a synthetic graph of 10k actors / 40k relationships.
import request from 'supertest';
import { createApp } from '../server/app';
import type { Db } from '../server/db';
import { loadDataset, wipeGraph } from '../server/load';
import { time, type Bench } from './run';
import { syntheticDataset } from './synthetic';

const bench: Bench = {
  name: 'paths and funding chains — 10,000 actors, 40,000 relationships',
  async run(db: Db) {
    const [{ n }] = await db.read('MATCH (a:Actor) RETURN count(a) AS n');
    if (n !== 10_000) {
      await wipeGraph(db);
      await loadDataset(db, syntheticDataset(10_000, 40_000));
    }
    const app = createApp(db);
    const paths = async (qs: string) => {
      const res = await request(app).get(`/api/paths?${qs}`);
      if (res.status !== 200) throw new Error(JSON.stringify(res.body));
      return res.body as { paths: unknown[]; truncated: boolean };
    };
    for (const [label, qs] of [
      ['hub to hub, depth 4', 'from=actor-0&to=actor-1'],
      ['hub to hub, depth 6, 100 paths', 'from=actor-0&to=actor-1&maxDepth=6&limit=100'],
      ['hub to leaf, depth 4', 'from=actor-0&to=actor-9999'],
      ['leaf to leaf, depth 4', 'from=actor-9998&to=actor-9999'],
      ['leaf to leaf, depth 6', 'from=actor-9998&to=actor-9999&maxDepth=6'],
      ['leaf to leaf, depth 6, FUNDS only', 'from=actor-9998&to=actor-9999&maxDepth=6&types=FUNDS'],
    ] as const) {
      const { paths: found, truncated } = await paths(qs);
      await time(`GET /api/paths ${label} (${found.length}${truncated ? '+' : ''} paths)`, 5, () => paths(qs));
    }
    for (const [label, url] of [
      ['funding upstream of a hub, depth 4', '/api/actors/actor-0/funding?direction=upstream'],
      ['funding downstream of a hub, depth 4', '/api/actors/actor-0/funding?direction=downstream'],
      ['funding downstream of a hub, depth 6', '/api/actors/actor-0/funding?direction=downstream&maxDepth=6'],
      ['funding upstream of a leaf, depth 6', '/api/actors/actor-9999/funding?direction=upstream&maxDepth=6'],
    ] as const) {
      const first = await request(app).get(url);
      await time(`GET ${label} (${first.body.chains.length} chains${first.body.truncated ? ', capped' : ''})`, 5, () => request(app).get(url));
    }
  },
};
export default bench;
