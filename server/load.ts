// The one loading path for seeds and user imports: schema first, then one all-or-nothing write transaction.
import fs from 'node:fs';
import type { Db } from './db';
import { checkDataset, parseJson, type DatasetRows } from './dataset';
import { ValidationError } from './errors';
import { Q, statements } from './queries';

const BATCH = 1000;

export interface Counts {
  actors: number;
  sources: number;
  relationships: number;
  withEvidence: number;
}

export async function applySchema(db: Db): Promise<void> {
  for (const s of statements(Q.schema)) await db.write(s);
}

export async function counts(db: Db): Promise<Counts> {
  const [row] = await db.read(Q.counts);
  return row as unknown as Counts;
}

function batches<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += BATCH) out.push(rows.slice(i, i + BATCH));
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

export interface LoadOptions {
  /** Delete every actor, source and relationship first, in the same transaction. */
  replace?: boolean;
}

/**
 * Validates `input` completely, then writes it in one transaction: an invalid file or a failure half-way
 * changes nothing. Loading the same file twice leaves the same graph (MERGE by id, SET =).
 */
export async function loadDataset(db: Db, input: unknown, opts: LoadOptions = {}): Promise<Counts> {
  const { rows } = checkDataset(input);
  await applySchema(db);
  if (!opts.replace) await checkExternalActors(db, rows, input);
  await db.transaction(async (tx) => {
    if (opts.replace) await tx.run(Q.wipe);
    for (const b of batches(rows.sources)) await tx.run(Q.loadSources, { rows: b });
    for (const b of batches(rows.actors)) await tx.run(Q.loadActors, { rows: b });
    for (const b of batches(rows.relationships)) {
      const [res] = await tx.run(Q.loadRelationships, { rows: b });
      // A MATCH that finds no actor silently skips a row; refuse to commit a partial import.
      if ((res?.n as number) !== b.length) {
        throw new ValidationError([{ field: 'relationships', message: `only ${String(res?.n)} of ${b.length} relationships found both their actors` }]);
      }
    }
    // Committed with the data or not at all: a cache keyed on the version never serves a graph that changed.
    await tx.run(Q.bumpVersion);
  });
  return counts(db);
}

/** Reads and loads a dataset file. */
export async function loadFile(db: Db, file: string, opts: LoadOptions = {}): Promise<Counts> {
  return loadDataset(db, parseJson(fs.readFileSync(file, 'utf8'), file), opts);
}

/** Loads the seed file when the database holds no actor yet; returns whether it did. */
export async function seedIfEmpty(db: Db, file: string): Promise<boolean> {
  await applySchema(db);
  if ((await counts(db)).actors > 0) return false;
  await loadFile(db, file);
  return true;
}
