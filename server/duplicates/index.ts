// Duplicate candidates for the API: computed once per graph version in a worker thread, in the background
// (server/background.ts), then judged pairs filtered in or out.
import type { DuplicateCandidate, DuplicateJudgement, DuplicatesQuery, DuplicatesResponse, GraphNode } from '../../model/schema';
import { BackgroundComputation } from '../background';
import type { Db } from '../db';
import { NotFoundError } from '../errors';
import { graphVersion } from '../graph/version';
import { Q } from '../queries';
import type { Candidate } from './candidates';
import { computeInThread } from './thread';

interface Cached {
  candidates: Candidate[];
  actors: Map<string, GraphNode>;
}

export interface DuplicatesOptions {
  /** Tests: handed to the worker's computation (server/duplicates/compute.ts), which blocks on it after reading. */
  hold?: Int32Array;
  /** How long a request waits for a computation under way before answering what there is (default 2 s). */
  waitMs?: number;
}

export type DuplicatesJob = BackgroundComputation<Cached>;

/**
 * Candidates per graph version, computed in the background; one per app (routes create it), so tests never
 * share one. The version is read before the thread reads the actors: a write meanwhile makes the candidates
 * stale, and they are computed again.
 */
export const duplicatesJob = (db: Db, opts: DuplicatesOptions = {}): DuplicatesJob =>
  new BackgroundComputation<Cached>(db, async () => {
    const version = await graphVersion(db);
    const { candidates, actors } = await computeInThread(db.config, opts.hold);
    return { version, value: { candidates, actors: new Map(actors.map((a) => [a.id, a])) } };
  }, { name: 'duplicates', waitMs: opts.waitMs });

export async function judgements(db: Db): Promise<Map<string, DuplicateJudgement>> {
  const rows = await db.read(Q.duplicateJudgements);
  return new Map(rows.map((r) => {
    const j: DuplicateJudgement = { a: r.a as string, b: r.b as string, verdict: r.verdict as DuplicateJudgement['verdict'], by: r.by as string, at: r.at as string };
    if (typeof r.note === 'string') j.note = r.note;
    return [`${j.a}|${j.b}`, j];
  }));
}

/**
 * Candidate pairs best first, filtered by judgement status, actor and score, one page, with the status of the
 * candidates (as metrics: fresh, stale while the new version's compute, computing with none yet, failed).
 */
export async function listDuplicates(db: Db, q: DuplicatesQuery, job: DuplicatesJob): Promise<DuplicatesResponse> {
  const [state, judged] = await Promise.all([job.state(), judgements(db)]);
  const { status, graphVersion: current, result, error } = state;
  const head = { status, graphVersion: current, ...(error ? { error } : {}) };
  // The candidates name only some actors: ask whether another one exists.
  if (q.actor && !result?.value.actors.has(q.actor)) {
    const [found] = await db.read(Q.existingActors, { ids: [q.actor] });
    if (!((found?.ids as string[] | undefined) ?? []).length) throw new NotFoundError('Actor', q.actor);
  }
  if (!result) return { ...head, version: null, computedAt: null, durationMs: null, candidates: [], total: 0 };
  const { candidates, actors } = result.value;
  const keep = (verdict: string | undefined) => {
    switch (q.status) {
      case 'open': return verdict === undefined || verdict === 'unsure';
      case 'all': return true;
      default: return verdict === q.status;
    }
  };
  const matching: DuplicateCandidate[] = [];
  for (const c of candidates) {
    if (c.score < q.minScore) break;
    if (q.actor && c.a !== q.actor && c.b !== q.actor) continue;
    const j = judged.get(`${c.a}|${c.b}`);
    if (!keep(j?.verdict)) continue;
    const out: DuplicateCandidate = { a: actors.get(c.a)!, b: actors.get(c.b)!, score: c.score, reasons: c.reasons };
    if (j) out.judgement = j;
    matching.push(out);
  }
  return {
    ...head,
    version: result.version,
    computedAt: result.computedAt,
    durationMs: result.durationMs,
    candidates: matching.slice(q.offset, q.offset + q.limit),
    total: matching.length,
  };
}

/** Stores a judgement on the pair (ids in either order); both actors must exist. */
export async function judge(db: Db, j: { a: string; b: string; verdict: DuplicateJudgement['verdict']; note?: string }, by: string): Promise<DuplicateJudgement> {
  const [a, b] = j.a < j.b ? [j.a, j.b] : [j.b, j.a];
  const [row] = await db.write(Q.duplicateJudge, { a, b, verdict: j.verdict, note: j.note ?? null, by, at: new Date().toISOString() });
  if (!row) {
    const [found] = await db.read(Q.existingActors, { ids: [a, b] });
    const ids = (found?.ids as string[] | undefined) ?? [];
    throw new NotFoundError('Actor', [j.a, j.b].find((id) => !ids.includes(id)) ?? j.a);
  }
  const out: DuplicateJudgement = { a, b, verdict: row.verdict as DuplicateJudgement['verdict'], by: row.by as string, at: row.at as string };
  if (typeof row.note === 'string') out.note = row.note;
  return out;
}
