// Reads the graph metrics need from Neo4j: actors in id order, each with its outgoing ties as lists of small
// numbers, straight into typed columns (no per-tie objects or id strings).
import { graphVersion } from '../graph/version';
import type { Db } from '../db';
import { Q } from '../queries';
import { EXCLUDED_STATUSES, KIND_INDEX, type MetricsInput } from './graph';

/** Actors per page: with their ties, ~100k numbers a page on the 100k / 1M bench graph. */
export const READ_PAGE = 10_000;

function grow<T extends Int32Array | Uint8Array | Float64Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

/**
 * The metrics input and the graph version read before it: a write during the read leaves the result
 * labelled with the older version, so it is served as stale and computed again. Ties name their other end
 * by Neo4j's internal node id (the reader maps it to the actor's index once every actor is read): a number
 * instead of an id string, which is what makes 1M ties cheap to read. Internal ids are only compared within
 * one read; a tie whose end is no longer an actor read (deleted meanwhile) is left out.
 */
export async function readMetricsInput(db: Db, opts: { pageSize?: number; onProgress?: (ties: number) => void; excluded?: readonly string[] } = {}): Promise<{ version: number; input: MetricsInput }> {
  const size = opts.pageSize ?? READ_PAGE;
  const version = await graphVersion(db);
  const ids: string[] = [];
  const names: string[] = [];
  let kinds = new Uint8Array(1024);
  let node = new Float64Array(1024);
  // Ties as read: source index, target internal id (mapped below), type index, amount.
  let src = new Int32Array(4096);
  let target = new Float64Array(4096);
  let type = new Uint8Array(4096);
  let amount = new Float64Array(4096);
  let m = 0;
  for (let after = ''; ;) {
    const rows = await db.read(Q.metricsAdjacency, { after, size, excluded: [...(opts.excluded ?? EXCLUDED_STATUSES)] });
    kinds = grow(kinds, ids.length + rows.length);
    node = grow(node, ids.length + rows.length);
    for (const r of rows) {
      const i = ids.length;
      kinds[i] = KIND_INDEX.get(r.kind as string) ?? 0;
      node[i] = r.node as number;
      ids.push(r.id as string);
      names.push(r.name as string);
      const targets = r.targets as number[];
      const types = r.types as number[];
      const amounts = r.amounts as unknown[];
      const k = targets.length;
      src = grow(src, m + k);
      target = grow(target, m + k);
      type = grow(type, m + k);
      amount = grow(amount, m + k);
      for (let j = 0; j < k; j++) {
        src[m] = i;
        target[m] = targets[j];
        type[m] = types[j];
        const a = amounts[j];
        amount[m] = typeof a === 'number' && a >= 0 ? a : NaN;
        m += 1;
      }
    }
    opts.onProgress?.(m);
    if (rows.length < size) break;
    after = ids[ids.length - 1];
  }
  const n = ids.length;
  const index = new Map<number, number>();
  for (let i = 0; i < n; i++) index.set(node[i], i);
  const dst = new Int32Array(m);
  let kept = 0;
  for (let e = 0; e < m; e++) {
    const t = index.get(target[e]);
    // An actor created after its page was read: left out, the next computation will have it.
    if (t === undefined) continue;
    src[kept] = src[e];
    dst[kept] = t;
    type[kept] = type[e];
    amount[kept] = amount[e];
    kept += 1;
  }
  return { version, input: { ids, names, kinds: kinds.slice(0, n), m: kept, src, dst, type, amount } };
}
