// Change sets (docs/design.md §1): every write — import, edit, merge, accepted article — is recorded, committed
// or rolled back as a whole, listed in the history and undone as a whole. The one writer of the graph.
import os from 'node:os';
import type { ChangeSetInfo, ChangeSetKind, ChangeSetState } from '../../model/schema';
import type { Db, Tx } from '../db';
import { ConflictError, NotFoundError } from '../errors';
import { Q } from '../queries';
import { findConflicts, type ConflictReport } from './conflicts';
import { applyBatch, batchSize, revertBatch, StaleActorNodes, type BatchContext, type BatchCounts, type ChunkRecord } from './write';
import type { WriteBatch } from './records';

export type { WriteBatch, EntityOps, Entity, RecordOf } from './records';
export { contentHash, contentDigest, digestValue, hashValue, storedValue, searchKeys, toStored, fromStored } from './records';
export type { BatchCounts } from './write';
export type { ConflictReport } from './conflicts';
/** The graph version caches key on: incremented by every commit, rollback and undo. */
export { graphVersion } from '../graph/version';

/** Change sets up to this many elements also write one Change node per element (an element's history). */
export const SMALL_CHANGE_SET = 1000;
/** How often a process working on a change set says so; recovery treats a silent one as dead past STALE_MS. */
const HEARTBEAT_MS = 10_000;
const STALE_MS = 120_000;

export interface BeginMeta {
  kind: ChangeSetKind;
  /** `local`, `token` or an account name (server/auth's principal). */
  author: string;
  reason?: string;
  summary?: Record<string, unknown>;
  /** Elements the change set will write, when known (progress). */
  total?: number;
}

export interface ChangeSetHandle {
  readonly id: string;
  /** Writes one batch and its undo record in one transaction. Several writes may run at once. */
  write(batch: WriteBatch): Promise<BatchCounts>;
  /** Waits for the writes under way, then marks the change set committed and increments the graph version. */
  commit(summary?: Record<string, unknown>): Promise<number>;
  /** Waits for the writes under way, then reverts every batch, newest first: state rolled_back. */
  rollback(error?: string): Promise<void>;
  /** Elements written so far. */
  readonly written: number;
}

let lastMs = 0;
/**
 * `cs-`, the UTC time in milliseconds in base 36 (8 characters until 2059), then 3 random base-36 characters:
 * later change sets sort after earlier ones, and after every id of the older form (`cs-2026…T…Z-xxxxxx`, before
 * after 8). Every element written carries its change set's id (`_cs`): 14 characters fit two of Neo4j's 8-byte
 * property blocks, where the older form's 29 took four (bench/README.md, import, after 8).
 */
export function newChangeSetId(): string {
  lastMs = Math.max(Date.now(), lastMs + 1);
  const rand = Math.floor(Math.random() * 36 ** 3).toString(36).padStart(3, '0');
  return `cs-${lastMs.toString(36).padStart(8, '0')}${rand}`;
}

const now = () => new Date().toISOString();
const owner = () => ({ pid: process.pid, host: os.hostname(), heartbeatAt: Date.now() });

/** Change sets this process is working on: recovery never touches them. */
const mine = new Set<string>();

async function transition(tx: Tx, id: string, from: ChangeSetState[], set: Record<string, unknown>, bump: boolean): Promise<number | undefined> {
  const rows = await tx.run(Q.csTransition, { id, from, set });
  if (!rows.length) {
    const [cur] = await tx.run(Q.csGet, { id });
    if (!cur) throw new NotFoundError('ChangeSet', id);
    const state = (cur.cs as { state: string }).state;
    throw new ConflictError(`change set ${id} is ${state}, not ${from.join(' or ')}`, { id, state });
  }
  if (!bump) return undefined;
  const [v] = await tx.run(Q.bumpVersion);
  return Number(v.version);
}

function heartbeat(db: Db, id: string): () => void {
  mine.add(id);
  const timer = setInterval(() => {
    db.write(Q.csHeartbeat, { id, now: Date.now(), pid: process.pid, host: os.hostname() }).catch(() => undefined);
  }, HEARTBEAT_MS);
  timer.unref();
  return () => {
    clearInterval(timer);
    mine.delete(id);
  };
}

const driverCode = (e: unknown) => (e as { code?: unknown } | null)?.code;

/**
 * Retries a batch that failed for a transient reason (a deadlock between the two writers, a lock timeout on
 * a loaded machine) past the driver's own 5 s of retries: a 1M-relationship import must not fail on one.
 * The failed transaction wrote nothing (batch and undo record commit together), so trying again is safe.
 */
async function persist<T>(work: () => Promise<T>, attempts = 8): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await work();
    } catch (e) {
      const code = String(driverCode(e) ?? '');
      // A batch too large for the per-transaction memory limit would fail again: not worth waiting for.
      if (i >= attempts || !code.startsWith('Neo.TransientError.') || /Memory/.test(code)) throw e;
      await new Promise((r) => setTimeout(r, Math.min(5000, 100 * 2 ** i) * (0.5 + Math.random())));
    }
  }
}

/** Records a change set that has been planned but not run (an import preview): nothing is written. */
export async function preview(db: Db, meta: BeginMeta): Promise<string> {
  const id = newChangeSetId();
  await db.write(Q.csBegin, { props: props(id, 'previewed', meta) });
  return id;
}

function props(id: string, state: ChangeSetState, meta: BeginMeta): Record<string, unknown> {
  const p: Record<string, unknown> = { id, kind: meta.kind, state, author: meta.author, createdAt: now(), summary: JSON.stringify(meta.summary ?? {}) };
  if (meta.reason) p.reason = meta.reason;
  if (meta.total !== undefined) p.total = meta.total;
  if (state === 'running') Object.assign(p, owner());
  return p;
}

/**
 * Starts a change set (state running). With `previewed`, runs that previewed change set instead of a new one
 * (refused unless it is still previewed).
 */
export async function begin(db: Db, meta: BeginMeta, previewed?: string): Promise<ChangeSetHandle> {
  let id: string;
  if (previewed) {
    id = previewed;
    const set: Record<string, unknown> = { state: 'running', ...owner() };
    if (meta.summary) set.summary = JSON.stringify(meta.summary);
    if (meta.total !== undefined) set.total = meta.total;
    await db.transaction((tx) => transition(tx, id, ['previewed'], set, false));
  } else {
    id = newChangeSetId();
    await db.write(Q.csBegin, { props: props(id, 'running', meta) });
  }
  const stopBeat = heartbeat(db, id);
  let seq = 0;
  let written = 0;
  let closed = false;
  const inflight = new Set<Promise<unknown>>();
  const settle = async () => {
    while (inflight.size) await Promise.allSettled([...inflight]);
  };

  return {
    id,
    get written() {
      return written;
    },
    write(batch) {
      if (closed) return Promise.reject(new Error(`change set ${id} is closed`));
      const n = batchSize(batch);
      const ctx = { cs: id, seq: ++seq, changes: written + n <= SMALL_CHANGE_SET, at: now() };
      written += n;
      const constraint = (e: unknown) => driverCode(e) === 'Neo.ClientError.Schema.ConstraintValidationFailed';
      // Stale actor element ids (an actor deleted since they were read): once more, finding the actors by id.
      const attempt = (c: BatchContext) =>
        persist(() => db.transaction((tx) => applyBatch(tx, c, batch))).catch((e: unknown) => {
          if (e instanceof StaleActorNodes) return persist(() => db.transaction((tx) => applyBatch(tx, c, { ...batch, actorNodes: undefined })));
          throw e;
        });
      const p = attempt(ctx)
        // A tie to create that a concurrent change set created meanwhile: once more, overwriting it (recorded).
        .catch((e: unknown) => {
          if (constraint(e) && batch.relationships?.create?.length) return attempt({ ...ctx, upsert: true });
          throw e;
        })
        .catch((e: unknown) => {
          // Other constraint violations (an actor deleted with its ties left) are conflicts with the graph.
          if (constraint(e)) throw new ConflictError((e as Error).message, { code: driverCode(e) });
          throw e;
        });
      inflight.add(p);
      void p.catch(() => undefined).finally(() => inflight.delete(p));
      return p;
    },
    async commit(summary) {
      closed = true;
      await settle();
      try {
        const set: Record<string, unknown> = { state: 'committed', finishedAt: now() };
        if (summary) set.summary = JSON.stringify(summary);
        return (await db.transaction((tx) => transition(tx, id, ['running'], set, true)))!;
      } finally {
        stopBeat();
      }
    },
    async rollback(error) {
      closed = true;
      await settle();
      stopBeat();
      await revertAll(db, id, { from: ['running', 'failed'], via: 'failed', to: 'rolled_back', error });
    },
  };
}

interface RevertPlan {
  from: ChangeSetState[];
  via: 'failed' | 'undoing';
  to: 'rolled_back' | 'undone';
  error?: string;
  by?: string;
}

async function chunksOf(db: Db, cs: string): Promise<ChunkRecord[]> {
  return (await db.read(Q.csChunks, { cs })).map((r) => r.chunk as ChunkRecord);
}

/** Moves the change set to `via`, reverts its batches newest first (one transaction each), then to `to`. */
async function revertAll(db: Db, id: string, plan: RevertPlan): Promise<number> {
  const set: Record<string, unknown> = { state: plan.via, ...owner() };
  if (plan.error) set.error = plan.error.slice(0, 2000);
  if (plan.by) set.undoneBy = plan.by;
  await db.transaction((tx) => transition(tx, id, plan.from, set, false));
  const stopBeat = heartbeat(db, id);
  try {
    const chunks = await chunksOf(db, id);
    const bySeq = new Map<number, ChunkRecord[]>();
    for (const c of chunks) bySeq.set(c.seq, [...(bySeq.get(c.seq) ?? []), c]);
    let skipped = 0;
    for (const seq of [...bySeq.keys()].sort((a, b) => b - a)) {
      skipped += await db.transaction((tx) => revertBatch(tx, id, bySeq.get(seq)!));
    }
    const done: Record<string, unknown> = { state: plan.to, [plan.to === 'undone' ? 'undoneAt' : 'finishedAt']: now() };
    if (skipped) done.skipped = skipped;
    return (await db.transaction((tx) => transition(tx, id, [plan.via], done, true)))!;
  } finally {
    stopBeat();
  }
}

/** The elements of a committed change set that later change sets wrote: what refuses its undo. */
export async function conflictsOf(db: Db, id: string): Promise<ConflictReport> {
  return findConflicts(db, id, await chunksOf(db, id));
}

/**
 * Undoes a committed change set as a whole: refused with a ConflictError listing the elements (and the later
 * change sets) when anything it wrote has been written since. Returns the new graph version.
 */
export async function undo(db: Db, id: string, by: string): Promise<number> {
  const info = await get(db, id);
  if (info.state !== 'committed') throw new ConflictError(`change set ${id} is ${info.state}: only a committed change set can be undone`, { id, state: info.state });
  const report = await conflictsOf(db, id);
  if (report.total > 0) {
    throw new ConflictError(
      `change set ${id} cannot be undone: ${report.total} element(s) it wrote have been changed since, by ${report.changeSets.join(', ') || 'later changes'}`,
      { id, ...report },
    );
  }
  return revertAll(db, id, { from: ['committed'], via: 'undoing', to: 'undone', by });
}

/** A change set as stored (with its progress) → what the API answers. */
export function toInfo(row: Record<string, unknown>): ChangeSetInfo {
  const p = row.cs as Record<string, unknown>;
  let summary: Record<string, unknown> = {};
  try {
    summary = JSON.parse((p.summary as string) ?? '{}') as Record<string, unknown>;
  } catch {
    summary = {};
  }
  const info: ChangeSetInfo = {
    id: p.id as string,
    kind: p.kind as ChangeSetKind,
    state: p.state as ChangeSetState,
    author: p.author as string,
    createdAt: p.createdAt as string,
    summary,
    progress: { done: Number(row.done ?? 0), undone: Number(row.undone ?? 0) },
  };
  if (typeof p.total === 'number') info.progress.total = p.total;
  for (const k of ['reason', 'finishedAt', 'error', 'undoneBy', 'undoneAt'] as const) if (typeof p[k] === 'string') info[k] = p[k];
  return info;
}

export async function get(db: Db, id: string): Promise<ChangeSetInfo> {
  const [row] = await db.read(Q.csGet, { id });
  if (!row) throw new NotFoundError('ChangeSet', id);
  return toInfo(row);
}

export interface ListFilter {
  kinds?: ChangeSetKind[];
  states?: ChangeSetState[];
  /** Only change sets older than this id (paging, newest first). */
  before?: string;
  limit?: number;
}

/** The history, newest first. */
export async function list(db: Db, filter: ListFilter = {}): Promise<ChangeSetInfo[]> {
  const rows = await db.read(Q.csList, { kinds: filter.kinds ?? null, states: filter.states ?? null, before: filter.before ?? null, limit: filter.limit ?? 50 });
  return rows.map(toInfo);
}

/** Change sets being written or reverted right now (for /api/health). */
export function active(db: Db): Promise<ChangeSetInfo[]> {
  return list(db, { states: ['running', 'failed', 'undoing'], limit: 20 });
}


/** Whether a process of this host is still running (EPERM: it is, but someone else's). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A change set whose process is gone: killed, or silent for too long on another machine. */
function abandoned(p: Record<string, unknown>, staleMs: number): boolean {
  const id = p.id as string;
  if (mine.has(id)) return false;
  const pid = Number(p.pid);
  if (p.host === os.hostname() && Number.isInteger(pid) && pid > 0) return pid === process.pid || !processAlive(pid);
  return Date.now() - Number(p.heartbeatAt ?? 0) > staleMs;
}

export interface Recovered {
  id: string;
  from: ChangeSetState;
  to: ChangeSetState;
}

/**
 * At start-up: change sets left running or failed by a process that is gone are rolled back from their
 * chunks; undos left half-way are finished. Live ones (another process importing) are left alone.
 */
export async function recoverInterrupted(db: Db, opts: { staleMs?: number } = {}): Promise<Recovered[]> {
  const rows = await db.read(Q.csList, { kinds: null, states: ['running', 'failed', 'undoing'], before: null, limit: 1000 });
  const out: Recovered[] = [];
  for (const row of rows) {
    const p = row.cs as Record<string, unknown>;
    if (!abandoned(p, opts.staleMs ?? STALE_MS)) continue;
    const id = p.id as string;
    const from = p.state as ChangeSetState;
    if (from === 'undoing') {
      await revertAll(db, id, { from: ['undoing'], via: 'undoing', to: 'undone' });
      out.push({ id, from, to: 'undone' });
    } else {
      await revertAll(db, id, { from: ['running', 'failed'], via: 'failed', to: 'rolled_back', error: (p.error as string | undefined) ?? 'interrupted (process stopped); rolled back at start-up' });
      out.push({ id, from, to: 'rolled_back' });
    }
  }
  return out;
}

/** What change sets did to one element (its id), newest first: small change sets only (see SMALL_CHANGE_SET). */
export async function history(db: Db, key: string, limit = 50): Promise<Record<string, unknown>[]> {
  return db.read(Q.csHistory, { key, limit });
}

/** Yielded between batches: every batch before it is committed before any batch after it starts. */
export const BARRIER = Symbol('barrier');

export type Batches = Iterable<WriteBatch | typeof BARRIER> | AsyncIterable<WriteBatch | typeof BARRIER>;

/**
 * Writes `batches` through `handle` with up to `writers` transactions at once (BARRIER waits for those under
 * way). Stops at the first failure and rethrows it once the writes under way have ended; the caller rolls back.
 */
export async function writeAll(handle: ChangeSetHandle, batches: Batches, opts: { writers?: number; onWritten?: (c: BatchCounts) => void } = {}): Promise<BatchCounts> {
  const counts: BatchCounts = { created: 0, updated: 0, deleted: 0 };
  const pool = new Set<Promise<void>>();
  let failure: unknown;
  try {
    for await (const batch of batches) {
      if (failure) break;
      if (batch === BARRIER) {
        await Promise.all(pool);
        continue;
      }
      const p: Promise<void> = handle
        .write(batch)
        .then(
          (c) => {
            counts.created += c.created;
            counts.updated += c.updated;
            counts.deleted += c.deleted;
            opts.onWritten?.(counts);
          },
          (e: unknown) => {
            failure ??= e;
          },
        )
        .finally(() => pool.delete(p));
      pool.add(p);
      while (pool.size >= (opts.writers ?? 1)) await Promise.race(pool);
    }
  } finally {
    await Promise.all(pool);
  }
  if (failure) throw failure;
  return counts;
}

/** Rolls back after a failure; if the database is gone too, recoverInterrupted will at the next start. */
export async function rollbackQuietly(handle: ChangeSetHandle, e: unknown): Promise<void> {
  await handle.rollback(e instanceof Error ? e.message : String(e)).catch((re: unknown) => {
    console.error(`[maillage] change set ${handle.id} could not be rolled back now (${(re as Error).message}); it will be at the next start`);
  });
}

/**
 * Runs a whole change set: begins it, writes `batches` (writeAll), commits; any failure rolls it back and
 * is rethrown.
 */
export async function runChangeSet(
  db: Db,
  meta: BeginMeta & { previewed?: string; writers?: number; onWritten?: (c: BatchCounts) => void },
  batches: Batches,
  finalSummary?: () => Record<string, unknown>,
): Promise<{ id: string; version: number; counts: BatchCounts }> {
  const h = await begin(db, meta, meta.previewed);
  try {
    const counts = await writeAll(h, batches, meta);
    const version = await h.commit(finalSummary?.());
    return { id: h.id, version, counts };
  } catch (e) {
    await rollbackQuietly(h, e);
    throw e;
  }
}
