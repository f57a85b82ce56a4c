// One write batch of a change set in one transaction: the elements, then their undo record (ChangeChunk) and,
// for small change sets, one Change per element. Also the reverse: reverting one batch from its chunks.
import { REL_TYPES } from '../../model/schema';
import type { Tx } from '../db';
import { ConflictError } from '../errors';
import { Q, type QueryName } from '../queries';
import {
  REL_STORED_KEYS,
  contentHash,
  fromStored,
  hashValue,
  mergeRel,
  storedHash,
  toStored,
  type Entity,
  type EntityOps,
  type Props,
  type RelationshipRecord,
  type RelRef,
  type StoredImage,
  type WriteBatch,
} from './records';
import type { ChangeConflict } from '../../model/schema';

/** The undo record of one entity's share of one batch, as stored on a ChangeChunk node. */
export interface ChunkRecord {
  cs: string;
  seq: number;
  entity: Entity;
  /** Ids of the elements created (the element itself is the after image). */
  created: string[];
  /** Relationships only: the type of each created id (relationship ids are unique per type). */
  createdTypes: string[];
  /** Before images (JSON of StoredImage) of the elements updated and deleted. */
  updated: string[];
  deleted: string[];
  /** Elements in the chunk: progress is the sum of `n`. */
  n: number;
  undone: boolean;
  at: string;
}

export interface BatchContext {
  cs: string;
  seq: number;
  /** Write one Change node per element (small change sets). */
  changes: boolean;
  at: string;
  /**
   * Relationships to create that exist by now (a concurrent change set created them) are overwritten and
   * recorded as updates. Off on the first try (CREATE alone is fastest); on when the batch hit one.
   */
  upsert?: boolean;
}

export interface BatchCounts {
  created: number;
  updated: number;
  deleted: number;
}

const NODE_Q: Record<'actor' | 'source', Record<'find' | 'upsert' | 'set' | 'del' | 'delOwn' | 'restore', QueryName>> = {
  actor: { find: 'csActorFind', upsert: 'csActorUpsert', set: 'csActorSet', del: 'csActorDelete', delOwn: 'csActorDeleteOwn', restore: 'csActorRestore' },
  source: { find: 'csSourceFind', upsert: 'csSourceUpsert', set: 'csSourceSet', del: 'csSourceDelete', delOwn: 'csSourceDeleteOwn', restore: 'csSourceRestore' },
};

const REL_TYPE_SET = new Set<string>(REL_TYPES);
const num = (rows: Record<string, unknown>[], key = 'n') => Number(rows[0]?.[key] ?? 0);

/** Accumulates one entity's chunk and Change nodes while a batch is written. */
class ChunkBuilder {
  readonly chunk: ChunkRecord;
  readonly changes: Props[] = [];
  constructor(readonly ctx: BatchContext, entity: Entity) {
    this.chunk = { cs: ctx.cs, seq: ctx.seq, entity, created: [], createdTypes: [], updated: [], deleted: [], n: 0, undone: false, at: ctx.at };
  }
  private change(op: string, key: string, before: StoredImage | null, after: Props | null, rel?: { type: string; source: string; target: string }) {
    if (!this.ctx.changes) return;
    const c: Props = { cs: this.ctx.cs, seq: this.ctx.seq, entity: this.chunk.entity, key, op, at: this.ctx.at, before: before ? JSON.stringify(before) : null, after: after ? JSON.stringify(after) : null };
    if (rel) Object.assign(c, { type: rel.type, from: rel.source, to: rel.target });
    this.changes.push(c);
  }
  /** A tie created by tieColumns: the undo record only (no Change node is written for it). */
  createdTie(id: string, type: string) {
    this.chunk.created.push(id);
    this.chunk.createdTypes.push(type);
    this.chunk.n++;
  }
  created(id: string, after: Props, rel?: { type: string; source: string; target: string }) {
    this.chunk.created.push(id);
    if (rel) this.chunk.createdTypes.push(rel.type);
    this.chunk.n++;
    this.change('create', id, null, after, rel);
  }
  updated(id: string, before: StoredImage, after: Props, rel?: { type: string; source: string; target: string }) {
    this.chunk.updated.push(JSON.stringify(before));
    this.chunk.n++;
    this.change('update', id, before, after, rel);
  }
  deleted(id: string, before: StoredImage, rel?: { type: string; source: string; target: string }) {
    this.chunk.deleted.push(JSON.stringify(before));
    this.chunk.n++;
    this.change('delete', id, before, null, rel);
  }
}

function checkUnique(entity: Entity, ids: string[]): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw new Error(`a write batch names ${entity} "${id}" twice`);
    seen.add(id);
  }
}

const conflict = (c: ChangeConflict[], what: string) =>
  new ConflictError(`${what}: ${c.slice(0, 5).map((x) => `${x.entity} "${x.id}"`).join(', ')}${c.length > 5 ? ` and ${c.length - 5} more` : ''}`, { conflicts: c });

/** Refuses updates and deletions of elements that are gone, or that differ from the `before` the caller read. */
function checkBefore<T extends object>(entity: Entity, ops: { before?: T; id: string }[], stored: Map<string, StoredImage>): void {
  const out: ChangeConflict[] = [];
  for (const { before, id } of ops) {
    const s = stored.get(id);
    if (!s) out.push({ entity, id, reason: 'deleted-later' });
    else if (before && contentHash(entity, before) !== storedHash(entity, s)) {
      out.push({ entity, id, reason: 'written-later', cs: typeof s.props._cs === 'string' ? s.props._cs : undefined });
    }
  }
  if (out.length) throw conflict(out, 'changed since it was read');
}

async function findNodes(tx: Tx, entity: 'actor' | 'source', ids: string[]): Promise<Map<string, StoredImage>> {
  const out = new Map<string, StoredImage>();
  if (!ids.length) return out;
  for (const r of await tx.run(Q[NODE_Q[entity].find], { ids, full: true })) {
    const props = r.props as Props;
    out.set(props.id as string, { props });
  }
  return out;
}

const relKey = (type: string, id: string) => `${type}\u0000${id}`;

/** Stored relationships by (type, id): their ends and properties. */
export async function findRels(tx: Pick<Tx, 'run'>, refs: RelRef[], full = true): Promise<Map<string, StoredImage>> {
  const out = new Map<string, StoredImage>();
  if (!refs.length) return out;
  for (const r of await tx.run(Q.csRelFind, { refs, full })) {
    const props = r.props as Props;
    out.set(relKey(r.type as string, props.id as string), { props, type: r.type as string, source: r.source as string, target: r.target as string });
  }
  return out;
}

/** Creations and updates of sources or actors (deletions come after relationships, in deleteNodes). */
async function upsertNodes(tx: Tx, entity: 'actor' | 'source', ops: EntityOps<{ id: string }> | undefined, b: ChunkBuilder): Promise<void> {
  const create = ops?.create ?? [];
  const update = ops?.update ?? [];
  if (!create.length && !update.length) return;
  checkUnique(entity, [...create.map((r) => r.id), ...update.map((u) => u.after.id), ...(ops?.delete ?? []).map((r) => r.id)]);
  const q = NODE_Q[entity];
  if (update.length) {
    for (const u of update) if (u.before && u.before.id !== u.after.id) throw new Error(`an update cannot change a ${entity}'s id (${u.before.id} → ${u.after.id})`);
    const stored = await findNodes(tx, entity, update.map((u) => u.after.id));
    checkBefore(entity, update.map((u) => ({ before: u.before, id: u.after.id })), stored);
    const rows = update.map((u) => toStored(entity, u.after, b.ctx.cs));
    await tx.run(Q[q.set], { rows, cs: null });
    rows.forEach((row, i) => b.updated(update[i].after.id, stored.get(update[i].after.id)!, row));
  }
  if (create.length) {
    const rows = create.map((r) => toStored(entity, r, b.ctx.cs));
    const [res] = await tx.run(Q[q.upsert], { rows });
    // Created meanwhile by a concurrent change set: recorded as an update with its real before image.
    const existed = new Map(((res?.existed as Props[]) ?? []).map((p) => [p.id as string, p]));
    rows.forEach((row, i) => {
      const id = create[i].id;
      const before = existed.get(id);
      if (before) b.updated(id, { props: before }, row);
      else b.created(id, row);
    });
  }
}

async function deleteNodes(tx: Tx, entity: 'actor' | 'source', ops: EntityOps<{ id: string }> | undefined, b: ChunkBuilder): Promise<void> {
  const del = ops?.delete ?? [];
  if (!del.length) return;
  if (!ops?.create?.length && !ops?.update?.length) checkUnique(entity, del.map((r) => r.id));
  const stored = await findNodes(tx, entity, del.map((r) => r.id));
  checkBefore(entity, del.map((r) => ({ before: r, id: r.id })), stored);
  await tx.run(Q[NODE_Q[entity].del], { ids: del.map((r) => r.id) });
  for (const r of del) b.deleted(r.id, stored.get(r.id)!);
}

const relShape = (r: { type: string; source: string; target: string }) => ({ type: r.type, source: r.source, target: r.target });

/**
 * A batch whose actor element ids (WriteBatch.actorNodes) did not all find their actor: one was deleted (and
 * its element id perhaps reused) since they were read. Its transaction is rolled back and the batch written
 * again by actor id.
 */
export class StaleActorNodes extends Error {
  constructor(missing: number) {
    super(`${missing} relationship(s) of a batch found no actor at the element ids read for them`);
    this.name = 'StaleActorNodes';
  }
}

/** Whether rel-create-at.cypher, which names each property, stores all of these. */
function storedKeysOnly(props: Props): boolean {
  for (const k in props) if (!REL_STORED_KEYS.has(k)) return false;
  return true;
}

/** Columns rel-create-at.cypher reads, except the change set's id (`_cs`, one for all). */
const REL_COLUMNS = [...REL_STORED_KEYS].filter((k) => k !== '_cs');

/** The longest string every one of `xs` starts with. */
function commonPrefix(xs: readonly string[]): string {
  let p = xs[0] ?? '';
  for (const x of xs) {
    let n = 0;
    while (n < p.length && n < x.length && p.charCodeAt(n) === x.charCodeAt(n)) n++;
    if (n < p.length) p = p.slice(0, n);
  }
  return p;
}

/**
 * Ties as rel-create-at.cypher's parameters: one list per property and per end (tie i is item i of each), the
 * change set's id once, the ends' element ids as their common prefix once (`$ep`: a database's element ids share
 * ~40 characters) and each end's remainder, and a tie's id null when it is the one derived from its type and ends
 * (`TYPE:source:target`, which the statement rebuilds). Undefined when a tie cannot be written so: an end without an
 * element id, a property the statement does not name, or ties of different change sets.
 */
function relColumns(rows: { type: string; source: string; target: string; props: Props }[], nodes: ReadonlyMap<string, string>): Record<string, unknown> | undefined {
  const cs = rows[0].props._cs;
  const cols: Record<string, unknown[]> = { source: [], target: [], type: [] };
  for (const k of REL_COLUMNS) cols[k] = [];
  const s: string[] = [];
  const t: string[] = [];
  for (const r of rows) {
    const es = nodes.get(r.source);
    const et = nodes.get(r.target);
    if (es === undefined || et === undefined || r.props._cs !== cs || !storedKeysOnly(r.props)) return undefined;
    s.push(es);
    t.push(et);
    cols.source.push(r.source);
    cols.target.push(r.target);
    cols.type.push(r.type);
    for (const k of REL_COLUMNS) cols[k].push(r.props[k] ?? null);
    const id = cols.id;
    if (id[id.length - 1] === `${r.type}:${r.source}:${r.target}`) id[id.length - 1] = null;
  }
  const ep = commonPrefix([commonPrefix(s), ...t]);
  return { ...cols, s: s.map((e) => e.slice(ep.length)), t: t.map((e) => e.slice(ep.length)), ep, _cs: cs ?? null };
}

/** Whether `id` is the one derived from a tie's type and ends (`TYPE:source:target`), without building it. */
function derivedId(id: string, type: string, source: string, target: string): boolean {
  const t = type.length;
  const s = t + 1 + source.length;
  return id.length === s + 1 + target.length && id.startsWith(type) && id.charCodeAt(t) === 58 && id.startsWith(source, t + 1) && id.charCodeAt(s) === 58 && id.endsWith(target);
}

/**
 * Records of ties to create → rel-create-at.cypher's parameters, as relColumns gives them from toStored's properties,
 * in one pass and without a properties object per tie (bench/README.md, import, after 8). Undefined when an end has
 * no element id.
 */
export function tieColumns(records: readonly RelationshipRecord[], cs: string, nodes: ReadonlyMap<string, string>, hashes?: readonly (number | undefined)[]): Record<string, unknown> | undefined {
  const n = records.length;
  const col = <T>() => new Array<T>(n);
  const [source, target, type, s, t] = [col<string>(), col<string>(), col<string>(), col<string>(), col<string>()];
  const [id, status, amountRaw, date, dateRaw, role, note, claims] = [col<string | null>(), col<string | null>(), col<string | null>(), col<string | null>(), col<string | null>(), col<string | null>(), col<string | null>(), col<string | null>()];
  const [amount, h] = [col<number | null>(), col<number>()];
  const [evidenceSources, evidenceExcerpts] = [col<string[]>(), col<string[]>()];
  for (let i = 0; i < n; i++) {
    const r = records[i];
    const es = nodes.get(r.source);
    const et = nodes.get(r.target);
    if (es === undefined || et === undefined) return undefined;
    s[i] = es;
    t[i] = et;
    source[i] = r.source;
    target[i] = r.target;
    type[i] = r.type;
    id[i] = derivedId(r.id, r.type, r.source, r.target) ? null : r.id;
    status[i] = r.status ?? null;
    amount[i] = r.amount ?? null;
    amountRaw[i] = r.amountRaw ?? null;
    date[i] = r.date ?? null;
    dateRaw[i] = r.dateRaw ?? null;
    role[i] = r.role ?? null;
    note[i] = r.note ?? null;
    const ev = r.evidence;
    const src = new Array<string>(ev.length);
    const exc = new Array<string>(ev.length);
    for (let k = 0; k < ev.length; k++) {
      src[k] = ev[k].source;
      exc[k] = ev[k].excerpt;
    }
    evidenceSources[i] = src;
    evidenceExcerpts[i] = exc;
    claims[i] = r.claims?.length ? JSON.stringify(r.claims) : null;
    h[i] = hashes?.[i] ?? hashValue('relationship', r);
  }
  const ep = commonPrefix([commonPrefix(s), ...t]);
  for (let i = 0; i < n; i++) {
    s[i] = s[i].slice(ep.length);
    t[i] = t[i].slice(ep.length);
  }
  return { source, target, type, id, status, amount, amountRaw, date, dateRaw, role, note, evidenceSources, evidenceExcerpts, claims, _h: h, s, t, ep, _cs: cs };
}

/** Creates relationships; a row whose ends are missing makes the batch fail with the actors named. */
async function createRels(tx: Tx, rows: { type: string; source: string; target: string; props: Props }[], nodes?: ReadonlyMap<string, string>): Promise<void> {
  if (!rows.length) return;
  const cols = nodes && relColumns(rows, nodes);
  if (cols) {
    const n = num(await tx.run(Q.csRelCreateAt, cols));
    if (n === rows.length) return;
    throw new StaleActorNodes(rows.length - n);
  }
  const [res] = await tx.run(Q.csRelCreate, { rows });
  if (num([res ?? {}]) === rows.length) return;
  const ids = [...new Set(rows.flatMap((r) => [r.source, r.target]))];
  const [found] = await tx.run(Q.existingActors, { ids });
  const have = new Set((found?.ids as string[] | undefined) ?? []);
  const missing = ids.filter((id) => !have.has(id)).map((id): ChangeConflict => ({ entity: 'actor', id, reason: 'deleted-later' }));
  throw conflict(missing, 'relationships point at actors that do not exist');
}

async function writeRels(tx: Tx, ops: EntityOps<RelationshipRecord> | undefined, b: ChunkBuilder, batch: Pick<WriteBatch, 'actorNodes' | 'createHashes' | 'layOver'>): Promise<void> {
  const { actorNodes: nodes, createHashes: hashes } = batch;
  const create = [...(ops?.create ?? [])];
  const update = [...(ops?.update ?? [])];
  const del = ops?.delete ?? [];
  if (!create.length && !update.length && !del.length) return;
  const all = [...create, ...update.map((u) => u.after), ...del];
  for (const r of all) if (!REL_TYPE_SET.has(r.type)) throw new Error(`unknown relationship type "${r.type}"`);
  checkUnique('relationship', all.map((r) => relKey(r.type, r.id)));
  for (const u of update) {
    if (u.before && (u.before.id !== u.after.id || u.before.type !== u.after.type)) {
      throw new Error(`an update keeps a relationship's type and id (${u.before.type} ${u.before.id} → ${u.after.type} ${u.after.id}): delete and create instead`);
    }
  }
  const stored = await findRels(tx, [...update.map((u) => u.after), ...del, ...(b.ctx.upsert ? create : [])].map((r) => ({ type: r.type, id: r.id })));
  if (b.ctx.upsert) {
    // Created meanwhile by a concurrent change set: written as an update, with its real before image.
    const taken = create.filter((r) => stored.has(relKey(r.type, r.id)));
    if (taken.length) {
      update.push(...taken.map((r) => ({ after: r, overlay: batch.layOver ? { statusStated: true } : undefined })));
      create.splice(0, create.length, ...create.filter((r) => !stored.has(relKey(r.type, r.id))));
    }
  }
  const key = (r: RelationshipRecord) => relKey(r.type, r.id);
  // An import's rows, laid over the ties as they are stored now (what they do not state is kept): the after image.
  for (let i = 0; i < update.length; i++) {
    const { before, after, overlay } = update[i];
    const s = overlay && stored.get(key(after));
    if (s) update[i] = { before, after: mergeRel(fromStored('relationship', s) as RelationshipRecord, after, overlay.statusStated) };
  }
  const check = (list: { before?: RelationshipRecord; r: RelationshipRecord }[]) => {
    const out: ChangeConflict[] = [];
    for (const { before, r } of list) {
      const s = stored.get(key(r));
      if (!s) out.push({ entity: 'relationship', id: r.id, type: r.type, reason: 'deleted-later' });
      else if (before && contentHash('relationship', before) !== storedHash('relationship', s)) {
        out.push({ entity: 'relationship', id: r.id, type: r.type, reason: 'written-later', cs: typeof s.props._cs === 'string' ? s.props._cs : undefined });
      }
    }
    if (out.length) throw conflict(out, 'changed since it was read');
  };
  check([...update.map((u) => ({ before: u.before, r: u.after })), ...del.map((r) => ({ before: r, r }))]);

  // Deletions first, and updates that move a tie to other ends (a relationship's ends cannot change in place).
  const moved = update.filter((u) => {
    const s = stored.get(key(u.after))!;
    return s.source !== u.after.source || s.target !== u.after.target;
  });
  const inPlace = update.filter((u) => !moved.includes(u));
  const gone = [...del, ...moved.map((u) => u.after)].map((r) => ({ type: r.type, id: r.id }));
  if (gone.length) await tx.run(Q.csRelDelete, { refs: gone, cs: null });
  for (const r of del) b.deleted(r.id, stored.get(key(r))!, relShape(stored.get(key(r)) as Required<StoredImage>));

  if (inPlace.length) {
    const rows = inPlace.map((u) => ({ type: u.after.type, props: toStored('relationship', u.after, b.ctx.cs) }));
    await tx.run(Q.csRelSet, { rows, cs: null });
    rows.forEach((row, i) => b.updated(inPlace[i].after.id, stored.get(key(inPlace[i].after))!, row.props, relShape(inPlace[i].after)));
  }
  // Ties only created, without Change nodes (a large change set: an import's): straight from records to columns.
  const cols = nodes && !moved.length && !b.ctx.changes && create.length ? tieColumns(create, b.ctx.cs, nodes, create.length === ops?.create?.length ? hashes : undefined) : undefined;
  if (cols) {
    const n = num(await tx.run(Q.csRelCreateAt, cols));
    if (n !== create.length) throw new StaleActorNodes(create.length - n);
    for (const r of create) b.createdTie(r.id, r.type);
    return;
  }
  const fresh = [...moved.map((u) => u.after), ...create].map((r) => ({ ...relShape(r), props: toStored('relationship', r, b.ctx.cs) }));
  await createRels(tx, fresh, nodes);
  moved.forEach((u, i) => b.updated(u.after.id, stored.get(key(u.after))!, fresh[i].props, relShape(u.after)));
  create.forEach((r, i) => b.created(r.id, fresh[moved.length + i].props, relShape(r)));
}

/** Writes one batch and its undo record inside `tx`; returns the counts of what it did. */
export async function applyBatch(tx: Tx, ctx: BatchContext, batch: WriteBatch): Promise<BatchCounts> {
  const bs = { source: new ChunkBuilder(ctx, 'source'), actor: new ChunkBuilder(ctx, 'actor'), relationship: new ChunkBuilder(ctx, 'relationship') };
  await upsertNodes(tx, 'source', batch.sources, bs.source);
  await upsertNodes(tx, 'actor', batch.actors, bs.actor);
  await writeRels(tx, batch.relationships, bs.relationship, batch);
  await deleteNodes(tx, 'actor', batch.actors, bs.actor);
  await deleteNodes(tx, 'source', batch.sources, bs.source);

  const chunks = Object.values(bs).map((b) => b.chunk).filter((c) => c.n > 0);
  if (chunks.length) await tx.run(Q.csChunkCreate, { chunks });
  const changes = Object.values(bs).flatMap((b) => b.changes);
  if (changes.length) await tx.run(Q.csChangeCreate, { changes });
  return {
    created: chunks.reduce((s, c) => s + c.created.length, 0),
    updated: chunks.reduce((s, c) => s + c.updated.length, 0),
    deleted: chunks.reduce((s, c) => s + c.deleted.length, 0),
  };
}

/** How many elements a batch names. */
export function batchSize(batch: WriteBatch): number {
  let n = 0;
  for (const ops of [batch.sources, batch.actors, batch.relationships]) {
    n += (ops?.create?.length ?? 0) + (ops?.update?.length ?? 0) + (ops?.delete?.length ?? 0);
  }
  return n;
}

const images = (list: string[]) => list.map((j) => JSON.parse(j) as StoredImage);

/**
 * Reverts the chunks of one batch (same seq) in `tx`, in the order that keeps every relationship's ends in
 * place: deleted nodes come back, then relationships are reverted, then created nodes go and updated ones
 * get their before image. Only elements this change set wrote last are touched; returns how many were not.
 */
export async function revertBatch(tx: Tx, cs: string, chunks: ChunkRecord[]): Promise<number> {
  const of = (e: Entity) => chunks.find((c) => c.entity === e);
  let skipped = 0;
  for (const e of ['source', 'actor'] as const) {
    const c = of(e);
    if (!c?.deleted.length) continue;
    const rows = images(c.deleted).map((i) => i.props);
    skipped += rows.length - num(await tx.run(Q[NODE_Q[e].restore], { rows }));
  }
  const rc = of('relationship');
  if (rc) {
    if (rc.created.length) {
      const refs = rc.created.map((id, i) => ({ id, type: rc.createdTypes[i] }));
      skipped += refs.length - num(await tx.run(Q.csRelDelete, { refs, cs }));
    }
    const upd = images(rc.updated);
    const del = images(rc.deleted);
    const current = await findRels(tx, [...upd, ...del].map((i) => ({ type: i.type!, id: i.props.id as string })), false);
    const set: { type: string; props: Props }[] = [];
    const remove: RelRef[] = [];
    const create: { type: string; source: string; target: string; props: Props }[] = [];
    for (const img of upd) {
      const cur = current.get(relKey(img.type!, img.props.id as string));
      if (!cur || cur.props._cs !== cs) { skipped++; continue; }
      if (cur.source === img.source && cur.target === img.target) set.push({ type: img.type!, props: img.props });
      else {
        remove.push({ type: img.type!, id: img.props.id as string });
        create.push({ type: img.type!, source: img.source!, target: img.target!, props: img.props });
      }
    }
    for (const img of del) {
      if (current.has(relKey(img.type!, img.props.id as string))) { skipped++; continue; }
      create.push({ type: img.type!, source: img.source!, target: img.target!, props: img.props });
    }
    if (remove.length) await tx.run(Q.csRelDelete, { refs: remove, cs });
    if (set.length) skipped += set.length - num(await tx.run(Q.csRelSet, { rows: set, cs }));
    if (create.length) skipped += create.length - num(await tx.run(Q.csRelCreate, { rows: create }));
  }
  for (const e of ['actor', 'source'] as const) {
    const c = of(e);
    if (!c) continue;
    if (c.created.length) skipped += c.created.length - num(await tx.run(Q[NODE_Q[e].delOwn], { ids: c.created, cs }));
    if (c.updated.length) {
      const rows = images(c.updated).map((i) => i.props);
      skipped += rows.length - num(await tx.run(Q[NODE_Q[e].set], { rows, cs }));
    }
  }
  await tx.run(Q.csChunksUndone, { cs, seq: chunks[0].seq });
  return skipped;
}
