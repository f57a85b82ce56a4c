// The metrics worker thread: reads the graph from Neo4j (or takes it inline), computes every metric and
// posts the columns back, their buffers transferred (no copy, nothing for the main thread to parse).
import { parentPort } from 'node:worker_threads';
import type { DbConfig } from '../config';
import { connect } from '../db';
import type { MetricsInput } from './graph';
import { computeColumns, type MetricsColumns, type MetricsOptions } from './index';
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

export type WorkerMessage =
  | { id: number; type: 'progress'; phase: 'reading' | 'computing'; ties: number }
  | { id: number; type: 'done'; version: number; columns: MetricsColumns; readMs: number; computeMs: number }
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

/** Runs one request, reporting through `post`; never throws (errors become an error message). */
export async function handle(req: WorkerRequest, post: (m: WorkerMessage, transfer?: ArrayBuffer[]) => void): Promise<void> {
  const { id } = req;
  try {
    const t0 = performance.now();
    let version: number;
    let input: MetricsInput;
    if ('db' in req.source) {
      const db = connect(req.source.db);
      try {
        ({ version, input } = await readMetricsInput(db, (ties) => post({ id, type: 'progress', phase: 'reading', ties })));
      } finally {
        await db.close();
      }
    } else {
      ({ version, input } = req.source);
    }
    const t1 = performance.now();
    post({ id, type: 'progress', phase: 'computing', ties: input.m });
    const columns = computeColumns(input, req.options);
    const t2 = performance.now();
    post({ id, type: 'done', version, columns, readMs: Math.round(t1 - t0), computeMs: Math.round(t2 - t1) }, transferables(columns));
  } catch (e) {
    post({ id, type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
}

// Long-lived: the thread starts once (loading TypeScript, zod-free model, the driver: ~2 s here) and then
// serves every computation, one after the other.
if (parentPort) {
  const port = parentPort;
  port.on('message', (req: WorkerRequest) => {
    void handle(req, (m, transfer) => port.postMessage(m, transfer ?? []));
  });
}
