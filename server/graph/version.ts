// The graph version (a GraphState node bumped in every writing transaction) and caches keyed on it.
import type { Db } from '../db';
import { Q } from '../queries';

/** The current graph version; 0 for a database no versioned write has touched yet. */
export async function graphVersion(db: Db): Promise<number> {
  const [row] = await db.read(Q.graphVersion);
  return (row?.version as number | undefined) ?? 0;
}

/**
 * Values computed from the graph, kept while its version is unchanged: a small LRU of promises, so that
 * concurrent requests for the same key share one computation, and a failed one is not kept.
 */
export class VersionedCache<T> {
  private readonly entries = new Map<string, Promise<T>>();
  constructor(private readonly max = 64) {}

  get(version: number, key: string, compute: () => Promise<T>): Promise<T> {
    const k = `${version}\u0000${key}`;
    let p = this.entries.get(k);
    if (p) {
      // Refresh its place: Map keeps insertion order, the oldest entry is evicted first.
      this.entries.delete(k);
      this.entries.set(k, p);
      return p;
    }
    p = compute();
    this.entries.set(k, p);
    p.catch(() => this.entries.delete(k));
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
    return p;
  }
}
