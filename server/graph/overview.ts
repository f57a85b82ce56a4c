// GET /api/graph/overview: the most central actors passing the filters and the passing ties among them.
import type { OverviewNode, CompactEdge } from '../../model/schema';
import type { Db } from '../db';
import { toCompactEdge, toNode, type RawEdge } from '../graph-mapper';
import { Q } from '../queries';
import type { DigestSpec } from './digest';
import type { FilterParams } from './filters';

/** Actors best first by a centrality computed elsewhere (PageRank of the metrics), for one graph version. */
export interface Ranking {
  version: number;
  /** Actor ids, best first. */
  ids: readonly string[];
  /** Kind of each actor of `ids`, same index. */
  kinds: readonly string[];
}

/** Every actor by degree, most ties first (the order until PageRank is fresh), kept as a background digest. */
export const degreeRanking: DigestSpec<Omit<Ranking, 'version'>> = {
  key: 'degree-ranking',
  async compute(db) {
    const ids: string[] = [];
    const kinds: string[] = [];
    // Streamed (100,000 rows), with the write timeout: this runs in the background, not in a request.
    await db.stream(Q.degreeRanking, {}, (r) => { ids.push(r.id as string); kinds.push(r.kind as string); });
    return { ids, kinds };
  },
  encode: (r) => JSON.stringify({ ids: r.ids, kinds: r.kinds }),
  decode: (text) => JSON.parse(text) as Omit<Ranking, 'version'>,
};

/** Candidates checked per query when hideIsolated must be tested against the ranking. */
const BATCH = 500;

/** The ids of the `limit` best actors of `ranking` passing the filters. */
export async function topActors(db: Db, p: FilterParams, limit: number, ranking: Ranking): Promise<string[]> {
  const kinds = p.kinds ? new Set(p.kinds) : undefined;
  const out: string[] = [];
  let batch: string[] = [];
  // Which candidates have a passing tie: asked by batches, since the best-ranked nearly always do.
  const keepLinked = async () => {
    const [row] = await db.read(Q.keepLinked, { ...p, ids: batch });
    const linked = new Set((row?.ids as string[] | undefined) ?? []);
    for (const id of batch) if (linked.has(id) && out.length < limit) out.push(id);
    batch = [];
  };
  for (let i = 0; i < ranking.ids.length && out.length < limit; i++) {
    if (kinds && !kinds.has(ranking.kinds[i])) continue;
    if (!p.hideIsolated) out.push(ranking.ids[i]);
    else {
      batch.push(ranking.ids[i]);
      if (batch.length === BATCH) await keepLinked();
    }
  }
  if (batch.length && out.length < limit) await keepLinked();
  return out;
}

/**
 * The actors of `ids` (their order kept) with their degree, and the passing ties among them. With `limit`
 * (a ranking of an older graph version, `ids` holding a few more than needed), actors since deleted or no
 * longer of a kind the filters keep are dropped before the first `limit` are taken and their ties read.
 */
export async function actorsAndTies(db: Db, p: FilterParams, ids: string[], limit?: number): Promise<{ nodes: OverviewNode[]; edges: CompactEdge[] }> {
  if (!ids.length) return { nodes: [], edges: [] };
  const toNodes = (rows: Record<string, unknown>[]) => rows.map((r) => ({ ...toNode(r.actor as Record<string, unknown>), degree: r.degree as number }));
  if (limit === undefined) {
    const [actors, ties] = await Promise.all([db.read(Q.actorsByIds, { ids }), db.read(Q.tiesAmong, { ...p, ids })]);
    return { nodes: toNodes(actors), edges: (ties as unknown as RawEdge[]).map(toCompactEdge) };
  }
  const kinds = p.kinds ? new Set<string>(p.kinds) : undefined;
  const nodes = toNodes(await db.read(Q.actorsByIds, { ids })).filter((n) => !kinds || kinds.has(n.kind)).slice(0, limit);
  const ties = await db.read(Q.tiesAmong, { ...p, ids: nodes.map((n) => n.id) });
  return { nodes, edges: (ties as unknown as RawEdge[]).map(toCompactEdge) };
}
