// Positions of the last large payloads laid out in this browser (localStorage), keyed by what was laid out —
// the actors in their order and the ties between them — so that opening the same network again is drawn at
// once, in the same places (a returning user finds the picture they left). Any change to the payload is a
// different key: a stale layout is never applied.
const KEY = 'maillage.layouts';
/** Layouts kept (most recent first): the whole graph, the overview, a whole network on demand. */
const KEEP = 3;
/** Larger payloads are not kept (about 10 bytes of storage per actor). */
const MAX_NODES = 20_000;

interface Entry { key: string; count: number; positions: string }

/** FNV-1a over the actors' ids in order and the ties' ends: the same payload gives the same key. */
export function layoutKey(g: { nodes: { id: string }[]; edges: { source: string; target: string }[] }): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  const add = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    }
    h1 = Math.imul(h1 ^ 0x1f, 0x01000193);
  };
  for (const n of g.nodes) add(n.id);
  add('|');
  for (const e of g.edges) { add(e.source); add(e.target); }
  return `${g.nodes.length}:${g.edges.length}:${(h1 >>> 0).toString(36)}${(h2 >>> 0).toString(36)}`;
}

function read(): Entry[] {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((e): e is Entry => typeof e?.key === 'string' && typeof e?.positions === 'string' && typeof e?.count === 'number') : [];
  } catch {
    return [];
  }
}

const toBase64 = (a: Float32Array) => {
  const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};
const fromBase64 = (s: string) => {
  const bin = atob(s);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Float32Array(bytes.buffer);
};

/** The positions stored for this key (x, y per node), if any. */
export function cachedLayout(key: string, count: number): Float32Array | undefined {
  const e = read().find((x) => x.key === key);
  if (!e || e.count !== count) return undefined;
  const pos = fromBase64(e.positions);
  return pos.length === 2 * count && pos.every(Number.isFinite) ? pos : undefined;
}

/** Keeps these positions for this key (the oldest entry goes past KEEP; a full storage keeps nothing). */
export function storeLayout(key: string, positions: Float32Array): void {
  const count = positions.length / 2;
  if (count > MAX_NODES) return;
  const entries = [{ key, count, positions: toBase64(positions) }, ...read().filter((x) => x.key !== key)].slice(0, KEEP);
  try {
    localStorage.setItem(KEY, JSON.stringify(entries));
  } catch {
    // Storage full or refused (private browsing): the next visit lays the network out again.
  }
}
