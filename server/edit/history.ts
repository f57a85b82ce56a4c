// The history (GET /api/changes): change sets filtered by actor, author, kind and date, with what each did;
// and revert of one change set, refused with the later changes that depend on it.
import type { ChangeEntry, ChangeSetEntry, ChangesQuery, ChangesResponse } from '../../model/schema';
import { get, toInfo, undo } from '../changes';
import type { Db } from '../db';
import { AppError, ConflictError } from '../errors';
import { Q } from '../queries';
import { mayActFor, ForbiddenError, type Principal } from '../auth';

const PER_SET = 20;

/** Before images are stored as { props, type, source, target }, after images as the properties: one flat shape. */
export function image(v: Record<string, unknown>): Record<string, unknown> {
  const p = v.props && typeof v.props === 'object' ? { ...(v.props as Record<string, unknown>) } : { ...v };
  for (const k of ['_cs', '_h', 'searchKeys', 'searchText']) delete p[k];
  return p;
}

function toEntry(p: Record<string, unknown>): ChangeEntry {
  const parse = (v: unknown) => (typeof v === 'string' ? image(JSON.parse(v) as Record<string, unknown>) : null);
  const e: ChangeEntry = { entity: p.entity as ChangeEntry['entity'], key: p.key as string, op: p.op as ChangeEntry['op'], before: parse(p.before), after: parse(p.after) };
  for (const k of ['type', 'from', 'to'] as const) if (typeof p[k] === 'string') e[k] = p[k];
  return e;
}

/** A whole day when only a date is given: `to=2026-11-27` includes that day. */
const endOf = (to: string) => (to.length === 10 ? `${to}T23:59:59.999Z` : to);

export async function listChanges(db: Db, q: ChangesQuery): Promise<ChangesResponse> {
  let ids: string[] | null = null;
  if (q.actor) {
    ids = (await db.read(Q.editChangeSetsOfActor, { actor: q.actor, limit: 5000 })).map((r) => r.cs as string);
    if (!ids.length) return { changeSets: [], next: null };
  }
  const rows = await db.read(Q.editChangeSets, {
    ids, user: q.user ?? null, kind: q.kind ?? null, from: q.from ?? null, to: q.to ? endOf(q.to) : null,
    before: q.before ?? null, limit: q.limit + 1, actor: q.actor ?? null, perSet: PER_SET,
  });
  const page = rows.slice(0, q.limit);
  const changeSets: ChangeSetEntry[] = page.map((r) => ({
    ...toInfo(r),
    changes: (r.changes as Record<string, unknown>[]).map(toEntry),
    moreChanges: Boolean(r.more),
  }));
  return { changeSets, next: rows.length > q.limit ? changeSets[changeSets.length - 1].id : null };
}

/**
 * Reverts a committed change set as a whole (an edit, a merge, an import): editors their own, admins anyone's.
 * Refused (409) with the later change sets that wrote what it wrote, so nothing they did is silently lost.
 */
export async function revertChangeSet(db: Db, id: string, p: Principal): Promise<{ changeSet: ReturnType<typeof toInfo>; version: number }> {
  const info = await get(db, id);
  if (info.kind === 'console') {
    throw new ConflictError('a console write cannot be reverted: arbitrary Cypher leaves no before image; write the inverse query, or restore from an export', { id, kind: info.kind, reason: 'not-undoable' });
  }
  if (!mayActFor(p, info.author)) {
    if (p.role === 'editor') throw new AppError('Forbidden', 403, `only an admin may revert a change made by ${info.author}`, { needed: 'admin', role: p.role, author: info.author });
    throw new ForbiddenError('editor', p);
  }
  try {
    const version = await undo(db, id, p.name);
    return { changeSet: await get(db, id), version };
  } catch (e) {
    const d = e instanceof ConflictError ? (e.details as { changeSets?: string[] } | undefined) : undefined;
    if (!d?.changeSets) throw e;
    const later = await Promise.all(d.changeSets.map((cs) => get(db, cs).catch(() => undefined)));
    throw new ConflictError(e instanceof Error ? e.message : String(e), {
      ...d,
      later: later.filter((x) => x !== undefined).map((x) => ({ id: x.id, kind: x.kind, author: x.author, createdAt: x.createdAt, reason: x.reason, summary: x.summary })),
    });
  }
}
