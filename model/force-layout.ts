// Force layout of large views, pure and DOM-free so it runs in the page's Web Worker (client/graph/layout.worker.ts),
// in the server's layout thread (server/layout/worker.ts: the whole network laid out once per graph version) and in
// unit tests: ForceAtlas2 with Barnes–Hut (graphology-layout-forceatlas2's iteration, MIT) on typed arrays, in
// time slices, reporting progress; then, when node sizes are given, overlaps removed; and the message
// protocol between the page and the worker.
import iterate from 'graphology-layout-forceatlas2/iterate.js';
// Placement of new nodes is the same from run to run.
import { rng } from './rng';

/** Fields per node and per edge in ForceAtlas2's matrices (graphology's layout of them). */
const PPN = 10;
const PPE = 3;

/** The page asks: lay out `count` nodes linked by `edges` (pairs of node indexes). */
export interface LayoutRequest {
  type: 'run';
  /** Chosen by the page; every reply carries it, and a newer run replaces an older one. */
  id: number;
  count: number;
  /** Node index pairs, source then target: length 2 × edges. */
  edges: Uint32Array;
  /** x, y per node (length 2 × count); NaN where a node has no position yet (it is placed first). */
  positions: Float32Array;
  /** 1 for a node that must not move (pinned); length count, or empty. */
  fixed: Uint8Array;
  /** Iterations to run at most (default: chosen from the graph's size). */
  iterations?: number;
  /** Time to spend at most, in ms (default: chosen from the graph's size); the layout so far is then the answer. */
  budgetMs?: number;
  /** Iterations run even past the time budget (default: chosen from the graph's size). */
  minIterations?: number;
  /** Deterministic placement of new nodes (default 1). */
  seed?: number;
  /** Median length of a tie after layout, in drawing units (default EDGE_LENGTH). */
  edgeLength?: number;
  /** Diameter of each node in drawing units (length count): when given, overlapping nodes are pushed apart. */
  sizes?: Float32Array;
  /**
   * When given, the positions so far are sent once (a `preview` reply) after this many ms of layout: the page
   * draws the network with them while the layout goes on, then moves the nodes to their final places.
   */
  previewMs?: number;
}
export interface LayoutCancel { type: 'cancel'; id: number }
export type LayoutMessage = LayoutRequest | LayoutCancel;

export type LayoutReply =
  /** How far the run is, 0–1: iterations done or time spent, whichever is further along. */
  | { type: 'progress'; id: number; fraction: number; iterations: number }
  /** The positions so far (same units as `done`), once, when the request asked for a preview. */
  | { type: 'preview'; id: number; positions: Float32Array; iterations: number }
  /** Final positions, x, y per node in the request's order, in drawing units (median tie about EDGE_LENGTH). */
  | { type: 'done'; id: number; positions: Float32Array; iterations: number; ms: number; scale: number }
  | { type: 'error'; id: number; message: string };

/** Median length of a drawn tie after layout, in Cytoscape model units (nodes are 20–70 wide). */
export const EDGE_LENGTH = 70;

/** Past this many elements (actors + relationships) a view counts as large: WebGL, worker layout, fewer labels. */
export const LARGE_VIEW = 2000;

/**
 * Drawn size of an actor of `degree` ties (square root, so hubs stand out without swallowing the view);
 * smaller in large views, where thousands of actors share the screen.
 */
export const degreeSize = (degree: number, large = false) => Math.round(large ? 8 + 3 * Math.sqrt(degree) : 20 + 6 * Math.sqrt(degree));

/** How the drawn view will look: a large one (small nodes, no overlap removal) or a normal one (room for names). */
export interface LayoutLook {
  /** Drawn diameter of a node of this degree; given, nodes are kept from overlapping. */
  sizeOf?: (degree: number) => number;
  edgeLength?: number;
}

/**
 * The look a view is laid out with: the page's (client/app.ts) and the server's layout of the whole network
 * (server/layout) must agree, or positions from the server would not be those the page would have computed.
 */
export const viewLook = (large: boolean): LayoutLook => (large ? {} : { sizeOf: (d) => degreeSize(d) + 40, edgeLength: 120 });

/** A checked request, or the reason it cannot be laid out (counts and indexes are the page's to get right). */
export function checkRequest(r: LayoutRequest): string | undefined {
  if (!Number.isInteger(r.count) || r.count < 0) return `count must be a non-negative integer (got ${r.count})`;
  if (r.positions.length !== 2 * r.count) return `positions must hold 2 × count = ${2 * r.count} numbers (got ${r.positions.length})`;
  if (r.edges.length % 2) return `edges must hold index pairs (got ${r.edges.length} numbers)`;
  if (r.fixed.length && r.fixed.length !== r.count) return `fixed must be empty or hold count = ${r.count} flags (got ${r.fixed.length})`;
  for (let i = 0; i < r.edges.length; i++) {
    if (r.edges[i] >= r.count) return `edge ${i >> 1} names node ${r.edges[i]}, past the ${r.count} nodes`;
  }
  if (r.iterations !== undefined && !(Number.isInteger(r.iterations) && r.iterations >= 0)) return `iterations must be a non-negative integer (got ${r.iterations})`;
  if (r.budgetMs !== undefined && !(r.budgetMs > 0)) return `budgetMs must be positive (got ${r.budgetMs})`;
  if (r.sizes && r.sizes.length !== r.count) return `sizes must hold count = ${r.count} diameters (got ${r.sizes.length})`;
  if (r.edgeLength !== undefined && !(r.edgeLength > 0)) return `edgeLength must be positive (got ${r.edgeLength})`;
  if (r.minIterations !== undefined && !(Number.isInteger(r.minIterations) && r.minIterations >= 0)) return `minIterations must be a non-negative integer (got ${r.minIterations})`;
  if (r.previewMs !== undefined && !(r.previewMs >= 0)) return `previewMs must be zero or positive (got ${r.previewMs})`;
  return undefined;
}

/**
 * Iterations that lay out a graph of `count` nodes well, the time they may take on a small machine, and the
 * iterations run whatever the time (below them ForceAtlas2 has not untangled the graph yet).
 */
export function defaultEffort(count: number): { iterations: number; budgetMs: number; minIterations: number } {
  if (count <= 3000) return { iterations: 300, budgetMs: 1500, minIterations: 120 };
  if (count <= 20_000) return { iterations: 250, budgetMs: 6000, minIterations: 80 };
  return { iterations: 150, budgetMs: 10_000, minIterations: 40 };
}

/**
 * A layout has settled when, over SETTLE_EVERY iterations, its nodes moved on average less than this share of
 * a typical tie (the median tie's length): the picture no longer changes to the eye. Measured on the 2k/5k
 * bench graph: 0.4 of a tie per 10 iterations at 40, 0.1 at 140, 0.035 at 300 (bench/README.md).
 */
export const SETTLED_MOVE = 0.08;
const SETTLE_EVERY = 10;

/** One layout in progress: `step` runs iterations for about `budgetMs`, until done. */
export interface ForceRun {
  readonly total: number;
  readonly done: number;
  /** Mean move of a node over the last SETTLE_EVERY iterations, in median tie lengths (Infinity until measured). */
  readonly movement: number;
  step(budgetMs: number): boolean;
  /** x, y per node in drawing units (see EDGE_LENGTH); fixed nodes keep their given position. */
  positions(): Float32Array;
  /**
   * Drawing units per ForceAtlas2 unit at the last positions() (1 when pinned nodes fix the scale): dividing drawn
   * positions by it gives ForceAtlas2's own, which is how a layout seeds the next one (server/layout) without first
   * shrinking or swelling to its natural size.
   */
  readonly scale: number;
}

export function startForceRun(r: LayoutRequest, now: () => number = () => performance.now()): ForceRun {
  const n = r.count;
  const nodes = new Float32Array(n * PPN);
  const edges = new Float32Array((r.edges.length / 2) * PPE);
  const degree = new Uint32Array(n);
  for (let e = 0; e < r.edges.length; e += 2) { degree[r.edges[e]]++; degree[r.edges[e + 1]]++; }
  const anyFixed = r.fixed.some((f) => f === 1);

  // New nodes go beside a placed neighbour when they have one, else on a disc the size of the graph.
  const rand = rng(r.seed ?? 1);
  const pos = Float32Array.from(r.positions);
  const radius = 10 * Math.sqrt(n + 1);
  const neighbour = new Int32Array(n).fill(-1);
  for (let e = 0; e < r.edges.length; e += 2) {
    const [a, b] = [r.edges[e], r.edges[e + 1]];
    if (Number.isNaN(pos[2 * a]) && !Number.isNaN(pos[2 * b])) neighbour[a] = b;
    if (Number.isNaN(pos[2 * b]) && !Number.isNaN(pos[2 * a])) neighbour[b] = a;
  }
  for (let i = 0; i < n; i++) {
    if (!Number.isNaN(pos[2 * i])) continue;
    const angle = rand() * 2 * Math.PI;
    const near = neighbour[i];
    const [cx, cy, d] = near >= 0 ? [pos[2 * near], pos[2 * near + 1], EDGE_LENGTH * (0.5 + rand())] : [0, 0, radius * Math.sqrt(rand())];
    pos[2 * i] = cx + d * Math.cos(angle);
    pos[2 * i + 1] = cy + d * Math.sin(angle);
  }
  for (let i = 0, j = 0; i < n; i++, j += PPN) {
    nodes[j] = pos[2 * i];
    nodes[j + 1] = pos[2 * i + 1];
    nodes[j + 6] = 1 + degree[i]; // mass: 1 + degree, as graphology does
    nodes[j + 7] = 1; // convergence
    nodes[j + 8] = 1; // size
    nodes[j + 9] = r.fixed[i] === 1 ? 1 : 0;
  }
  for (let e = 0, j = 0; e < r.edges.length; e += 2, j += PPE) {
    edges[j] = r.edges[e] * PPN;
    edges[j + 1] = r.edges[e + 1] * PPN;
    edges[j + 2] = 1;
  }
  // graphology's inferSettings for this size; Barnes–Hut from 500 nodes and a coarser theta (0.9, as d3-force):
  // measured twice as fast as 0.5 at 2,000 nodes, with no visible difference at the scale of a whole network.
  const settings = {
    linLogMode: false, outboundAttractionDistribution: false, adjustSizes: false, edgeWeightInfluence: 1,
    scalingRatio: 10, strongGravityMode: true, gravity: 0.05, slowDown: 1 + Math.log(n + 1),
    barnesHutOptimize: n > 500, barnesHutTheta: 0.9,
  };
  const total = r.iterations ?? defaultEffort(n).iterations;
  let done = 0;
  let movement = Infinity;
  let before = new Float32Array(0);
  let scale = 1;
  const snapshot = () => { const p = new Float32Array(2 * n); for (let i = 0, j = 0; i < n; i++, j += PPN) { p[2 * i] = nodes[j]; p[2 * i + 1] = nodes[j + 1]; } return p; };
  const measure = () => {
    const after = snapshot();
    if (before.length) {
      let sum = 0;
      for (let i = 0; i < after.length; i += 2) sum += Math.hypot(after[i] - before[i], after[i + 1] - before[i + 1]);
      const tie = medianTieLength(after, r.edges);
      movement = tie > 0 ? sum / n / tie : Infinity;
    }
    before = after;
  };

  return {
    total,
    get done() { return done; },
    get movement() { return movement; },
    get scale() { return scale; },
    step(budgetMs) {
      const end = now() + budgetMs;
      while (done < total) {
        if (n > 1) iterate(settings, nodes, edges);
        done++;
        if (done % SETTLE_EVERY === 0 && n > 1) measure();
        if (now() >= end) break;
      }
      return done >= total;
    },
    positions() {
      const out = new Float32Array(2 * n);
      for (let i = 0, j = 0; i < n; i++, j += PPN) { out[2 * i] = nodes[j]; out[2 * i + 1] = nodes[j + 1]; }
      // Pinned nodes fix the scale; otherwise the layout is scaled so that a typical tie reads well.
      if (!anyFixed) {
        scale = scaleToEdgeLength(out, r.edges, r.edgeLength ?? EDGE_LENGTH);
        rowLoners(out, degree, (r.edgeLength ?? EDGE_LENGTH) * 0.6);
      }
      if (r.sizes) removeOverlaps(out, r.sizes, r.fixed);
      return out;
    },
  };
}

/**
 * Actors without a tie go in rows under the network: ForceAtlas2's gravity leaves them on a far ring, which
 * would shrink the network to a dot when the view is fitted.
 */
function rowLoners(pos: Float32Array, degree: Uint32Array, gap: number): void {
  const n = degree.length;
  let x1 = Infinity, x2 = -Infinity, y2 = -Infinity;
  const loners: number[] = [];
  for (let i = 0; i < n; i++) {
    if (degree[i] === 0) { loners.push(i); continue; }
    x1 = Math.min(x1, pos[2 * i]); x2 = Math.max(x2, pos[2 * i]); y2 = Math.max(y2, pos[2 * i + 1]);
  }
  if (!loners.length || loners.length === n) return;
  const cols = Math.max(1, Math.floor((x2 - x1) / gap) + 1);
  loners.forEach((i, k) => {
    pos[2 * i] = x1 + (k % cols) * gap;
    pos[2 * i + 1] = y2 + 2 * gap + Math.floor(k / cols) * gap;
  });
}

/**
 * Pushes overlapping nodes apart (diameters `sizes`, plus a margin), pinned ones staying put: pairs found
 * through a grid of cells as wide as the largest node, each overlapping pair moved apart by its overlap.
 * (graphology-layout-noverlap moves only one node of a pair and did not converge on a 30-node clique.)
 */
export function removeOverlaps(pos: Float32Array, sizes: Float32Array, fixed: Uint8Array, margin = 8, rounds = 50): void {
  const n = sizes.length;
  let cell = 0;
  for (let i = 0; i < n; i++) cell = Math.max(cell, sizes[i] + margin);
  if (!cell || n < 2) return;
  const grid = new Map<number, number[]>();
  const key = (cx: number, cy: number) => cx * 1_000_003 + cy;
  for (let round = 0; round < rounds; round++) {
    grid.clear();
    for (let i = 0; i < n; i++) {
      const k = key(Math.floor(pos[2 * i] / cell), Math.floor(pos[2 * i + 1] / cell));
      const list = grid.get(k);
      if (list) list.push(i); else grid.set(k, [i]);
    }
    let moved = false;
    for (let i = 0; i < n; i++) {
      const cx = Math.floor(pos[2 * i] / cell);
      const cy = Math.floor(pos[2 * i + 1] / cell);
      for (let dx = -1; dx <= 1; dx++) for (let dy = -1; dy <= 1; dy++) {
        for (const j of grid.get(key(cx + dx, cy + dy)) ?? []) {
          if (j <= i) continue;
          let x = pos[2 * j] - pos[2 * i];
          let y = pos[2 * j + 1] - pos[2 * i + 1];
          let d = Math.hypot(x, y);
          const want = (sizes[i] + sizes[j]) / 2 + margin;
          if (d >= want) continue;
          if (d === 0) { x = Math.cos(i + j); y = Math.sin(i + j); d = 1; }
          const push = want - d;
          const [fi, fj] = [fixed[i] === 1, fixed[j] === 1];
          if (fi && fj) continue;
          const share = fi || fj ? 1 : 0.5;
          if (!fi) { pos[2 * i] -= (x / d) * push * share; pos[2 * i + 1] -= (y / d) * push * share; }
          if (!fj) { pos[2 * j] += (x / d) * push * share; pos[2 * j + 1] += (y / d) * push * share; }
          moved = true;
        }
      }
    }
    if (!moved) return;
  }
}

/** The median length of a tie (sampling at most 5,000 ties); 0 when there is none. */
function medianTieLength(pos: Float32Array, edges: Uint32Array): number {
  const m = edges.length / 2;
  const stride = Math.max(1, Math.floor(m / 5000));
  const lengths: number[] = [];
  for (let e = 0; e < m; e += stride) {
    const a = edges[2 * e], b = edges[2 * e + 1];
    const d = Math.hypot(pos[2 * a] - pos[2 * b], pos[2 * a + 1] - pos[2 * b + 1]);
    if (d > 0 && Number.isFinite(d)) lengths.push(d);
  }
  if (!lengths.length) return 0;
  lengths.sort((x, y) => x - y);
  return lengths[lengths.length >> 1];
}

/** Scales positions about their centre so the median tie is `length` long; returns the factor. */
function scaleToEdgeLength(pos: Float32Array, edges: Uint32Array, length: number): number {
  const median = medianTieLength(pos, edges);
  if (!median) return 1;
  const k = length / median;
  let cx = 0, cy = 0;
  const n = pos.length / 2;
  for (let i = 0; i < n; i++) { cx += pos[2 * i]; cy += pos[2 * i + 1]; }
  cx /= n; cy /= n;
  for (let i = 0; i < n; i++) { pos[2 * i] = (pos[2 * i] - cx) * k; pos[2 * i + 1] = (pos[2 * i + 1] - cy) * k; }
  return k;
}

/** How long the worker computes before it looks at its messages again (a cancel, a newer run). */
const SLICE_MS = 40;

/**
 * The worker's side of the protocol, with its outside world injected (`post`, `later`) so that tests
 * drive it without a worker: a run is computed in slices, progress after each, then `done`; a cancel or a
 * newer run stops it; a malformed request gets an `error` naming what is wrong.
 */
export function layoutWorkerCore(post: (m: LayoutReply, transfer?: Transferable[]) => void, later: (f: () => void) => void): (m: LayoutMessage) => void {
  let current = -1;
  return (m) => {
    if (m.type === 'cancel') {
      if (m.id === current) current = -1;
      return;
    }
    const problem = checkRequest(m);
    if (problem) { post({ type: 'error', id: m.id, message: problem }); return; }
    current = m.id;
    const t0 = performance.now();
    const effort = defaultEffort(m.count);
    const deadline = t0 + (m.budgetMs ?? effort.budgetMs);
    const floor = Math.min(m.minIterations ?? effort.minIterations, m.iterations ?? effort.iterations);
    // A run asked for a set number of iterations runs them all (tests, benches); otherwise it stops when settled.
    const settle = m.iterations === undefined;
    const run = startForceRun(m);
    let previewAt = m.previewMs === undefined ? undefined : t0 + m.previewMs;
    const slice = () => {
      if (current !== m.id) return; // cancelled or replaced
      const left = deadline - performance.now();
      // Done at the iteration count, at the time budget, or once settled — never below the floor.
      const finished = run.step(Math.min(SLICE_MS, Math.max(left, 1))) || (run.done >= floor && (left <= SLICE_MS || (settle && run.movement < SETTLED_MOVE)));
      if (!finished && previewAt !== undefined && performance.now() >= previewAt) {
        previewAt = undefined;
        const positions = run.positions();
        post({ type: 'preview', id: m.id, positions, iterations: run.done }, [positions.buffer]);
      }
      if (!finished) {
        const fraction = Math.min(1, Math.max(run.done / run.total, (performance.now() - t0) / (deadline - t0)));
        post({ type: 'progress', id: m.id, fraction, iterations: run.done });
        later(slice);
        return;
      }
      current = -1;
      const positions = run.positions();
      post({ type: 'done', id: m.id, positions, iterations: run.done, ms: Math.round(performance.now() - t0), scale: run.scale }, [positions.buffer]);
    };
    later(slice);
  };
}
