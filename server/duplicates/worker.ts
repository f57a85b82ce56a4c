// The duplicates worker thread: opens its own connection, computes the candidate pairs and posts them back, so
// that scoring 100k actors (~18 s) never holds the server's event loop.
import { parentPort } from 'node:worker_threads';
import type { DbConfig } from '../config';
import { connect } from '../db';
import { computeCandidates, type Computed } from './compute';

export interface DuplicatesRequest {
  id: number;
  db: DbConfig;
  /** Tests: see computeCandidates. */
  hold?: Int32Array;
}

export type DuplicatesReply = { id: number; type: 'done'; computed: Computed } | { id: number; type: 'error'; message: string };

async function handle(req: DuplicatesRequest): Promise<DuplicatesReply> {
  const db = connect(req.db);
  try {
    return { id: req.id, type: 'done', computed: await computeCandidates(db, req.hold) };
  } catch (e) {
    return { id: req.id, type: 'error', message: e instanceof Error ? e.message : String(e) };
  } finally {
    await db.close().catch(() => undefined);
  }
}

if (parentPort) {
  const port = parentPort;
  port.on('message', (req: DuplicatesRequest) => void handle(req).then((m) => port.postMessage(m)));
}
