// What a committed import brought, drawable on a graph of any size: the actors it wrote with the most ties (else
// the ends of its ties, for a table of ties between actors already stored) and every tie among them, the ones it
// wrote marked. The Importer's result draws this on the overview when the graph is too large to be drawn whole.
import type { ImportFocus } from '../../model/schema';
import type { Db } from '../db';
import { filterParams } from '../graph/filters';
import { actorsAndTies } from '../graph/overview';
import { Q } from '../queries';

/** Ties read from the undo records to find their ends, per actor to show: enough to rank the most tied. */
const TIES_PER_ACTOR = 20;

export async function importFocus(db: Db, cs: string, limit: number): Promise<ImportFocus> {
  const [written] = await db.read(Q.importFocusActors, { cs, limit });
  const writtenIds = (written?.ids as string[] | undefined) ?? [];
  const ids = [...writtenIds];
  if (ids.length < limit) {
    const seen = new Set(ids);
    for (const r of await db.read(Q.importFocusTieEnds, { cs, limit, max: limit * TIES_PER_ACTOR })) {
      const id = r.id as string;
      if (ids.length >= limit) break;
      if (seen.has(id)) continue;
      seen.add(id);
      ids.push(id);
    }
  }
  const { nodes, edges } = await actorsAndTies(db, filterParams({}), ids);
  const writtenSet = new Set(writtenIds);
  const fresh = ids.length ? (await db.read(Q.importFocusFreshTies, { cs, ids })).map((r) => r.id as string) : [];
  return {
    nodes,
    edges,
    fresh: { actors: nodes.filter((n) => writtenSet.has(n.id)).map((n) => n.id), relationships: fresh },
    written: { actors: Number(written?.total ?? 0) },
  };
}
