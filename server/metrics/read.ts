// Reads the graph metrics need from Neo4j, in keyset pages, straight into typed columns (no per-tie objects).
import { filterParams } from '../graph/filters';
import { graphVersion } from '../graph/version';
import type { Db } from '../db';
import { Q } from '../queries';
import { EXCLUDED_STATUSES, KIND_INDEX, TYPE_INDEX, type MetricsInput } from './graph';

export const READ_PAGE = 20_000;

function grow<T extends Int32Array | Uint8Array | Float64Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

/**
 * The metrics input and the graph version read before it: a write during the read leaves the result
 * labelled with the older version, so it is served as stale and computed again.
 */
export async function readMetricsInput(db: Db, onProgress?: (ties: number) => void): Promise<{ version: number; input: MetricsInput }> {
  const version = await graphVersion(db);
  const ids: string[] = [];
  const names: string[] = [];
  let kinds = new Uint8Array(1024);
  const all = filterParams({});
  for (let after = ''; ;) {
    const rows = await db.read(Q.elementsActors, { ...all, after, size: READ_PAGE });
    kinds = grow(kinds, ids.length + rows.length);
    for (const r of rows) {
      kinds[ids.length] = KIND_INDEX.get(r.kind as string) ?? 0;
      ids.push(r.id as string);
      names.push(r.name as string);
    }
    if (rows.length < READ_PAGE) break;
    after = ids[ids.length - 1];
  }
  const index = new Map<string, number>();
  ids.forEach((id, i) => index.set(id, i));
  let src = new Int32Array(4096);
  let dst = new Int32Array(4096);
  let type = new Uint8Array(4096);
  let amount = new Float64Array(4096);
  let m = 0;
  const cursor = { after: '', afterRel: '', afterType: '' };
  for (;;) {
    const rows = await db.read(Q.metricsTies, { ...cursor, excluded: [...EXCLUDED_STATUSES], size: READ_PAGE });
    src = grow(src, m + rows.length);
    dst = grow(dst, m + rows.length);
    type = grow(type, m + rows.length);
    amount = grow(amount, m + rows.length);
    for (const r of rows) {
      const s = index.get(r.s as string);
      const t = index.get(r.t as string);
      // An actor created after the actors were read: left out, the next computation will have it.
      if (s === undefined || t === undefined) continue;
      src[m] = s;
      dst[m] = t;
      type[m] = TYPE_INDEX.get(r.type as string)!;
      amount[m] = typeof r.amount === 'number' ? r.amount : NaN;
      m += 1;
    }
    onProgress?.(m);
    if (rows.length < READ_PAGE) break;
    const last = rows[rows.length - 1];
    Object.assign(cursor, { after: last.s as string, afterRel: last.id as string, afterType: last.type as string });
  }
  return { version, input: { ids, names, kinds: kinds.slice(0, ids.length), m, src, dst, type, amount } };
}
