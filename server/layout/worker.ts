// The layout worker thread: reads the whole network from Neo4j (or takes it inline) and lays it out with the page's
// own ForceAtlas2 (model/force-layout.ts) and the look the page would give it, starting from the previous version's
// positions when given; posts the ids and positions back, their buffer transferred.
import type { DbConfig } from '../config';
import { connect } from '../db';
import { readMetricsInput } from '../metrics/read';
import { serveRequests } from '../worker-thread';
import { layoutWorkerCore, LARGE_VIEW, viewLook, type LayoutReply } from '../../model/force-layout';

/** The network to lay out: actors by id, ties as index pairs (the first `m` entries of src/dst). */
export interface LayoutInput {
  version: number;
  ids: string[];
  m: number;
  src: Int32Array;
  dst: Int32Array;
}

/** A previous layout: positions (x, y per id, drawing units) and its scale (drawing units per ForceAtlas2 unit). */
export interface LayoutSeed {
  ids: string[];
  xy: Float32Array;
  scale: number;
}

/** How much the server spends: more than the page (whose budget is 1.5–6 s), bounded. */
export interface LayoutEffort {
  budgetMs?: number;
  iterations?: number;
}

/** Default time budget of one layout in the thread: the whole iteration count runs where the page stops at its budget. */
export const SERVER_BUDGET_MS = 30_000;

/** Iterations a layout seeded with most of its positions runs at least (from scratch: 40–120, model/force-layout.ts). */
const SEEDED_MIN_ITERATIONS = 20;

export type LayoutThreadRequest = {
  id: number;
  type: 'layout';
  source: { db: DbConfig } | { input: LayoutInput };
  seed?: LayoutSeed;
  effort?: LayoutEffort;
};

/** The answer: positions of graph `version`, x, y per id in `ids`' order, drawing units; how it was computed. */
export type LayoutThreadDone = {
  version: number;
  ids: string[];
  xy: Float32Array;
  scale: number;
  iterations: number;
  /** Actors that started from the seed's positions. */
  seeded: number;
  readMs: number;
  ms: number;
};

/** Runs the layout as the page's worker would (time slices, settling), without the page's budget. */
function layOut(input: LayoutInput, seed: LayoutSeed | undefined, effort: LayoutEffort): Promise<{ positions: Float32Array; iterations: number; scale: number; seeded: number }> {
  const n = input.ids.length;
  const pairs: number[] = [];
  const degree = new Uint32Array(n);
  for (let e = 0; e < input.m; e++) {
    const s = input.src[e];
    const t = input.dst[e];
    // As the page builds them (client/graph/worker-layout.ts): a tie to itself is no pair.
    if (s === t) continue;
    pairs.push(s, t);
    degree[s]++;
    degree[t]++;
  }
  // The look the page gives the whole network: its elements are every actor and every tie.
  const look = viewLook(n + input.m > LARGE_VIEW);
  const positions = new Float32Array(2 * n).fill(Number.NaN);
  let seeded = 0;
  // Only a large view is seeded: its drawn positions are ForceAtlas2's, scaled. A normal one's had its overlaps
  // removed (nodes pushed apart by their drawn size), which ForceAtlas2 started from undoes in its first iterations:
  // the picture moved as much as one laid out afresh (measured on 300 actors) — and it takes a fraction of a second.
  if (seed && seed.scale > 0 && !look.sizeOf) {
    const at = new Map<string, number>();
    seed.ids.forEach((id, i) => at.set(id, i));
    input.ids.forEach((id, i) => {
      const j = at.get(id);
      // Actors without a tie are not: the page's rows of them (rowLoners) are no place ForceAtlas2 would keep them,
      // and their drift back would keep the layout from settling.
      if (j === undefined || degree[i] === 0) return;
      // Back to ForceAtlas2's own units: the layout resumes where the last one settled.
      positions[2 * i] = seed.xy[2 * j] / seed.scale;
      positions[2 * i + 1] = seed.xy[2 * j + 1] / seed.scale;
      seeded++;
    });
  }
  return new Promise((resolve, reject) => {
    const handle = layoutWorkerCore((m: LayoutReply) => {
      if (m.type === 'done') resolve({ positions: m.positions, iterations: m.iterations, scale: m.scale, seeded });
      else if (m.type === 'error') reject(new Error(m.message));
    }, (f) => setImmediate(f));
    handle({
      type: 'run',
      id: 1,
      count: n,
      edges: Uint32Array.from(pairs),
      positions,
      fixed: new Uint8Array(0),
      sizes: look.sizeOf ? Float32Array.from(degree, look.sizeOf) : undefined,
      edgeLength: look.edgeLength,
      budgetMs: effort.budgetMs ?? SERVER_BUDGET_MS,
      iterations: effort.iterations,
      // Mostly placed already: the floor that untangles a layout from scratch is not needed, it stops once settled.
      minIterations: seeded > n / 2 ? SEEDED_MIN_ITERATIONS : undefined,
    });
  });
}

/** Runs one request: reads (or takes) the network, lays it out; throws what it cannot do. */
export async function handle(req: LayoutThreadRequest): Promise<{ reply: LayoutThreadDone; transfer: ArrayBuffer[] }> {
  const t0 = performance.now();
  let input: LayoutInput;
  if ('db' in req.source) {
    const db = connect(req.source.db);
    try {
      // Every tie the page draws, whatever its status (the metrics leave declined ones out).
      const r = await readMetricsInput(db, { excluded: [] });
      input = { version: r.version, ids: r.input.ids, m: r.input.m, src: r.input.src, dst: r.input.dst };
    } finally {
      await db.close();
    }
  } else {
    input = req.source.input;
  }
  const t1 = performance.now();
  const { positions, iterations, scale, seeded } = await layOut(input, req.seed, req.effort ?? {});
  const reply: LayoutThreadDone = {
    version: input.version, ids: input.ids, xy: positions, scale, iterations, seeded,
    readMs: Math.round(t1 - t0), ms: Math.round(performance.now() - t1),
  };
  return { reply, transfer: [positions.buffer as ArrayBuffer] };
}

// Long-lived: the thread starts once (TypeScript, the driver) and then serves every layout, one after the other.
serveRequests<LayoutThreadRequest, LayoutThreadDone>(handle);
