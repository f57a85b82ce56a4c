// Waiting for a condition in integration tests (jest has no expect.poll): check, yield, check again, until a deadline.
import { setTimeout as sleep } from 'node:timers/promises';

/** Resolves with the first value of `read` that `ok` accepts; rejects with the last value past `timeoutMs`. */
export async function waitFor<T>(read: () => Promise<T>, ok: (v: T) => boolean, { timeoutMs = 60_000, intervalMs = 50 } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(v)}`);
    await sleep(intervalMs);
  }
}
