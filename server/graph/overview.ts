// GET /api/graph/overview: the most central actors passing the filters and the passing ties among them.
import type { OverviewNode, CompactEdge } from '../../model/schema';
import type { Db } from '../db';
import { toCompactEdge, toNode, type RawEdge } from '../graph-mapper';
import { Q } from '../queries';
import type { FilterParams } from './filters';

/** Actors best first by a centrality computed elsewhere (PageRank of the metrics), for one graph version. */
export interface Ranking {
  version: number;
  /** Actor ids, best first. */
  ids: readonly string[];
  /** Kind of each actor of `ids`, same index. */
  kinds: readonly string[];
}

/** Candidates checked per query when hideIsolated must be tested against the ranking. */
const BATCH = 500;

/** The ids of the `limit` best actors passing the filters: from `ranking` when given, by degree otherwise. */
export async function topActors(db: Db, p: FilterParams, limit: number, ranking?: Ranking): Promise<string[]> {
  if (!ranking) {
    const rows = await db.read(Q.overviewByDegree, { ...p, limit });
    return rows.map((r) => r.id as string);
  }
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

/** The actors of `ids` (their order kept) with their degree, and the passing ties among them. */
export async function actorsAndTies(db: Db, p: FilterParams, ids: string[]): Promise<{ nodes: OverviewNode[]; edges: CompactEdge[] }> {
  if (!ids.length) return { nodes: [], edges: [] };
  const [actors, ties] = await Promise.all([db.read(Q.actorsByIds, { ids }), db.read(Q.tiesAmong, { ...p, ids })]);
  return {
    nodes: actors.map((r) => ({ ...toNode(r.actor as Record<string, unknown>), degree: r.degree as number })),
    edges: (ties as unknown as RawEdge[]).map(toCompactEdge),
  };
}
