// Editing actors through change sets: create, change, delete (with its ties), merge two into one, and
// resolve an id that was merged away.
import type { Actor, ActorCreateRequest, ActorPatchRequest, DeleteRequest, EditResult, GraphEdge, MergePreview, MergeRequest, RelationshipRecord } from '../../model/schema';
import { fold } from '../../model/text';
import { toStored } from '../changes/records';
import type { Db } from '../db';
import { ValidationError } from '../errors';
import { toEdge, toNode } from '../graph-mapper';
import { Q } from '../queries';
import { checkVersion, EditConflictError, freeId, lastChange, mustReadActor, readTies, resolveProvenance, runEdit, slugify, storedVersion } from './common';

const node = (a: Actor) => toNode(toStored('actor', a, ''));
const edge = (r: RelationshipRecord): GraphEdge => toEdge({ type: r.type, source: r.source, target: r.target, props: toStored('relationship', r, '') });

/** Aliases without repeats (folded) and without the name itself. */
function cleanAliases(name: string, aliases: string[]): string[] {
  const seen = new Set([fold(name)]);
  return aliases.filter((a) => {
    const f = fold(a);
    if (!f || seen.has(f)) return false;
    seen.add(f);
    return true;
  });
}

export async function createActor(db: Db, req: ActorCreateRequest, author: string): Promise<EditResult> {
  const prov = await resolveProvenance(db, req.provenance);
  const { id: wanted, ...fields } = req.actor;
  let id = wanted;
  if (id) {
    const [taken] = await db.read(Q.csActorFind, { ids: [id], full: false });
    if (taken) throw new ValidationError([{ field: 'body.actor.id', message: `an actor "${id}" already exists` }]);
  } else id = await freeId(db, Q.csActorFind, slugify(fields.name));
  const actor: Actor = { ...fields, id, aliases: cleanAliases(fields.name, fields.aliases) };
  const { changeSet } = await runEdit(db, { author, action: 'actor.create', prov, summary: { actor: id } }, { actors: { create: [actor] } }, { entity: 'actor', id, yours: req.actor });
  return { changeSet, version: storedVersion('actor', actor), actor: node(actor) };
}

export async function updateActor(db: Db, id: string, req: ActorPatchRequest, author: string): Promise<EditResult> {
  const cur = await mustReadActor(db, id);
  await checkVersion(db, 'actor', id, cur, req.version, req.changes);
  const prov = await resolveProvenance(db, req.provenance);
  const next: Actor = { ...cur.record };
  const c = req.changes;
  if (c.name !== undefined) next.name = c.name;
  if (c.kind !== undefined) next.kind = c.kind;
  if (c.aliases !== undefined) next.aliases = c.aliases;
  for (const k of ['description', 'territory'] as const) {
    if (c[k] === null) delete next[k];
    else if (c[k] !== undefined) next[k] = c[k];
  }
  next.aliases = cleanAliases(next.name, next.aliases);
  const { changeSet } = await runEdit(db, { author, action: 'actor.update', prov, summary: { actor: id, fields: Object.keys(c) } }, { actors: { update: [{ before: cur.record, after: next }] } }, { entity: 'actor', id, yours: req.changes });
  return { changeSet, version: storedVersion('actor', next), actor: node(next) };
}

/** Deletes an actor and its ties in one change set (undo brings them all back). */
export async function deleteActor(db: Db, id: string, req: DeleteRequest, author: string): Promise<EditResult> {
  const cur = await mustReadActor(db, id);
  await checkVersion(db, 'actor', id, cur, req.version, { delete: true });
  const prov = await resolveProvenance(db, req.provenance);
  const ties = await readTies(db, id);
  const { changeSet } = await runEdit(
    db,
    { author, action: 'actor.delete', prov, summary: { actor: id, name: cur.record.name, ties: ties.length } },
    { actors: { delete: [cur.record] }, relationships: { delete: ties.map((t) => t.record) } },
    { entity: 'actor', id, yours: { delete: true } },
  );
  return { changeSet };
}

/** The id an old link names: itself, or the actor it was merged into (undefined when neither exists). */
export async function resolveActorId(db: Db, id: string): Promise<string | undefined> {
  const [row] = await db.read(Q.editActorByMergedId, { id });
  return row?.id as string | undefined;
}

interface MergePlan {
  preview: MergePreview;
  survivor: Actor;
  other: Actor;
  result: Actor;
  move: { before: RelationshipRecord; after: RelationshipRecord }[];
  drop: RelationshipRecord[];
}

const FIELD_VALUE = (a: Actor, f: 'name' | 'kind' | 'description' | 'territory') => a[f];

/** What merging `otherId` into `survivorId` does: ties moved (ids kept), ties between them dropped, aliases gained, field conflicts. */
async function planMerge(db: Db, survivorId: string, req: MergeRequest): Promise<MergePlan> {
  if (req.other === survivorId) throw new ValidationError([{ field: 'body.other', message: 'an actor cannot be merged into itself' }]);
  const [s, o] = [await mustReadActor(db, survivorId), await mustReadActor(db, req.other)];
  if (req.versions && (req.versions.survivor !== s.version || req.versions.other !== o.version)) {
    const stale = req.versions.survivor !== s.version ? s : o;
    throw new EditConflictError('actor', stale.record.id, { current: stale.record, yours: req, change: await lastChange(db, stale.record.id) });
  }
  const [sTies, oTies] = [await readTies(db, survivorId), await readTies(db, req.other)];
  const move: MergePlan['move'] = [];
  const drop: RelationshipRecord[] = [];
  const parallel: string[] = [];
  const existing = new Set(sTies.map((t) => `${t.record.type}|${t.record.source}|${t.record.target}`));
  for (const { record: r } of oTies) {
    if (r.source === survivorId || r.target === survivorId) { drop.push(r); continue; }
    let after: RelationshipRecord = { ...r, source: r.source === req.other ? survivorId : r.source, target: r.target === req.other ? survivorId : r.target };
    if (after.type === 'PARTNERS_WITH' && after.source > after.target) after = { ...after, source: after.target, target: after.source };
    if (existing.has(`${after.type}|${after.source}|${after.target}`)) parallel.push(r.id);
    move.push({ before: r, after });
  }
  const conflicts: MergePreview['conflicts'] = [];
  const result: Actor = { ...s.record };
  for (const f of ['name', 'kind', 'description', 'territory'] as const) {
    const [sv, ov] = [FIELD_VALUE(s.record, f), FIELD_VALUE(o.record, f)];
    if (ov === undefined || sv === ov) continue;
    if (sv === undefined) { Object.assign(result, { [f]: ov }); continue; }
    conflicts.push({ field: f, survivor: sv, other: ov });
    if (req.choose[f] === 'other') Object.assign(result, { [f]: ov });
  }
  const names = [s.record.name, ...s.record.aliases, o.record.name, ...o.record.aliases];
  result.aliases = cleanAliases(result.name, names);
  result.mergedIds = [...new Set([...(s.record.mergedIds ?? []), req.other, ...(o.record.mergedIds ?? [])])];
  const gained = result.aliases.filter((a) => !s.record.aliases.includes(a));
  const moved = move.map((m) => m.after);
  const evidence = moved.flatMap((r) => r.evidence);
  const preview: MergePreview = {
    survivor: node(s.record),
    other: node(o.record),
    versions: { survivor: s.version, other: o.version },
    moved: moved.map(edge),
    dropped: drop.map(edge),
    parallel,
    evidence: { items: evidence.length, sources: [...new Set(evidence.map((e) => e.source))].sort() },
    aliases: gained,
    conflicts,
    result: node(result),
  };
  return { preview, survivor: s.record, other: o.record, result, move, drop };
}

/**
 * POST /api/actors/:id/merge. Preview: what would move. Merge: one change set (kind merge) that re-points the
 * other's ties (ids kept), drops ties between the two, deletes the other and gives the survivor its names and
 * id (mergedIds): old links resolve, and undo of the change set restores both actors exactly.
 */
export async function mergeActors(db: Db, survivorId: string, req: MergeRequest, author: string): Promise<MergePreview | (EditResult & { preview: MergePreview })> {
  const plan = await planMerge(db, survivorId, req);
  if (req.preview) return plan.preview;
  const prov = await resolveProvenance(db, req.provenance!);
  const { changeSet } = await runEdit(
    db,
    {
      kind: 'merge',
      author,
      action: 'actor.merge',
      prov,
      summary: { actor: survivorId, merged: req.other, mergedName: plan.other.name, moved: plan.move.length, dropped: plan.drop.length },
    },
    {
      actors: { update: [{ before: plan.survivor, after: plan.result }], delete: [plan.other] },
      relationships: { update: plan.move, delete: plan.drop },
    },
    { entity: 'actor', id: survivorId, yours: req },
  );
  return { changeSet, version: storedVersion('actor', plan.result), actor: node(plan.result), preview: plan.preview };
}
