// Loading a dataset file (seeds, `npm run load`): validated whole, compared with the graph by content hash,
// then written as one change set in bounded batches: an invalid file or a failure half-way changes nothing.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ChangeSetKind } from '../model/schema';
import { BARRIER, fromStored, hashValue, runChangeSet, storedValue, type WriteBatch } from './changes';
import type { RelationshipRecord } from './changes/records';
import { findRels } from './changes/write';
import { checkDataset, parseJson, type DatasetRows } from './dataset';
import type { Db } from './db';
import { ValidationError } from './errors';
import { Q, statements } from './queries';

/** Elements per write transaction (and per undo record). */
export const BATCH = 10_000;

export interface Counts {
  actors: number;
  sources: number;
  relationships: number;
}

export async function applySchema(db: Db): Promise<void> {
  for (const s of statements(Q.schema)) await db.write(s);
}

/**
 * From Neo4j's count store, in constant time: start-up and every load report these, and a scan of the ties'
 * properties (it used to count those with evidence) outlasted the read timeout on a cold 1M-tie database.
 */
export async function counts(db: Db): Promise<Counts> {
  const [row] = await db.read(Q.graphTotals);
  return { actors: Number(row.actors), sources: Number(row.sources), relationships: Number(row.relationships) };
}

/**
 * Deletes every actor, source, relationship and change-set record, in bounded transactions (a large graph
 * does not fit in one), and increments the graph version so no cache outlives the graph it was computed on.
 */
export async function wipeGraph(db: Db): Promise<void> {
  await db.autocommit(Q.wipe);
  await db.write(Q.bumpVersion);
}

function chunked<T>(rows: T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** Fails with the paths of relationships whose ends are neither in the file nor in the database. */
async function checkExternalActors(db: Db, rows: DatasetRows, input: unknown): Promise<void> {
  if (!rows.externalActorIds.length) return;
  const [row] = await db.read(Q.existingActors, { ids: rows.externalActorIds });
  const found = new Set((row?.ids as string[] | undefined) ?? []);
  const missing = new Set(rows.externalActorIds.filter((id) => !found.has(id)));
  if (!missing.size) return;
  const rels = (input as { relationships: { source: string; target: string }[] }).relationships;
  const issues = rels.flatMap((r, i) =>
    (['source', 'target'] as const)
      .filter((end) => missing.has(r[end]))
      .map((end) => ({ field: `relationships.${i}.${end}`, message: `unknown actor "${r[end]}": define it in "actors"` })),
  );
  throw new ValidationError(issues);
}

export interface EntityCounts {
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
}

/** What a load will do, entity by entity, and the batches that do it. */
export interface DatasetPlan {
  counts: { sources: EntityCounts; actors: EntityCounts; relationships: EntityCounts };
  batches: (WriteBatch | typeof BARRIER)[];
}

const zero = (): EntityCounts => ({ created: 0, updated: 0, unchanged: 0, deleted: 0 });

/** Stored content hashes of nodes by id, read in batches. */
async function nodeHashes(db: Db, entity: 'actor' | 'source', ids: string[]): Promise<Map<string, unknown>> {
  const out = new Map<string, unknown>();
  for (const part of chunked(ids)) {
    for (const r of await db.read(entity === 'actor' ? Q.csActorFind : Q.csSourceFind, { ids: part, full: false })) {
      const p = r.props as { id: string; _h?: unknown };
      out.set(p.id, p._h ?? null);
    }
  }
  return out;
}

const relKey = (r: { type: string; id: string }) => `${r.type}\u0000${r.id}`;
const dbReader = (db: Db) => ({ run: (q: string, p?: Record<string, unknown>) => db.read(q, p) });

/**
 * Compares the dataset with the graph by content hash: created, updated, unchanged per entity. With
 * `replace`, everything the file does not hold is deleted (relationships first, then actors, then sources).
 */
export async function planDataset(db: Db, rows: DatasetRows, opts: { replace?: boolean } = {}): Promise<DatasetPlan> {
  const counts = { sources: zero(), actors: zero(), relationships: zero() };
  const split = <T extends { id: string }>(entity: 'actor' | 'source', records: T[], stored: Map<string, unknown>, c: EntityCounts) => {
    const create: T[] = [];
    const update: { after: T }[] = [];
    for (const r of records) {
      if (!stored.has(r.id)) create.push(r);
      else if (storedValue(stored.get(r.id)) !== hashValue(entity, r)) update.push({ after: r });
      else c.unchanged++;
    }
    c.created = create.length;
    c.updated = update.length;
    return { create, update };
  };
  const sources = split('source', rows.sources, await nodeHashes(db, 'source', rows.sources.map((s) => s.id)), counts.sources);
  const actors = split('actor', rows.actors, await nodeHashes(db, 'actor', rows.actors.map((a) => a.id)), counts.actors);

  const relCreate: RelationshipRecord[] = [];
  const relUpdate: { after: RelationshipRecord }[] = [];
  for (const part of chunked(rows.relationships)) {
    const stored = await findRels(dbReader(db), part.map((r) => ({ type: r.type, id: r.id })), false);
    for (const r of part) {
      const s = stored.get(relKey(r));
      if (!s) relCreate.push(r);
      else if (storedValue(s.props._h) !== hashValue('relationship', r)) relUpdate.push({ after: r });
      else counts.relationships.unchanged++;
    }
  }
  counts.relationships.created = relCreate.length;
  counts.relationships.updated = relUpdate.length;

  const del = { sources: [] as string[], actors: [] as string[], relationships: [] as { type: string; id: string }[] };
  if (opts.replace) {
    const keep = {
      sources: new Set(rows.sources.map((s) => s.id)),
      actors: new Set(rows.actors.map((a) => a.id)),
      relationships: new Set(rows.relationships.map(relKey)),
    };
    await db.stream(Q.allIds, {}, (r) => {
      const id = r.id as string;
      if (r.entity === 'actor' && !keep.actors.has(id)) del.actors.push(id);
      else if (r.entity === 'source' && !keep.sources.has(id)) del.sources.push(id);
      else if (r.entity === 'relationship' && !keep.relationships.has(relKey({ type: r.type as string, id }))) del.relationships.push({ type: r.type as string, id });
    });
    counts.sources.deleted = del.sources.length;
    counts.actors.deleted = del.actors.length;
    counts.relationships.deleted = del.relationships.length;
  }

  // Nodes first, then (once they are committed) relationships, then deletions of nodes no tie uses any more.
  const batches: (WriteBatch | typeof BARRIER)[] = [];
  for (const part of chunked(sources.create)) batches.push({ sources: { create: part } });
  for (const part of chunked(sources.update)) batches.push({ sources: { update: part } });
  for (const part of chunked(actors.create)) batches.push({ actors: { create: part } });
  for (const part of chunked(actors.update)) batches.push({ actors: { update: part } });
  batches.push(BARRIER);
  for (const part of chunked(del.relationships)) {
    const stored = await findRels(dbReader(db), part, true);
    batches.push({ relationships: { delete: [...stored.values()].map((s) => fromStored('relationship', s) as RelationshipRecord) } });
  }
  for (const part of chunked(relUpdate)) batches.push({ relationships: { update: part } });
  for (const part of chunked(relCreate)) batches.push({ relationships: { create: part } });
  batches.push(BARRIER);
  for (const [entity, ids] of [['actor', del.actors], ['source', del.sources]] as const) {
    for (const part of chunked(ids)) {
      const found = await db.read(entity === 'actor' ? Q.csActorFind : Q.csSourceFind, { ids: part, full: true });
      const records = found.map((r) => fromStored(entity, { props: r.props as Record<string, unknown> }));
      batches.push(entity === 'actor' ? { actors: { delete: records as never } } : { sources: { delete: records as never } });
    }
  }
  return { counts, batches };
}

export interface LoadOptions {
  /** Delete every actor, source and relationship the file does not hold (recorded, so undone like the rest). */
  replace?: boolean;
  /** `seed` for the seed load; `import` otherwise. */
  kind?: ChangeSetKind;
  author?: string;
  /** The file the dataset came from (name and sha-256 in the history). */
  file?: { name: string; sha256: string };
}

export interface LoadResult {
  /** The change set written; absent when nothing changed. */
  changeSet?: string;
  plan: DatasetPlan['counts'];
  counts: Counts;
}

/**
 * Validates `input` completely, then writes what differs from the graph as one change set (batches of
 * BATCH): an invalid file changes nothing, a failure half-way is rolled back, the same file twice writes
 * nothing the second time.
 */
export async function importDataset(db: Db, input: unknown, opts: LoadOptions = {}): Promise<LoadResult> {
  const { rows } = checkDataset(input);
  await applySchema(db);
  if (!opts.replace) await checkExternalActors(db, rows, input);
  const plan = await planDataset(db, rows, opts);
  const changed = Object.values(plan.counts).some((c) => c.created + c.updated + c.deleted > 0);
  if (!changed) return { plan: plan.counts, counts: await counts(db) };
  const summary = { files: opts.file ? [opts.file] : [], counts: plan.counts, replace: opts.replace ?? false };
  const total = Object.values(plan.counts).reduce((s, c) => s + c.created + c.updated + c.deleted, 0);
  const { id } = await runChangeSet(db, { kind: opts.kind ?? 'import', author: opts.author ?? 'local', summary, total }, plan.batches);
  return { changeSet: id, plan: plan.counts, counts: await counts(db) };
}

/** importDataset, returning the graph's counts afterwards. */
export async function loadDataset(db: Db, input: unknown, opts: LoadOptions = {}): Promise<Counts> {
  return (await importDataset(db, input, opts)).counts;
}

/** Reads and loads a dataset file. */
export async function loadFile(db: Db, file: string, opts: LoadOptions = {}): Promise<LoadResult> {
  const text = fs.readFileSync(file, 'utf8');
  const sha256 = crypto.createHash('sha256').update(text).digest('hex');
  return importDataset(db, parseJson(text, file), { ...opts, file: opts.file ?? { name: path.basename(file), sha256 } });
}

/** Loads the seed file (a change set of kind `seed`) when the database holds no actor yet; returns whether it did. */
export async function seedIfEmpty(db: Db, file: string): Promise<boolean> {
  await applySchema(db);
  if ((await counts(db)).actors > 0) return false;
  await loadFile(db, file, { kind: 'seed' });
  return true;
}
