// Bench only: a synthetic ecosystem of 100k actors / 1M ties written straight into Neo4j by batched UNWIND
// CREATE, generated batch by batch as it is written (no dataset in memory, no array of a million objects).
import { ACTOR_KINDS, REL_STATUSES, REL_TYPES, SYMMETRIC_TYPES } from '../model/schema';
import { fold } from '../model/text';
import type { Db } from '../server/db';
import { applySchema, counts, wipeGraph } from '../server/load';
import { Q } from '../server/queries';
import { rng } from './synthetic';

export interface LargeGraphOptions {
  actors: number;
  ties: number;
  seed?: number;
  /** Rows per write transaction. */
  batch?: number;
}

const WORDS = ['Crédit', 'Région', 'Tech', 'Santé', 'Médias', 'Capital', 'Innovation', 'Campus'];
export const SOURCE_ID = 'synthetic';

/** The id of the i-th generated actor: zero-padded, so id order is index order (as in a real import of slugs). */
export const actorId = (i: number, actors: number) => `actor-${String(i).padStart(String(actors - 1).length, '0')}`;

/**
 * Ties are drawn with a heavy-tailed source (the cube of a uniform draw favours low indexes, so actor 0
 * holds ~2 % of all ties, as a national public bank does in a regional ecosystem) and a uniform target;
 * 70 % of FUNDS carry an amount, 80 % of ties a date (half of them a year only), 75 % are effective.
 */
export function* tieBatches(o: Required<LargeGraphOptions>): Generator<{ s: string; t: string; type: string; props: Record<string, unknown> }[]> {
  const rand = rng(o.seed + 1);
  const seen = new Set<number>();
  let made = 0;
  let batch: { s: string; t: string; type: string; props: Record<string, unknown> }[] = [];
  while (made < o.ties) {
    let s = Math.floor(o.actors * rand() ** 3);
    let t = Math.floor(rand() * o.actors);
    const ti = Math.floor(rand() * REL_TYPES.length);
    const type = REL_TYPES[ti];
    if (SYMMETRIC_TYPES.has(type) && s > t) [s, t] = [t, s];
    const key = (s * o.actors + t) * REL_TYPES.length + ti;
    if (s === t || seen.has(key)) continue;
    seen.add(key);
    made += 1;
    const [sid, tid] = [actorId(s, o.actors), actorId(t, o.actors)];
    const props: Record<string, unknown> = {
      id: `${type}:${sid}:${tid}`,
      status: rand() < 0.75 ? 'effective' : REL_STATUSES[Math.floor(rand() * REL_STATUSES.length)],
      evidenceSources: [SOURCE_ID],
      evidenceExcerpts: [`${sid} ${type} ${tid}`],
    };
    if (type === 'FUNDS' && rand() < 0.7) props.amount = 1000 * (1 + Math.floor(rand() * 2000));
    if (rand() < 0.8) {
      const year = 2005 + Math.floor(rand() * 20);
      props.date = rand() < 0.5 ? String(year) : `${year}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}`;
    }
    batch.push({ s: sid, t: tid, type, props });
    if (batch.length === o.batch) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

/** The actors, batch by batch: a name searchable like an imported one (searchText, searchKeys), a kind. */
export function* actorBatches(o: Required<LargeGraphOptions>): Generator<Record<string, unknown>[]> {
  const rand = rng(o.seed);
  for (let start = 0; start < o.actors; start += o.batch) {
    const rows: Record<string, unknown>[] = [];
    for (let i = start; i < Math.min(o.actors, start + o.batch); i++) {
      const name = `Acteur ${i} ${WORDS[Math.floor(rand() * WORDS.length)]}`;
      const aliases = [`A${i}`];
      const keys = [name, ...aliases].map(fold);
      rows.push({ id: actorId(i, o.actors), name, aliases, kind: ACTOR_KINDS[Math.floor(rand() * ACTOR_KINDS.length)], searchKeys: keys, searchText: keys.join(' | ') });
    }
    yield rows;
  }
}

/**
 * Makes the bench database hold the generated graph with the current schema: kept when it already has exactly
 * that many actors and ties (a previous run), rebuilt otherwise. Returns whether it was rebuilt and how long that took.
 */
export async function ensureLargeGraph(db: Db, opts: LargeGraphOptions, log = console.log): Promise<{ rebuilt: boolean; ms: number }> {
  const o: Required<LargeGraphOptions> = { seed: 42, batch: 10_000, ...opts };
  // The schema first, kept graph or not: a graph generated before an index was added gets it (idempotent, and
  // it waits for a new index to be built — seconds on 100k actors) before the app is asked to use it.
  await applySchema(db);
  const c = await counts(db);
  if (c.actors === o.actors && c.relationships === o.ties) return { rebuilt: false, ms: 0 };
  const t0 = Date.now();
  await wipeGraph(db);
  await db.write(Q.benchCreateSource, { id: SOURCE_ID, title: 'Synthetic benchmark graph' });
  for (const rows of actorBatches(o)) await db.write(Q.benchCreateActors, { rows });
  log(`  generated ${o.actors} actors in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  let done = 0;
  for (const rows of tieBatches(o)) {
    await db.write(Q.benchCreateTies, { rows });
    done += rows.length;
    if (done % 100_000 === 0) log(`  … ${done} ties (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  }
  // Caches key on the version: a rebuilt graph is a new one.
  await db.write(Q.bumpVersion);
  const ms = Date.now() - t0;
  log(`  generated ${o.actors} actors and ${o.ties} ties in ${(ms / 1000).toFixed(1)} s`);
  return { rebuilt: true, ms };
}
