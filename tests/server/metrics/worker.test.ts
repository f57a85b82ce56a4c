// The metrics worker thread and its protocol: a real thread started from ts-jest, inline graphs, errors.
import { computeColumns } from '../../../server/metrics';
import { inputFromGraph } from '../../../server/metrics/graph';
import { MetricsWorker } from '../../../server/metrics/service';
import type { WorkerRequest } from '../../../server/metrics/worker';
import { edge, node } from './helpers';

const NODES = [node('region', 'local_authority'), node('prog', 'programme'), node('acme'), node('beta'), node('solo', 'person')];
const EDGES = [edge('FUNDS', 'region', 'prog', { amount: 5000 }), edge('PARTNERS_WITH', 'prog', 'acme'), edge('PILOTS', 'prog', 'beta'), edge('FUNDS', 'region', 'acme')];

describe('MetricsWorker', () => {
  const worker = new MetricsWorker();
  afterAll(() => worker.stop());

  it('computes in its thread what computeColumns computes here, and hands the typed arrays over', async () => {
    const input = inputFromGraph(NODES, EDGES);
    const here = computeColumns(inputFromGraph(NODES, EDGES));
    const done = await worker.run({ type: 'compute', source: { input, version: 7 } });
    expect(done.version).toBe(7);
    const c = done.columns;
    expect(c.ids).toEqual(['acme', 'beta', 'prog', 'region', 'solo']);
    expect(Object.prototype.toString.call(c.pagerank)).toBe('[object Float64Array]');
    expect(Array.from(c.pagerank)).toEqual(Array.from(here.pagerank));
    expect(Array.from(c.betweenness)).toEqual(Array.from(here.betweenness));
    expect(Array.from(c.degree)).toEqual([2, 1, 3, 2, 0]);
    expect(Array.from(c.orders.degree).map((i) => c.ids[i])).toEqual(['prog', 'acme', 'region', 'beta', 'solo']);
    expect(c.parameters.betweennessExact).toBe(true);
  });

  it('answers a request it cannot compute with its error, and keeps serving the next ones', async () => {
    const bad = { type: 'compute', source: { input: null, version: 1 } } as unknown as Omit<WorkerRequest, 'id'>;
    await expect(worker.run(bad)).rejects.toThrow(/null|undefined/);
    const done = await worker.run({ type: 'compute', source: { input: inputFromGraph(NODES, EDGES), version: 8 } });
    expect(done.version).toBe(8);
  });

  it('serves concurrent requests each with its own answer', async () => {
    const [a, b] = await Promise.all([
      worker.run({ type: 'compute', source: { input: inputFromGraph(NODES, EDGES), version: 1 } }),
      worker.run({ type: 'compute', source: { input: inputFromGraph(NODES.slice(0, 2), []), version: 2 } }),
    ]);
    expect([a.version, a.columns.ids.length]).toEqual([1, 5]);
    expect([b.version, b.columns.ids.length]).toEqual([2, 2]);
  });
});
