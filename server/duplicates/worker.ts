// The duplicates worker thread: opens its own connection, computes the candidate pairs and posts them back, so
// that scoring 100k actors (~18 s) never holds the server's event loop.
import type { DbConfig } from '../config';
import { connect } from '../db';
import { serveRequests } from '../worker-thread';
import { computeCandidates, type Computed } from './compute';

export interface DuplicatesRequest {
  id: number;
  db: DbConfig;
  /** Tests: see computeCandidates. */
  hold?: Int32Array;
}

serveRequests<DuplicatesRequest, { computed: Computed }>(async (req) => {
  const db = connect(req.db);
  try {
    return { reply: { computed: await computeCandidates(db, req.hold) } };
  } finally {
    await db.close().catch(() => undefined);
  }
});
