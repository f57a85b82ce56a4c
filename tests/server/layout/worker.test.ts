// The layout worker thread and its protocol: a real thread started from ts-jest, inline networks, seeds, errors.
import { LayoutWorker } from '../../../server/layout/service';
import type { LayoutInput } from '../../../server/layout/worker';
import { generatedDataset } from '../../support/generated';

/** A generated network as the thread reads it: actors by id, ties as index pairs. */
function network(actors: number, ties: number, version = 1): LayoutInput {
  const ds = generatedDataset(actors, ties);
  const ids = ds.actors.map((a) => a.id).sort();
  const at = new Map(ids.map((id, i) => [id, i]));
  const src = Int32Array.from(ds.relationships.map((r) => at.get(r.source)!));
  const dst = Int32Array.from(ds.relationships.map((r) => at.get(r.target)!));
  return { version, ids, m: src.length, src, dst };
}

describe('the layout worker thread', () => {
  const worker = new LayoutWorker();
  afterAll(() => worker.stop());

  it('answers the version, every id and a finite position for each', async () => {
    const input = network(300, 700, 7);
    const done = await worker.run({ type: 'layout', source: { input }, effort: { budgetMs: 5000 } });
    expect(done.version).toBe(7);
    expect(done.ids).toEqual(input.ids);
    // Transferred, not copied: a typed array (of the thread's realm, so not instanceof here).
    expect(ArrayBuffer.isView(done.xy)).toBe(true);
    expect(done.xy).toHaveLength(2 * input.ids.length);
    expect(done.xy.every(Number.isFinite)).toBe(true);
    expect(done.iterations).toBeGreaterThan(0);
    expect(done.seeded).toBe(0);
  });

  it('starts a large view from a seed, by id: every seeded actor placed, settled in fewer iterations', async () => {
    // 2,100 elements: a large view (the only one seeded, see server/layout/worker.ts).
    const input = network(600, 1500);
    const first = await worker.run({ type: 'layout', source: { input }, effort: { budgetMs: 10_000 } });
    // The next version has two more actors, which are not in the seed.
    const next: LayoutInput = { ...input, version: 2, ids: [...input.ids, 'zz-new-1', 'zz-new-2'], src: Int32Array.from([...input.src.subarray(0, input.m), input.ids.length]), dst: Int32Array.from([...input.dst.subarray(0, input.m), 0]), m: input.m + 1 };
    const seeded = await worker.run({ type: 'layout', source: { input: next }, seed: { ids: first.ids, xy: first.xy, scale: first.scale }, effort: { budgetMs: 10_000 } });
    // Every actor of the seed but those without a tie (laid out in rows by the page, not where ForceAtlas2 keeps them).
    const tied = new Set([...input.src.subarray(0, input.m), ...input.dst.subarray(0, input.m)]);
    expect(seeded.seeded).toBe(input.ids.filter((_, i) => tied.has(i)).length);
    expect(seeded.ids).toHaveLength(input.ids.length + 2);
    expect(seeded.xy.every(Number.isFinite)).toBe(true);
    expect(seeded.iterations).toBeLessThan(first.iterations);
  });

  it('rejects a malformed network with what is wrong, and serves the next request', async () => {
    const bad: LayoutInput = { version: 1, ids: ['a', 'b'], m: 1, src: Int32Array.from([0]), dst: Int32Array.from([5]) };
    await expect(worker.run({ type: 'layout', source: { input: bad } })).rejects.toThrow(/past the 2 nodes/);
    const done = await worker.run({ type: 'layout', source: { input: network(50, 80) }, effort: { iterations: 10 } });
    expect(done.ids).toHaveLength(50);
  });
});
