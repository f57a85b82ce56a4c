// A digest of every actor, source and relationship with all their properties: "the graph is unchanged" means equal digests.
import crypto from 'node:crypto';
import type { Db } from '../../server/db';

const QUERY = `
CALL () { MATCH (a:Actor) RETURN collect(properties(a)) AS actors }
CALL () { MATCH (s:Source) RETURN collect(properties(s)) AS sources }
CALL () {
  MATCH (a)-[r:FUNDS|PILOTS|PARTNERS_WITH|LABELS]->(b)
  RETURN collect({type: type(r), from: a.id, to: b.id, props: properties(r)}) AS rels
}
RETURN actors, sources, rels`;

/** Sorted keys, so the digest does not depend on property order. */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]));
  return v;
}

export interface GraphDigest {
  actors: number;
  sources: number;
  relationships: number;
  digest: string;
}

export async function graphDigest(db: Db): Promise<GraphDigest> {
  const [row] = await db.read(QUERY);
  const key = (x: unknown) => JSON.stringify(canonical(x));
  const sorted = (xs: unknown) => (xs as unknown[]).map(key).sort();
  const all = { actors: sorted(row.actors), sources: sorted(row.sources), rels: sorted(row.rels) };
  return {
    actors: all.actors.length,
    sources: all.sources.length,
    relationships: all.rels.length,
    digest: crypto.createHash('sha256').update(JSON.stringify(all)).digest('hex'),
  };
}
