// Waits for a condition by asking again (never a fixed sleep): the answer once `done` holds, or a failure
// naming what was awaited and what was last seen when `timeoutMs` passes.

export interface WaitOptions {
  timeoutMs?: number;
  /** Pause between two asks (`intervalMs` is the same). */
  everyMs?: number;
  intervalMs?: number;
  /** What is awaited, for the failure message. */
  what?: string;
}

export async function waitFor<T>(ask: () => Promise<T> | T, done: (x: T) => boolean, opts: WaitOptions = {}): Promise<T> {
  const { timeoutMs = 30_000, what = 'condition' } = opts;
  const every = opts.everyMs ?? opts.intervalMs ?? 100;
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await ask();
      if (done(last)) return last;
    } catch (e) {
      lastError = e; // e.g. the server not listening yet: ask again
    }
    if (Date.now() > deadline) {
      throw new Error(`${what} not met within ${timeoutMs} ms; last seen: ${JSON.stringify(last)?.slice(0, 500)}${lastError ? `, last error: ${String(lastError)}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, every));
  }
}
