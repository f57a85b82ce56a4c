// The duplicates worker thread seen from the server: started on first use and kept (its start-up, loading
// TypeScript and the driver, is the slow part), unreferenced while idle, replaced when it dies.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DbConfig } from '../config';
import type { Computed } from './compute';
import type { DuplicatesReply, DuplicatesRequest } from './worker';

const WORKER_ENTRY = path.join(__dirname, 'worker-entry.js');

/**
 * One thread for the process: it keeps no state between requests (each names its database), so apps and
 * tests share it without resetting anything.
 */
class DuplicatesThread {
  private worker?: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (c: Computed) => void; reject: (e: Error) => void }>();

  private start(): Worker {
    const w = new Worker(WORKER_ENTRY, { execArgv: [] });
    w.on('message', (m: DuplicatesReply) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (!this.pending.size) w.unref();
      if (m.type === 'done') p.resolve(m.computed);
      else p.reject(new Error(m.message));
    });
    const fail = (e: Error) => {
      if (this.worker === w) this.worker = undefined;
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    };
    w.once('error', fail);
    w.once('exit', (code) => fail(new Error(`the duplicates worker stopped (exit code ${code}) before it finished`)));
    return w;
  }

  compute(db: DbConfig, hold?: Int32Array): Promise<Computed> {
    this.worker ??= this.start();
    const id = this.nextId++;
    const done = new Promise<Computed>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    // Referenced while it computes (a script awaiting the result must not exit first), not while idle.
    this.worker.ref();
    const req: DuplicatesRequest = { id, db, hold };
    this.worker.postMessage(req);
    return done;
  }
}

const thread = new DuplicatesThread();

/** The candidate pairs of the database `db` names, computed off the event loop. */
export const computeInThread = (db: DbConfig, hold?: Int32Array): Promise<Computed> => thread.compute(db, hold);
