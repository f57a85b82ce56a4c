// The metrics worker thread: reads the graph from Neo4j (or takes it inline), computes every metric and
// posts the columns back, their buffers transferred (no copy, nothing for the main thread to parse).
import type { DbConfig } from '../config';
import { connect } from '../db';
import { serveRequests } from '../worker-thread';
import type { MetricsInput } from './graph';
import { computeColumns, type MetricsColumns, type MetricsOptions, type MetricsPhase } from './index';
import { readMetricsInput } from './read';

/**
 * What the main thread asks, one request at a time, each with an id its answers repeat: compute from the
 * graph in a database, or from a graph given inline (tests, small graphs).
 */
export type WorkerRequest = {
  id: number;
  type: 'compute';
  source: { db: DbConfig } | { input: MetricsInput; version: number };
  options?: MetricsOptions;
};

/** Progress of a computation: the step under way, the ties read so far, the thread's heap (MB). */
export type MetricsProgress = { phase: 'reading' | MetricsPhase; ties: number; heapMb: number };

/** The answer: the figures of graph `version`, and how long each step took (ms). */
export type MetricsDone = { version: number; columns: MetricsColumns; readMs: number; computeMs: number; phases: Partial<Record<MetricsPhase, number>> };

export type WorkerMessage =
  | ({ id: number; type: 'progress' } & MetricsProgress)
  | ({ id: number; type: 'done' } & MetricsDone)
  | { id: number; type: 'error'; message: string };

/** The buffers of every typed array in the columns, once each (transferring one twice throws). */
export function transferables(c: MetricsColumns): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const add = (x: unknown) => {
    if (ArrayBuffer.isView(x) && x.buffer instanceof ArrayBuffer) buffers.add(x.buffer);
  };
  Object.values(c).forEach(add);
  Object.values(c.orders).forEach(add);
  return [...buffers];
}

const heapMb = () => Math.round(process.memoryUsage().heapUsed / 1e6);

/** Runs one request, reporting progress through `progress`; throws what it cannot compute. */
export async function handle(req: WorkerRequest, progress: (p: MetricsProgress) => void): Promise<{ reply: MetricsDone; transfer: ArrayBuffer[] }> {
  const t0 = performance.now();
  let version: number;
  let input: MetricsInput;
  if ('db' in req.source) {
    const db = connect(req.source.db);
    try {
      ({ version, input } = await readMetricsInput(db, { onProgress: (ties) => progress({ phase: 'reading', ties, heapMb: heapMb() }) }));
    } finally {
      await db.close();
    }
  } else {
    ({ version, input } = req.source);
  }
  const t1 = performance.now();
  const phases: Partial<Record<MetricsPhase, number>> = {};
  let current: MetricsPhase | undefined;
  let since = t1;
  const columns = computeColumns(input, req.options, (phase) => {
    const now = performance.now();
    if (current) phases[current] = Math.round(now - since);
    current = phase;
    since = now;
    progress({ phase, ties: input.m, heapMb: heapMb() });
  });
  const t2 = performance.now();
  if (current) phases[current] = Math.round(t2 - since);
  return { reply: { version, columns, readMs: Math.round(t1 - t0), computeMs: Math.round(t2 - t1), phases }, transfer: transferables(columns) };
}

// Long-lived: the thread starts once (loading TypeScript, zod-free model, the driver: ~2 s here) and then
// serves every computation, one after the other.
serveRequests<WorkerRequest, MetricsDone, MetricsProgress>(handle);
