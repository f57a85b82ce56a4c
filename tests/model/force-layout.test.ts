import { defaultEffort, EDGE_LENGTH, layoutWorkerCore, SETTLED_MOVE, startForceRun, type LayoutMessage, type LayoutReply, type LayoutRequest } from '../../model/force-layout';

/** The worker core with its outside world replaced: replies collected, scheduled slices run on demand. */
function harness() {
  const replies: LayoutReply[] = [];
  const queue: (() => void)[] = [];
  const handle = layoutWorkerCore((m) => replies.push(m), (f) => queue.push(f));
  const drain = () => { while (queue.length) queue.shift()!(); };
  return { replies, queue, send: (m: LayoutMessage) => handle(m), drain };
}

/** Two cliques of `k` nodes joined by one tie (nodes 0..k-1 and k..2k-1, bridge 0–k). */
function twoCliques(k: number): { count: number; edges: Uint32Array } {
  const pairs: number[] = [];
  for (const base of [0, k]) for (let a = 0; a < k; a++) for (let b = a + 1; b < k; b++) pairs.push(base + a, base + b);
  pairs.push(0, k);
  return { count: 2 * k, edges: Uint32Array.from(pairs) };
}

function request(g: { count: number; edges: Uint32Array }, extra: Partial<LayoutRequest> = {}): LayoutRequest {
  return { type: 'run', id: 1, count: g.count, edges: g.edges, positions: new Float32Array(2 * g.count).fill(Number.NaN), fixed: new Uint8Array(0), iterations: 200, budgetMs: 60_000, ...extra };
}

const dist = (p: Float32Array, a: number, b: number) => Math.hypot(p[2 * a] - p[2 * b], p[2 * a + 1] - p[2 * b + 1]);

describe('layoutWorkerCore (the layout worker protocol)', () => {
  it('reports progress in slices, then done with a finite position per node', () => {
    const h = harness();
    const g = twoCliques(30);
    h.send(request(g, { iterations: 300 }));
    expect(h.replies).toEqual([]); // nothing happens until the first slice runs
    h.drain();
    const done = h.replies.at(-1)!;
    expect(done.type).toBe('done');
    if (done.type !== 'done') return;
    expect(done.id).toBe(1);
    expect(done.iterations).toBe(300);
    expect(done.positions).toHaveLength(2 * g.count);
    expect([...done.positions].every(Number.isFinite)).toBe(true);
    const progress = h.replies.filter((r) => r.type === 'progress');
    for (const [i, p] of progress.entries()) {
      if (p.type !== 'progress') continue;
      expect(p.fraction).toBeGreaterThan(0);
      expect(p.fraction).toBeLessThanOrEqual(1);
      if (i > 0 && progress[i - 1].type === 'progress') expect(p.fraction).toBeGreaterThanOrEqual((progress[i - 1] as { fraction: number }).fraction);
    }
  });

  it('places tied actors closer than untied ones, and scales the median tie to EDGE_LENGTH', () => {
    const h = harness();
    const k = 12;
    h.send(request(twoCliques(k)));
    h.drain();
    const done = h.replies.at(-1)!;
    if (done.type !== 'done') throw new Error(`expected done, got ${done.type}`);
    const p = done.positions;
    let inside = 0, across = 0;
    for (let a = 1; a < k; a++) for (let b = a + 1; b < k; b++) inside += dist(p, a, b) + dist(p, k + a, k + b);
    for (let a = 1; a < k; a++) for (let b = 1; b < k; b++) across += dist(p, a, k + b);
    const meanInside = inside / ((k - 1) * (k - 2));
    const meanAcross = across / ((k - 1) * (k - 1));
    expect(meanInside * 2).toBeLessThan(meanAcross);
    const lengths: number[] = [];
    const g = twoCliques(k);
    for (let e = 0; e < g.edges.length; e += 2) lengths.push(dist(p, g.edges[e], g.edges[e + 1]));
    lengths.sort((x, y) => x - y);
    expect(lengths[lengths.length >> 1]).toBeCloseTo(EDGE_LENGTH, 0);
  });

  it('keeps pinned nodes exactly where they are and places new nodes near a placed neighbour', () => {
    const h = harness();
    const g = twoCliques(8);
    const positions = new Float32Array(2 * g.count).fill(Number.NaN);
    const fixed = new Uint8Array(g.count);
    for (let i = 0; i < 8; i++) { positions[2 * i] = 1000 + 40 * i; positions[2 * i + 1] = -500; fixed[i] = 1; }
    h.send(request(g, { positions, fixed, iterations: 50 }));
    h.drain();
    const done = h.replies.at(-1)!;
    if (done.type !== 'done') throw new Error(`expected done, got ${done.type}`);
    for (let i = 0; i < 8; i++) {
      expect(done.positions[2 * i]).toBe(1000 + 40 * i);
      expect(done.positions[2 * i + 1]).toBe(-500);
    }
    // The free clique hangs on node 0 by its bridge: it ends near the pinned ones, not at the origin.
    expect(dist(done.positions, 0, 8)).toBeLessThan(Math.hypot(1000, 500));
  });

  it('sets actors without a tie in rows under the network', () => {
    const h = harness();
    const g = twoCliques(6);
    h.send(request({ count: g.count + 5, edges: g.edges }, { iterations: 80 }));
    h.drain();
    const done = h.replies.at(-1)!;
    if (done.type !== 'done') throw new Error(`expected done, got ${done.type}`);
    const p = done.positions;
    let lowest = -Infinity;
    for (let i = 0; i < g.count; i++) lowest = Math.max(lowest, p[2 * i + 1]);
    for (let i = g.count; i < g.count + 5; i++) expect(p[2 * i + 1]).toBeGreaterThan(lowest);
  });

  it('with node sizes, leaves no two nodes overlapping', () => {
    const h = harness();
    const g = twoCliques(15);
    const sizes = new Float32Array(g.count).fill(60);
    h.send(request(g, { sizes, iterations: 100 }));
    h.drain();
    const done = h.replies.at(-1)!;
    if (done.type !== 'done') throw new Error(`expected done, got ${done.type}`);
    let closest = Infinity;
    for (let a = 0; a < g.count; a++) for (let b = a + 1; b < g.count; b++) closest = Math.min(closest, dist(done.positions, a, b));
    expect(closest).toBeGreaterThanOrEqual(60);
  });

  it('is deterministic: the same request gives the same positions', () => {
    const a = harness();
    const b = harness();
    a.send(request(twoCliques(10), { iterations: 40 }));
    b.send(request(twoCliques(10), { iterations: 40 }));
    a.drain();
    b.drain();
    const [da, db] = [a.replies.at(-1)!, b.replies.at(-1)!];
    if (da.type !== 'done' || db.type !== 'done') throw new Error('expected two done replies');
    expect([...da.positions]).toEqual([...db.positions]);
  });

  it('stops a cancelled run: no reply after the cancel', () => {
    const h = harness();
    h.send(request(twoCliques(40), { iterations: 100_000 }));
    h.queue.shift()!(); // one slice
    const before = h.replies.length;
    h.send({ type: 'cancel', id: 1 });
    h.drain();
    expect(h.replies).toHaveLength(before);
    expect(h.replies.some((r) => r.type === 'done')).toBe(false);
  });

  it('a newer run replaces an older one: only the newer one answers done', () => {
    const h = harness();
    h.send(request(twoCliques(40), { id: 1, iterations: 100_000 }));
    h.queue.shift()!();
    h.send(request(twoCliques(5), { id: 2, iterations: 10 }));
    h.drain();
    const done = h.replies.filter((r) => r.type === 'done');
    expect(done.map((r) => r.id)).toEqual([2]);
  });

  it('stops at the time budget once the minimum iterations are done', () => {
    const h = harness();
    h.send(request(twoCliques(40), { iterations: 1_000_000, budgetMs: 1, minIterations: 3 }));
    h.drain();
    const done = h.replies.at(-1)!;
    if (done.type !== 'done') throw new Error(`expected done, got ${done.type}`);
    expect(done.iterations).toBeGreaterThanOrEqual(3);
    expect(done.iterations).toBeLessThan(1_000_000);
  });

  it('with previewMs, sends the positions so far once, before done, in the units of done', () => {
    const h = harness();
    const g = twoCliques(30);
    // A run of a second (the time budget): the preview comes after its first slice, whatever the machine's speed.
    h.send(request(g, { iterations: 1_000_000, budgetMs: 1000, minIterations: 1, previewMs: 0 }));
    h.drain();
    const previews = h.replies.filter((r) => r.type === 'preview');
    expect(previews).toHaveLength(1);
    const [preview, done] = [previews[0], h.replies.at(-1)!];
    if (preview.type !== 'preview' || done.type !== 'done') throw new Error('expected a preview, then done');
    expect(h.replies.indexOf(preview)).toBeLessThan(h.replies.length - 1);
    expect(preview.iterations).toBeGreaterThan(0);
    expect(preview.iterations).toBeLessThan(done.iterations);
    expect(preview.positions).toHaveLength(2 * g.count);
    expect([...preview.positions].every(Number.isFinite)).toBe(true);
    // Both are scaled so that the median tie is EDGE_LENGTH long: the drawn network keeps its size when refined.
    const median = (p: Float32Array) => {
      const d: number[] = [];
      for (let e = 0; e < g.edges.length; e += 2) d.push(dist(p, g.edges[e], g.edges[e + 1]));
      return d.sort((a, b) => a - b)[d.length >> 1];
    };
    expect(median(preview.positions)).toBeCloseTo(EDGE_LENGTH, 0);
    expect(median(done.positions)).toBeCloseTo(EDGE_LENGTH, 0);
  });

  it('without a set number of iterations, stops once settled: past the floor, before the default count', () => {
    const h = harness();
    const g = twoCliques(20);
    const { iterations, minIterations } = defaultEffort(g.count);
    const r = request(g, { budgetMs: 60_000 });
    delete r.iterations;
    h.send(r);
    h.drain();
    const done = h.replies.at(-1)!;
    if (done.type !== 'done') throw new Error(`expected done, got ${done.type}`);
    expect(done.iterations).toBeGreaterThanOrEqual(minIterations);
    expect(done.iterations).toBeLessThan(iterations);
    // Settled: ten more iterations move the nodes by less than SETTLED_MOVE of a median tie.
    const run = startForceRun({ ...r, iterations: done.iterations + 10 });
    run.step(60_000);
    expect(run.movement).toBeLessThan(SETTLED_MOVE);
  });

  it('sends no preview unless asked', () => {
    const h = harness();
    h.send(request(twoCliques(10), { iterations: 50 }));
    h.drain();
    expect(h.replies.some((r) => r.type === 'preview')).toBe(false);
  });

  it.each([
    ['a negative preview delay', { previewMs: -5 }, /previewMs must be zero or positive/],
    ['positions of the wrong length', { positions: new Float32Array(3) }, /positions must hold 2 × count = 20/],
    ['an edge naming a node past the count', { edges: Uint32Array.from([0, 1, 2, 10]) }, /edge 1 names node 10, past the 10 nodes/],
    ['an odd number of edge indexes', { edges: Uint32Array.from([0, 1, 2]) }, /edges must hold index pairs/],
    ['fixed flags of the wrong length', { fixed: new Uint8Array(4) }, /fixed must be empty or hold count = 10 flags/],
    ['a negative iteration count', { iterations: -1 }, /iterations must be a non-negative integer/],
    ['a zero time budget', { budgetMs: 0 }, /budgetMs must be positive/],
    ['sizes of the wrong length', { sizes: new Float32Array(3) }, /sizes must hold count = 10 diameters/],
  ])('answers an error naming the problem for %s, and computes nothing', (_label, bad, message) => {
    const h = harness();
    h.send(request({ count: 10, edges: new Uint32Array(0) }, bad as Partial<LayoutRequest>));
    expect(h.replies).toEqual([{ type: 'error', id: 1, message: expect.stringMatching(message) }]);
    expect(h.queue).toHaveLength(0);
  });
});

describe('startForceRun', () => {
  it('lays out 20,000 nodes and 50,000 ties without recursion or spread limits (one iteration)', () => {
    const n = 20_000;
    const pairs = new Uint32Array(100_000);
    for (let e = 0; e < 50_000; e++) { pairs[2 * e] = (e * 7919) % n; pairs[2 * e + 1] = (e * 104729 + 1) % n; }
    const run = startForceRun({ type: 'run', id: 1, count: n, edges: pairs, positions: new Float32Array(2 * n).fill(Number.NaN), fixed: new Uint8Array(0), iterations: 1 });
    expect(run.step(60_000)).toBe(true);
    const p = run.positions();
    expect(p).toHaveLength(2 * n);
    expect([...p].every(Number.isFinite)).toBe(true);
  });

  it('handles an empty graph and a single node', () => {
    for (const count of [0, 1]) {
      const run = startForceRun({ type: 'run', id: 1, count, edges: new Uint32Array(0), positions: new Float32Array(2 * count).fill(Number.NaN), fixed: new Uint8Array(0), iterations: 5 });
      expect(run.step(1000)).toBe(true);
      expect([...run.positions()].every(Number.isFinite)).toBe(true);
    }
  });
});
