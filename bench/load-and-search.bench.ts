// Loading, whole-graph read, search and neighbourhood on a synthetic graph of 10k actors / 40k relationships.
import request from 'supertest';
import { createApp } from '../server/app';
import type { Db } from '../server/db';
import { loadDataset, wipeGraph } from '../server/load';
import { time, type Bench } from './run';
import { syntheticDataset } from './synthetic';

const bench: Bench = {
  name: 'load, graph, search, neighbourhood — 10,000 actors, 40,000 relationships',
  async run(db: Db) {
    const ds = syntheticDataset(10_000, 40_000);
    await wipeGraph(db);
    let t0 = Date.now();
    await loadDataset(db, ds);
    console.log(`  first load (validate + one transaction)                    ${Date.now() - t0} ms`);
    t0 = Date.now();
    await loadDataset(db, ds);
    console.log(`  reload of the same file (idempotent upsert)                ${Date.now() - t0} ms`);
    const app = createApp(db);
    await time('GET /api/graph (whole graph as JSON)', 5, () => request(app).get('/api/graph'));
    await time('GET /api/actors?q=credit (substring, folded)', 30, () => request(app).get('/api/actors?q=credit'));
    await time('GET /api/actors?q=acteur 4242 (two tokens)', 30, () => request(app).get('/api/actors?q=acteur%204242'));
    await time('GET /api/actors?q=acter (fuzzy fallback)', 30, () => request(app).get('/api/actors?q=acteurr'));
    await time('GET neighborhood of a hub, depth 1', 20, () => request(app).get('/api/actors/actor-0/neighborhood?depth=1'));
    await time('GET neighborhood of a hub, depth 3 (capped at 500)', 10, () => request(app).get('/api/actors/actor-0/neighborhood?depth=3'));
    await time('GET neighborhood of a leaf, depth 2', 20, () => request(app).get('/api/actors/actor-9999/neighborhood?depth=2'));
  },
};
export default bench;
