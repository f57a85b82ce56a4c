// Warms Neo4j once the database is ready: runs the queries of a first interaction (search, details,
// neighbourhood, a tie's evidence, funding chains) so that the first click does not pay Cypher's planning
// (~1 s on a freshly started Neo4j). Background only: never awaited by start-up, never fatal.
import { REL_TYPES, type RelType } from '../model/schema';
import { tokens } from '../model/text';
import type { Db, Params, Row } from './db';
import { Q, type QueryName } from './queries';
import { FUNDING_MAX_CHAINS } from './routes/funding';
import { fuzzyParams, neighborhoodParams, searchParams } from './routes/actors';

/** Past this, no further warm-up query is started (one already running ends by its own timeout). */
export const WARM_UP_BUDGET_MS = 60_000;

/** What the first steps found in the graph: an actor and one of its ties, so the queries also run for real. */
interface Found { actor?: string; tie?: { id: string; type: string } }
interface Step { query: QueryName; runs: (f: Found) => Params[]; then?: (rows: Row[], f: Found) => void }

// Neo4j 5 keys its query cache on each parameter's type *and size class* — a string's length or a list's size:
// 0, 1, 2–10, 11–100, 101–1000 (measured on 5.26, tests/server/warm-up.int.test.ts) — so a query is planned once
// per class its parameters fall in. The runs below cover the classes a first interaction meets: ids of 2–10 and
// of 11–100 characters (ones that name no actor are planned, and cost nothing to run), searches of one letter,
// one word, several words and a long word, all types or one.
const pad = (n: number) => 'x'.repeat(n);
const IDS = [pad(8), pad(24)];
const TERMS = ['a', 'abcd', 'ab cd', 'abcdefghijkl', 'abcd efgh ijkl'];
const TYPE_SETS: RelType[][] = [[...REL_TYPES], ['FUNDS']];
// The client's sizes (client/api.ts, client/panels/details.ts): integers, so their values do not matter.
const SEARCH_LIMIT = 12;
const DETAIL_LIMIT = 25;
const NEIGHBOURHOOD_LIMIT = 150;

/** The found actor's id (run first, for real) and the ids of each size class. */
const ids = (f: Found) => (f.actor ? [f.actor, ...IDS] : IDS);

/**
 * The route queries a first interaction runs, a click's first (on a freshly started Neo4j each plan takes
 * 0.1–3 s: ~25 s in all on the 2-core machine while a page loads), with parameters built as the routes build
 * them (same types and size classes, so the same cached plans). tests/server/warm-up.int.test.ts records the
 * routes' reads of a first interaction and checks that the warm-up ran each of them.
 */
export const WARM_UP_STEPS: readonly Step[] = [
  // Every request of a page asks it (server/auth: is there any account?).
  { query: 'userCount', runs: () => [{}] },
  // An actor to run the others for real (a term of one letter: the first one's size class).
  {
    query: 'actorSearch',
    runs: () => [searchParams(TERMS[0], SEARCH_LIMIT)],
    then: (rows, f) => { f.actor ??= (rows[0]?.actor as { id?: string } | undefined)?.id; },
  },
  {
    query: 'actor',
    runs: (f) => ids(f).map((id) => ({ id, limit: DETAIL_LIMIT })),
    then: (rows, f) => {
      const groups = (rows[0]?.groups ?? []) as { type: string; rels: { props: { id: string } }[] }[];
      const g = groups.find((x) => x.rels.length);
      if (g && !f.tie) f.tie = { id: g.rels[0].props.id, type: g.type };
    },
  },
  { query: 'actorNode', runs: (f) => ids(f).map((id) => ({ id })) },
  { query: 'neighborhood', runs: (f) => ids(f).flatMap((id) => TYPE_SETS.map((types) => neighborhoodParams(id, 1, types, NEIGHBOURHOOD_LIMIT))) },
  {
    query: 'relationship',
    runs: (f) => [...(f.tie ? [f.tie] : []), ...IDS.map((id) => ({ id, type: 'FUNDS' }))].flatMap((t) => [{ id: t.id, type: t.type }, { id: t.id, type: null }]),
  },
  { query: 'actorSearch', runs: () => TERMS.slice(1).map((t) => searchParams(t, SEARCH_LIMIT)) },
  { query: 'actorSearchFuzzy', runs: () => TERMS.map((t) => fuzzyParams(tokens(t), SEARCH_LIMIT)) },
  { query: 'fundingUpstream', runs: (f) => ids(f).map((id) => ({ id, maxDepth: 1, limit: FUNDING_MAX_CHAINS + 1 })) },
  { query: 'fundingDownstream', runs: (f) => ids(f).map((id) => ({ id, maxDepth: 1, limit: FUNDING_MAX_CHAINS + 1 })) },
];

export interface WarmUpReport { ran: number; skipped: number; failed: number; ms: number }

/**
 * Runs the steps one query after the other (one core at most, so requests that come meanwhile simply run beside
 * it), until done or past `budgetMs`. Errors are logged and the next step runs; the promise never rejects.
 */
export async function warmUp(db: Db, opts: { log?: (msg: string) => void; budgetMs?: number } = {}): Promise<WarmUpReport> {
  const t0 = Date.now();
  const deadline = t0 + (opts.budgetMs ?? WARM_UP_BUDGET_MS);
  const found: Found = {};
  const report = { ran: 0, skipped: 0, failed: 0, ms: 0 };
  for (const step of WARM_UP_STEPS) {
    let failed = false;
    for (const params of step.runs(found)) {
      if (failed || Date.now() >= deadline) { report.skipped++; continue; }
      try {
        const rows = await db.read(Q[step.query], params);
        step.then?.(rows, found);
        report.ran++;
      } catch (e) {
        // One failure per step is enough to tell (the database gone away, a timeout): the step's other runs are skipped.
        report.failed++;
        failed = true;
        opts.log?.(`warm-up: ${step.query} failed (the first answers will only be slower): ${(e as Error).message}`);
      }
    }
  }
  report.ms = Date.now() - t0;
  opts.log?.(`warm-up: ${report.ran} queries in ${report.ms} ms${report.skipped ? `, ${report.skipped} skipped` : ''}${report.failed ? `, ${report.failed} failed` : ''}`);
  return report;
}
