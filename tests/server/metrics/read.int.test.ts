// readMetricsInput against the real Neo4j: the graph it reads (actors, ties as columns, in pages of any
// size) is the graph the API serves, so the metrics computed from either are the same.
import request from 'supertest';
import { Graph } from '../../../model/schema';
import { createApp } from '../../../server/app';
import type { Db } from '../../../server/db';
import { computeColumns } from '../../../server/metrics';
import { inputFromGraph, type MetricsInput } from '../../../server/metrics/graph';
import { readMetricsInput } from '../../../server/metrics/read';
import { MetricsService } from '../../../server/metrics/service';
import { resetTo, resetToSeed, testDb } from '../../support/db';
import { actor, dataset, rel } from '../../support/fixtures';

let db: Db;
let metrics: MetricsService;
beforeAll(() => {
  db = testDb();
  metrics = new MetricsService(db, { waitMs: 0 });
});
afterAll(async () => {
  metrics.close();
  await db.close();
});

/** The input built from the API's whole-graph payload: the reference the reader must agree with. */
async function fromApi(): Promise<MetricsInput> {
  const res = await request(createApp(db, { metrics })).get('/api/graph');
  expect(res.status).toBe(200);
  const g = Graph.parse(res.body);
  return inputFromGraph(g.nodes, g.edges);
}

/** The ties of an input as sorted "source target type amount" lines (the reader's order is its own). */
const ties = (x: MetricsInput) =>
  Array.from({ length: x.m }, (_, e) => `${x.ids[x.src[e]]} ${x.ids[x.dst[e]]} ${x.type[e]} ${x.amount[e]}`).sort();

describe('readMetricsInput on the seed graph', () => {
  let api: MetricsInput;
  beforeAll(async () => {
    await resetToSeed(db);
    api = await fromApi();
  });

  it.each([10_000, 7, 1])('reads the actors and ties the API serves, in pages of %i actors', async (pageSize) => {
    const pages: number[] = [];
    const { input } = await readMetricsInput(db, { pageSize, onProgress: (m) => pages.push(m) });
    expect(input.ids).toEqual(api.ids);
    expect(input.names).toEqual(api.names);
    expect(Array.from(input.kinds)).toEqual(Array.from(api.kinds));
    expect(input.m).toBe(api.m);
    expect(ties(input)).toEqual(ties(api));
    expect(pages.length).toBe(Math.floor(api.ids.length / pageSize) + 1);
    expect(pages[pages.length - 1]).toBe(api.m);
  });

  it('gives the same metrics as the graph payload does', async () => {
    const { input } = await readMetricsInput(db, { pageSize: 5 });
    const a = computeColumns(input);
    const b = computeColumns(api);
    expect(Array.from(a.degree)).toEqual(Array.from(b.degree));
    expect(Array.from(a.fundsInAmount)).toEqual(Array.from(b.fundsInAmount));
    expect(Array.from(a.community)).toEqual(Array.from(b.community));
    expect(a.modularity).toBeCloseTo(b.modularity, 12);
    a.pagerank.forEach((v, i) => expect(v).toBeCloseTo(b.pagerank[i], 12));
    a.betweenness.forEach((v, i) => expect(v).toBeCloseTo(b.betweenness[i], 12));
    a.brokerPairs.forEach((v, i) => expect(v).toBe(b.brokerPairs[i]));
    expect(Array.from(a.orders.pagerank)).toEqual(Array.from(b.orders.pagerank));
  });
});

describe('readMetricsInput on a hand-made graph', () => {
  it('leaves declined ties out, reads unknown amounts as NaN, keeps parallel ties and every type (a partnership as stored, ends in id order)', async () => {
    await resetTo(db, dataset(
      [actor('a', 'local_authority'), actor('b', 'programme'), actor('c'), actor('lonely', 'person')],
      [
        rel('FUNDS', 'a', 'b', { amount: 1500 }),
        rel('FUNDS', 'a', 'b', { id: 'second', date: '2021-05-01' }),
        rel('FUNDS', 'a', 'c', { status: 'declined', amount: 99 }),
        rel('PILOTS', 'b', 'c'),
        rel('PARTNERS_WITH', 'c', 'b'),
        rel('LABELS', 'c', 'a'),
      ],
    ));
    const { version, input } = await readMetricsInput(db, { pageSize: 2 });
    expect(version).toBeGreaterThan(0);
    expect(input.ids).toEqual(['a', 'b', 'c', 'lonely']);
    expect(ties(input)).toEqual(['a b 0 1500', 'a b 0 NaN', 'b c 1 NaN', 'b c 2 NaN', 'c a 3 NaN']);
    expect(ties(input)).toEqual(ties(await fromApi()));
  });
});
