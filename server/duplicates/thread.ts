// The duplicates worker thread seen from the server (server/worker-thread.ts): started on first use and
// kept, unreferenced while idle, replaced when it dies.
import path from 'node:path';
import type { DbConfig } from '../config';
import { WorkerThread } from '../worker-thread';
import type { Computed } from './compute';
import type { DuplicatesRequest } from './worker';

/**
 * One thread for the process: it keeps no state between requests (each names its database), so apps and
 * tests share it without resetting anything.
 */
const thread = new WorkerThread<Omit<DuplicatesRequest, 'id'>, { computed: Computed }>({
  entry: path.join(__dirname, 'worker-entry.js'),
  name: 'the duplicates worker',
  // Background work: the event loop serving requests goes first.
  nice: 10,
});

/** The candidate pairs of the database `db` names, computed off the event loop. */
export const computeInThread = async (db: DbConfig, hold?: Int32Array): Promise<Computed> => (await thread.run({ db, hold })).computed;
