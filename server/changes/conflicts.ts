// Why a committed change set cannot be undone: the elements it wrote that later change sets wrote, removed or tied to.
import type { ChangeConflict } from '../../model/schema';
import type { Db } from '../db';
import { Q } from '../queries';
import type { StoredImage } from './records';
import { findRels, type ChunkRecord } from './write';

export interface ConflictReport {
  /** Up to `limit` conflicting elements. */
  conflicts: ChangeConflict[];
  /** How many there are in all. */
  total: number;
  /** The later change sets involved (those still known by their stamp). */
  changeSets: string[];
}

const img = (j: string) => JSON.parse(j) as StoredImage;

/** Checks every chunk of change set `cs` against the current graph. */
export async function findConflicts(db: Db, cs: string, chunks: ChunkRecord[], limit = 100): Promise<ConflictReport> {
  const conflicts: ChangeConflict[] = [];
  let total = 0;
  const sets = new Set<string>();
  const add = (c: ChangeConflict) => {
    total++;
    if (c.cs) sets.add(c.cs);
    if (conflicts.length < limit) conflicts.push(c);
  };
  const read = { run: (q: string, p: Record<string, unknown>) => db.read(q, p) };

  for (const c of chunks) {
    if (c.entity === 'relationship') {
      const written = [
        ...c.created.map((id, i) => ({ id, type: c.createdTypes[i] })),
        ...c.updated.map(img).map((i) => ({ id: i.props.id as string, type: i.type! })),
      ];
      const gone = c.deleted.map(img).map((i) => ({ id: i.props.id as string, type: i.type! }));
      const now = await findRels(read, [...written, ...gone], false);
      const key = (r: { type: string; id: string }) => `${r.type}\u0000${r.id}`;
      for (const r of written) {
        const s = now.get(key(r));
        if (!s) add({ entity: 'relationship', id: r.id, type: r.type, reason: 'deleted-later' });
        else if (s.props._cs !== cs) add({ entity: 'relationship', id: r.id, type: r.type, reason: 'written-later', cs: stamp(s) });
      }
      for (const r of gone) {
        const s = now.get(key(r));
        if (s) add({ entity: 'relationship', id: r.id, type: r.type, reason: 'created-again', cs: stamp(s) });
      }
      continue;
    }
    const find = c.entity === 'actor' ? Q.csActorFind : Q.csSourceFind;
    const written = [...c.created, ...c.updated.map((j) => img(j).props.id as string)];
    const gone = c.deleted.map((j) => img(j).props.id as string);
    const rows = await db.read(find, { ids: [...written, ...gone], full: false });
    const now = new Map(rows.map((r) => [(r.props as { id: string }).id, r.props as StoredImage['props']]));
    for (const id of written) {
      const s = now.get(id);
      if (!s) add({ entity: c.entity, id, reason: 'deleted-later' });
      else if (s._cs !== cs) add({ entity: c.entity, id, reason: 'written-later', cs: typeof s._cs === 'string' ? s._cs : undefined });
    }
    for (const id of gone) {
      const s = now.get(id);
      if (s) add({ entity: c.entity, id, reason: 'created-again', cs: typeof s._cs === 'string' ? s._cs : undefined });
    }
    if (c.entity === 'actor' && c.created.length) {
      // An actor this change set created, tied since by another one: undo would have to delete that tie too.
      for (const t of await db.read(Q.csActorForeignTies, { ids: c.created, cs, limit: limit + 1 })) {
        add({ entity: 'relationship', id: t.id as string, type: t.type as string, reason: 'tied-later', cs: (t.cs as string | null) ?? undefined });
      }
    }
  }
  return { conflicts, total, changeSets: [...sets].sort() };
}

function stamp(s: StoredImage): string | undefined {
  return typeof s.props._cs === 'string' ? s.props._cs : undefined;
}
