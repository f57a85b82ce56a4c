// The candidate pairs of a database's actors (runs in the duplicates worker thread): read names, score pairs,
// lower the pairs already tied to each other, and keep only the actors the pairs name.
import type { GraphNode } from '../../model/schema';
import type { Db } from '../db';
import { Q } from '../queries';
import { findCandidates, markLinked, type ActorNames, type Candidate } from './candidates';

/** Below this score a pair is not kept at all (queries filter higher). */
export const BASE_MIN_SCORE = 0.3;

export interface Computed {
  candidates: Candidate[];
  /** The actors the candidates name (not every actor: a large graph has far more). */
  actors: GraphNode[];
}

/** How long a test's hold may block at most. */
const HOLD_MAX_MS = 60_000;

/**
 * Candidates best first. `hold` (tests): after reading, the computation sets hold[0] to 1 and blocks its
 * thread until hold[1] is non-zero (60 s at most), as a long scoring would, then sets hold[0] to 2.
 */
export async function computeCandidates(db: Db, hold?: Int32Array): Promise<Computed> {
  const rows = (await db.read(Q.duplicateActors)) as unknown as ActorNames[];
  if (hold) {
    Atomics.store(hold, 0, 1);
    Atomics.notify(hold, 0);
    Atomics.wait(hold, 1, 0, HOLD_MAX_MS);
    Atomics.store(hold, 0, 2);
  }
  let candidates = findCandidates(rows, { minScore: BASE_MIN_SCORE });
  // Pairs already tied to each other are lowered: asked in one query per 5,000 candidate pairs.
  const linked = new Set<string>();
  for (let i = 0; i < candidates.length; i += 5000) {
    const pairs = candidates.slice(i, i + 5000).map((c) => [c.a, c.b]);
    for (const r of await db.read(Q.duplicateLinkedPairs, { pairs })) linked.add(`${String(r.a)}|${String(r.b)}`);
  }
  candidates = markLinked(candidates, linked, BASE_MIN_SCORE);
  const named = new Set<string>();
  for (const c of candidates) named.add(c.a).add(c.b);
  const actors = rows.filter((r) => named.has(r.id)).map((r) => ({ id: r.id, name: r.name, kind: r.kind, aliases: r.aliases }));
  return { candidates, actors };
}
