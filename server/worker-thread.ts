// One long-lived worker thread seen from both sides: the server's client (requests by id, answers and
// progress, a thread that dies replaced and its cause reported) and the thread's request loop (lowered CPU
// priority, errors answered, an exit from inside reported with who called it).
import fs from 'node:fs';
import os from 'node:os';
import { parentPort, Worker, workerData } from 'node:worker_threads';

/** What a thread answers to request `id`: progress (any number), then one done or error. */
export type ThreadReply<Done extends object, Progress extends object = never> =
  | ({ id: number; type: 'done' } & Done)
  | ({ id: number; type: 'progress' } & Progress)
  | { id: number; type: 'error'; message: string };

/** Posted by the thread when it is about to exit (process.exit inside it): the code and the caller's stack. */
interface ExitNotice {
  id: 0;
  type: 'exiting';
  code: number;
  stack?: string;
}

/** The thread died (or was stopped) while requests were pending; `message` says how, as far as known. */
export class WorkerThreadError extends Error {
  override readonly name = 'WorkerThreadError';
  constructor(message: string, readonly stopped = false) {
    super(message);
  }
}

export interface WorkerThreadOptions {
  /** The plain-JS entry file the thread runs. */
  entry: string;
  /** Names the thread in messages ("the metrics worker"). */
  name: string;
  /** Nice value of the thread (0–19, higher = lower priority): the server's event loop goes first. */
  nice?: number;
  /** The thread's young generation in MB (V8's default is small: a thread that makes many short-lived objects collects often). */
  youngGenerationMb?: number;
  /** The thread's heap limit in MB (V8's default is the process's: each thread's garbage would grow its own). */
  oldGenerationMb?: number;
}

/**
 * A worker thread started on first use and kept (its start-up, loading TypeScript and the driver, is the
 * slow part), unreferenced while idle so it never keeps a finished process alive, replaced on the next
 * request when it dies. Requests carry an id their answers repeat, so concurrent ones never mix.
 */
export class WorkerThread<Req extends object, Done extends object, Progress extends object = never> {
  /** The live thread and its own pending requests: a dying thread can only fail the requests it was given. */
  private current?: { worker: Worker; pending: Map<number, Pending<Done, Progress>> };
  /** Threads being ended by stop(): their exit is no crash. */
  private readonly stopping = new WeakSet<Worker>();
  private nextId = 1;

  constructor(private readonly opts: WorkerThreadOptions) {}

  private start(): { worker: Worker; pending: Map<number, Pending<Done, Progress>> } {
    // The thread's stderr is left piped to ours (stderr: true would keep the process alive while the idle
    // thread's stream is read: a script or jest would never exit).
    const w = new Worker(this.opts.entry, {
      execArgv: [],
      workerData: { nice: this.opts.nice ?? 0 },
      resourceLimits: {
        ...(this.opts.youngGenerationMb ? { maxYoungGenerationSizeMb: this.opts.youngGenerationMb } : {}),
        ...(this.opts.oldGenerationMb ? { maxOldGenerationSizeMb: this.opts.oldGenerationMb } : {}),
      },
    });
    const pending = new Map<number, Pending<Done, Progress>>();
    const me = { worker: w, pending };
    let exiting: ExitNotice | undefined;
    let crash: Error | undefined;
    let lastProgress: string | undefined;
    w.on('message', (m: ThreadReply<Done, Progress> | ExitNotice) => {
      if (m.type === 'exiting') {
        exiting = m;
        return;
      }
      const p = pending.get(m.id);
      if (!p) return;
      if (m.type === 'progress') {
        lastProgress = JSON.stringify(Object.fromEntries(Object.entries(m).filter(([k]) => k !== 'id' && k !== 'type')));
        p.onProgress?.(m);
        return;
      }
      pending.delete(m.id);
      if (!pending.size) w.unref();
      if (m.type === 'done') p.resolve(m);
      else p.reject(new Error(m.message));
    });
    const fail = (e: Error) => {
      if (this.current === me) this.current = undefined;
      for (const p of pending.values()) p.reject(e);
      pending.clear();
    };
    const explain = () => (lastProgress ? ` (last progress: ${lastProgress})` : '');
    // An uncaught error in the thread, or its heap limit reached (ERR_WORKER_OUT_OF_MEMORY).
    w.once('error', (e) => {
      crash = e;
      fail(new WorkerThreadError(`${this.opts.name} crashed: ${e.message}${explain()}`));
    });
    w.once('exit', (code) => {
      if (this.current === me) this.current = undefined;
      // A turn later: an 'error' event still on its way comes first and names the cause.
      setImmediate(() => {
        if (crash) return;
        // Only terminate() (stop) and process.exit inside the thread end it without an 'error' event.
        const stopped = this.stopping.has(w);
        const how = stopped
          ? 'was stopped'
          : exiting
            ? `called process.exit(${exiting.code})${exiting.stack ? ` at ${exiting.stack.split('\n').slice(2, 5).map((l) => l.trim()).join(' < ')}` : ''}`
            : `ended (exit code ${code}) with no error reported`;
        fail(new WorkerThreadError(`${this.opts.name} ${how} before it finished${explain()}`, stopped));
      });
    });
    return me;
  }

  /** Sends one request; resolves with the thread's done answer, rejects with its error or its death. */
  run(req: Req, onProgress?: (p: Progress) => void, transfer: ArrayBuffer[] = []): Promise<{ id: number; type: 'done' } & Done> {
    const { worker, pending } = (this.current ??= this.start());
    const id = this.nextId++;
    const done = new Promise<{ id: number; type: 'done' } & Done>((resolve, reject) => pending.set(id, { resolve, reject, onProgress }));
    // Referenced while it computes (a script awaiting the result must not exit first), not while idle.
    worker.ref();
    worker.postMessage({ ...req, id }, transfer);
    return done;
  }

  /** Ends the thread (and whatever it is computing): its pending requests reject with a "was stopped" error. */
  stop(): void {
    if (!this.current) return;
    this.stopping.add(this.current.worker);
    void this.current.worker.terminate();
    this.current = undefined;
  }
}

interface Pending<Done, Progress> {
  resolve: (m: { id: number; type: 'done' } & Done) => void;
  reject: (e: Error) => void;
  onProgress?: (p: Progress) => void;
}

/** Lowers the calling thread's CPU priority (Linux: a thread's own nice value); does nothing where it cannot. */
export function lowerThreadPriority(nice: number): boolean {
  if (!(nice > 0)) return false;
  try {
    // /proc/thread-self → "<pid>/task/<tid>": setpriority on a tid changes that thread only.
    const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
    os.setPriority(tid, Math.min(19, nice));
    return true;
  } catch {
    return false;
  }
}

/**
 * The thread's side: serves requests one message at a time with `handler`, which answers done (with the
 * buffers to transfer) or throws (answered as an error), and may report progress. Reports process.exit
 * from inside the thread, with its caller, before the thread ends.
 */
export function serveRequests<Req extends { id: number }, Done extends object, Progress extends object = never>(
  handler: (req: Req, progress: (p: Progress) => void) => Promise<{ reply: Done; transfer?: ArrayBuffer[] }>,
): void {
  const port = parentPort;
  if (!port) return;
  lowerThreadPriority(Number((workerData as { nice?: number } | null)?.nice ?? 0));
  process.on('exit', (code) => port.postMessage({ id: 0, type: 'exiting', code, stack: new Error('exit').stack } satisfies ExitNotice));
  port.on('message', (req: Req) => {
    const { id } = req;
    const post = (m: ThreadReply<Done, Progress>, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);
    handler(req, (p) => post({ ...p, id, type: 'progress' }))
      .then(({ reply, transfer }) => post({ ...reply, id, type: 'done' }, transfer))
      .catch((e: unknown) => post({ id, type: 'error', message: e instanceof Error ? e.message : String(e) }));
  });
}
