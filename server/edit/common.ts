// What every edit shares: reading the element as stored, its version, the provenance (a source or a reason),
// the edit conflict (409 with the other change shown), and running the edit as one change set.
import type { Actor, Provenance, RelationshipRecord, Source, SourceChoice } from '../../model/schema';
import { fold } from '../../model/text';
import { history, runChangeSet, type WriteBatch } from '../changes';
import { contentHash, fromStored, storedHash, type Entity, type StoredImage } from '../changes/records';
import { findRels } from '../changes/write';
import type { Db } from '../db';
import { AppError, ConflictError, NotFoundError, ValidationError } from '../errors';
import { Q } from '../queries';
import { image } from './history';

/** An element read for an edit: its record and the version an editor must have seen. */
export interface Current<T> {
  record: T;
  version: string;
  /** The change set that wrote it last. */
  cs?: string;
}

/** The version an element has once written: its content hash (what `_h` holds). */
export const storedVersion = (entity: Entity, record: object) => contentHash(entity, record);

const reader = (db: Db) => ({ run: (q: string, p: Record<string, unknown> = {}) => db.read(q, p) });

export async function readActor(db: Db, id: string): Promise<Current<Actor> | undefined> {
  const [row] = await db.read(Q.csActorFind, { ids: [id], full: true });
  if (!row) return undefined;
  const image: StoredImage = { props: row.props as Record<string, unknown> };
  return { record: fromStored('actor', image) as Actor, version: storedHash('actor', image), cs: image.props._cs as string | undefined };
}

export async function mustReadActor(db: Db, id: string): Promise<Current<Actor>> {
  const a = await readActor(db, id);
  if (!a) throw new NotFoundError('Actor', id);
  return a;
}

/** A tie by id; `type` picks among ties of different types sharing an id (rare). */
export async function readRelationship(db: Db, id: string, type?: string): Promise<Current<RelationshipRecord> | undefined> {
  const types = type ? [type] : ['FUNDS', 'PILOTS', 'PARTNERS_WITH', 'LABELS'];
  const found = await findRels(reader(db), types.map((t) => ({ type: t, id })));
  const [image] = [...found.values()];
  if (!image) return undefined;
  return { record: fromStored('relationship', image) as RelationshipRecord, version: storedHash('relationship', image), cs: image.props._cs as string | undefined };
}

/** Ties of an actor (both directions), as records with their versions. */
export async function readTies(db: Db, actorId: string): Promise<Current<RelationshipRecord>[]> {
  const rows = await db.read(Q.editActorTies, { id: actorId });
  return rows.map((r) => {
    const image: StoredImage = { props: r.props as Record<string, unknown>, type: r.type as string, source: r.source as string, target: r.target as string };
    return { record: fromStored('relationship', image) as RelationshipRecord, version: storedHash('relationship', image) };
  });
}

/**
 * Two editors changed the same thing: the second gets this, with the element as it now is, what they sent
 * (so nothing is lost: the client offers to apply it again) and the change that came in between.
 */
export class EditConflictError extends AppError {
  constructor(entity: Entity, id: string, details: { current?: unknown; yours?: unknown; change?: unknown; conflicts?: unknown }) {
    super('EditConflict', 409, `this ${entity} has been changed by someone else since you opened it: compare, then apply your change again`, { entity, id, ...details });
  }
}

/** The last change an element went through (author, when, why), for the 409 answer. */
export async function lastChange(db: Db, key: string): Promise<Record<string, unknown> | undefined> {
  const [row] = await history(db, key, 1);
  if (!row) return undefined;
  const c = row.change as Record<string, unknown>;
  const cs = (await db.read(Q.csGet, { id: c.cs }))[0]?.cs as Record<string, unknown> | undefined;
  const parse = (v: unknown) => (typeof v === 'string' ? image(JSON.parse(v) as Record<string, unknown>) : null);
  return {
    changeSet: c.cs,
    op: c.op,
    author: row.author,
    at: c.at,
    reason: cs?.reason,
    summary: typeof cs?.summary === 'string' ? parse(cs.summary) : undefined,
    before: parse(c.before),
    after: parse(c.after),
  };
}

/** Refuses an edit made on a version that is no longer the stored one. */
export async function checkVersion<T>(db: Db, entity: Entity, id: string, current: Current<T>, version: string, yours: unknown): Promise<void> {
  if (current.version === version) return;
  throw new EditConflictError(entity, id, { current: current.record, yours, change: await lastChange(db, id) });
}

/** Lowercase ASCII slug of a name, for new ids. */
export function slugify(text: string, max = 80): string {
  const s = fold(text).replace(/ /g, '-').slice(0, max).replace(/-+$/, '');
  return s || 'x';
}

/** `base`, or `base-2`, `base-3`… : the first id no element of that kind has. */
export async function freeId(db: Db, query: string, base: string): Promise<string> {
  const candidates = [base, ...Array.from({ length: 49 }, (_, i) => `${base}-${i + 2}`)];
  const rows = await db.read(query, { ids: candidates, full: false });
  const taken = new Set(rows.map((r) => (r.props as { id: string }).id));
  const id = candidates.find((c) => !taken.has(c));
  if (!id) throw new ConflictError(`too many elements are named like "${base}": give an id`, { base });
  return id;
}

/** A provenance resolved: the source to cite (created if new) and what the change set records. */
export interface Resolved {
  sourceId?: string;
  /** A new source, created in the same change set. */
  create?: Source;
  excerpt?: string;
  reason?: string;
  summary: Record<string, unknown>;
}

/** Checks a picked source exists, or prepares a new one (id from its title and date). */
export async function resolveSource(db: Db, choice: SourceChoice, field: string): Promise<{ id: string; create?: Source; title: string }> {
  if ('id' in choice) {
    const [row] = await db.read(Q.csSourceFind, { ids: [choice.id], full: true });
    if (!row) throw new ValidationError([{ field: `${field}.id`, message: `unknown source "${choice.id}": pick an existing source or describe a new one` }]);
    return { id: choice.id, title: (row.props as { title: string }).title };
  }
  const id = await freeId(db, Q.csSourceFind, slugify([choice.publisher, choice.title, choice.date].filter(Boolean).join(' '), 100));
  return { id, create: { ...choice, id } as Source, title: choice.title };
}

export async function resolveProvenance(db: Db, p: Provenance, field = 'body.provenance'): Promise<Resolved> {
  const out: Resolved = { summary: {} };
  if (p.source) {
    const s = await resolveSource(db, p.source, `${field}.source`);
    out.sourceId = s.id;
    if (s.create) out.create = s.create;
    out.summary.source = { id: s.id, title: s.title };
  }
  if (p.excerpt) out.excerpt = out.summary.excerpt = p.excerpt;
  if (p.reason) out.reason = p.reason;
  return out;
}

/** Runs one edit as one change set (kind edit, or merge); a write refused for staleness becomes an EditConflict. */
export async function runEdit(
  db: Db,
  meta: { kind?: 'edit' | 'merge'; author: string; action: string; prov: Resolved; summary?: Record<string, unknown> },
  batch: WriteBatch,
  conflictOn: { entity: Entity; id: string; yours: unknown },
): Promise<{ changeSet: string; version: number }> {
  if (meta.prov.create) batch.sources = { ...batch.sources, create: [...(batch.sources?.create ?? []), meta.prov.create] };
  const reason = meta.prov.reason ?? (meta.prov.excerpt ? `« ${meta.prov.excerpt} »` : undefined);
  try {
    const r = await runChangeSet(
      db,
      { kind: meta.kind ?? 'edit', author: meta.author, reason, summary: { action: meta.action, ...meta.prov.summary, ...meta.summary } },
      [batch],
    );
    return { changeSet: r.id, version: r.version };
  } catch (e) {
    // Written by someone else between our read and our write (checked again inside the transaction).
    if (e instanceof ConflictError && (e.details as { conflicts?: unknown[] } | undefined)?.conflicts) {
      const current = conflictOn.entity === 'actor' ? (await readActor(db, conflictOn.id))?.record : (await readRelationship(db, conflictOn.id))?.record;
      throw new EditConflictError(conflictOn.entity, conflictOn.id, { current, yours: conflictOn.yours, change: await lastChange(db, conflictOn.id), conflicts: (e.details as { conflicts: unknown[] }).conflicts });
    }
    throw e;
  }
}
