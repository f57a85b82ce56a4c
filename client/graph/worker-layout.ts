// Lays out large views off the main thread: the force-layout worker computes positions while the page stays
// free; a payload is laid out before it is drawn (one draw, already in place), a drawn view gets its new
// positions in one preset layout. One run at a time: a newer run replaces the older one.
import type { Collection, NodeSingular } from 'cytoscape';
import { layoutWorkerCore, type LayoutLook, type LayoutMessage, type LayoutReply, type LayoutRequest } from '../../model/force-layout';
import LayoutWorker from './layout.worker?worker';

type Post = (m: LayoutMessage, transfer?: Transferable[]) => void;

let post: Post | undefined;
let nextId = 1;
const waiting = new Map<number, (r: LayoutReply) => void>();

/** The worker, or the same code on the main thread in slices when a worker cannot be started. */
function getPost(): Post {
  if (post) return post;
  const dispatch = (r: LayoutReply) => waiting.get(r.id)?.(r);
  try {
    const w = new LayoutWorker();
    w.onmessage = (e: MessageEvent<LayoutReply>) => dispatch(e.data);
    w.onerror = (e) => { for (const id of [...waiting.keys()]) dispatch({ type: 'error', id, message: e.message || 'le calcul de disposition a échoué' }); };
    post = (m, t) => w.postMessage(m, t ?? []);
  } catch {
    const handle = layoutWorkerCore(dispatch, (f) => setTimeout(f, 0));
    post = (m) => handle(m);
  }
  return post;
}

/** Starts the worker now (its script loads and compiles while the page waits for data), not at the first layout. */
export function warmLayoutWorker(): void {
  getPost();
}

/** Stops the run under way, if any (it resolves undefined, as when replaced): the server's positions came first. */
export function cancelLayout(): void {
  if (!post) return;
  for (const [old, reply] of waiting) { post({ type: 'cancel', id: old }); reply({ type: 'error', id: old, message: '' }); }
}

/**
 * Positions for `count` nodes linked by index `pairs`; NaN in `positions` marks a node to place, `fixed`
 * ones do not move. Resolves undefined when a newer run replaced this one.
 */
export function computeLayout(req: Omit<LayoutRequest, 'type' | 'id'>, onProgress?: (fraction: number) => void, onPreview?: (positions: Float32Array) => void): Promise<Float32Array | undefined> {
  const send = getPost();
  for (const [old, reply] of waiting) { send({ type: 'cancel', id: old }); reply({ type: 'error', id: old, message: '' }); }
  const id = nextId++;
  return new Promise((resolve, reject) => {
    waiting.set(id, (r) => {
      if (r.type === 'progress') { onProgress?.(r.fraction); return; }
      if (r.type === 'preview') { onPreview?.(r.positions); return; }
      waiting.delete(id);
      if (r.type === 'done') {
        // What the last run cost, for benches and the curious: iterations and time in the worker.
        document.body.dataset.layoutRun = `${r.iterations} iterations, ${r.ms} ms`;
        resolve(r.positions);
      }
      else if (r.message === '') resolve(undefined); // replaced
      else reject(new Error(r.message));
    });
    send({ type: 'run', id, ...req }, [req.edges.buffer, req.positions.buffer, req.fixed.buffer, ...(req.sizes ? [req.sizes.buffer] : [])]);
  });
}

export type { LayoutLook } from '../../model/force-layout';

/**
 * Positions for a payload's nodes, in its order, before anything is drawn; with `preview`, also the positions
 * after `preview.ms` of layout, once (the page draws with them while the layout goes on).
 */
export function layoutPayload(g: { nodes: { id: string }[]; edges: { source: string; target: string }[] }, onProgress?: (fraction: number) => void, look: LayoutLook = {}, preview?: { ms: number; draw(positions: Float32Array): void }): Promise<Float32Array | undefined> {
  const index = new Map<string, number>();
  g.nodes.forEach((n, i) => index.set(n.id, i));
  const pairs: number[] = [];
  for (const e of g.edges) {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s !== undefined && t !== undefined && s !== t) pairs.push(s, t);
  }
  const count = g.nodes.length;
  let sizes: Float32Array | undefined;
  if (look.sizeOf) {
    const degree = new Uint32Array(count);
    for (const i of pairs) degree[i]++;
    sizes = Float32Array.from(degree, look.sizeOf);
  }
  return computeLayout({ count, edges: Uint32Array.from(pairs), positions: new Float32Array(2 * count).fill(Number.NaN), fixed: new Uint8Array(0), sizes, edgeLength: look.edgeLength, previewMs: preview?.ms }, onProgress, preview?.draw);
}

/**
 * Lays out drawn elements: pinned (locked) nodes stay, the others start from scratch — or from where they
 * are, but for `fresh`, when `fresh` is given. Resolves true once applied, false when replaced.
 */
export async function layoutDrawn(eles: Collection, opts: { fit?: boolean; fresh?: Collection; onProgress?(fraction: number): void; look?: LayoutLook } = {}): Promise<boolean> {
  const nodes = eles.nodes();
  const index = new Map<string, number>();
  nodes.forEach((n, i) => { index.set(n.id(), i); });
  const pairs: number[] = [];
  eles.edges().forEach((e) => {
    const s = index.get(e.data('source') as string);
    const t = index.get(e.data('target') as string);
    if (s !== undefined && t !== undefined && s !== t) pairs.push(s, t);
  });
  const positions = new Float32Array(2 * nodes.length).fill(Number.NaN);
  const fixed = new Uint8Array(nodes.length);
  const fresh = opts.fresh ? new Set(opts.fresh.map((n) => n.id())) : undefined;
  nodes.forEach((n: NodeSingular, i) => {
    const locked = n.locked();
    if (locked) fixed[i] = 1;
    if (locked || (fresh && !fresh.has(n.id()))) {
      const p = n.position();
      positions[2 * i] = p.x;
      positions[2 * i + 1] = p.y;
    }
  });
  const sizes = opts.look?.sizeOf ? Float32Array.from(nodes.map((n) => opts.look!.sizeOf!(n.degree(false)))) : undefined;
  const pos = await computeLayout({ count: nodes.length, edges: Uint32Array.from(pairs), positions, fixed, sizes, edgeLength: opts.look?.edgeLength }, opts.onProgress);
  if (!pos) return false;
  eles.layout({
    name: 'preset',
    positions: (n: NodeSingular) => { const i = index.get(n.id())!; return { x: pos[2 * i], y: pos[2 * i + 1] }; },
    fit: opts.fit ?? true,
    padding: 30,
    animate: false,
  } as never).run();
  return true;
}
