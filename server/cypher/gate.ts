// A concurrency cap with a short queue for console queries: N run at once, a few wait, the rest get a 503.
import { ServerBusyError } from '../errors';

export interface Gate {
  /** Runs `work` when a slot is free; throws ServerBusy at once when the queue is full, or after `maxWaitMs` queued. */
  run<T>(work: () => Promise<T>): Promise<T>;
  readonly active: number;
  readonly waiting: number;
}

export function createGate(opts: { concurrency: number; queue: number; maxWaitMs: number }): Gate {
  let active = 0;
  const waiters: { wake: () => void; timer: NodeJS.Timeout }[] = [];

  const release = () => {
    const w = waiters.shift();
    if (w) {
      clearTimeout(w.timer);
      w.wake(); // the slot passes straight to the next waiter: `active` stays the same
    } else active--;
  };

  const acquire = (): Promise<void> => {
    if (active < opts.concurrency) {
      active++;
      return Promise.resolve();
    }
    if (waiters.length >= opts.queue) {
      return Promise.reject(new ServerBusyError(
        `${opts.concurrency} console queries are running and ${waiters.length} are waiting; try again in a moment`,
        2, { running: active, waiting: waiters.length }));
    }
    return new Promise((resolve, reject) => {
      const entry = {
        wake: resolve,
        timer: setTimeout(() => {
          waiters.splice(waiters.indexOf(entry), 1);
          reject(new ServerBusyError(`the console stayed busy for ${opts.maxWaitMs} ms; try again in a moment`, 2, { running: active, waiting: waiters.length }));
        }, opts.maxWaitMs),
      };
      waiters.push(entry);
    });
  };

  return {
    async run(work) {
      await acquire();
      try {
        return await work();
      } finally {
        release();
      }
    },
    get active() { return active; },
    get waiting() { return waiters.length; },
  };
}
