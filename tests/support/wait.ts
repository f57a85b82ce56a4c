// Waiting for a condition in tests (never a fixed sleep): polls `probe` until `ok` holds or the timeout passes.

/** Resolves with the first value of `probe()` that satisfies `ok`; rejects with the last value after `timeoutMs`. */
export async function waitFor<T>(
  probe: () => Promise<T> | T,
  ok: (value: T) => boolean,
  { timeoutMs = 30_000, intervalMs = 50, what = 'condition' }: { timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await probe();
      if (ok(last)) return last;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      throw new Error(`${what} not met after ${timeoutMs} ms; last value ${JSON.stringify(last)}${lastError ? `, last error ${String(lastError)}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
