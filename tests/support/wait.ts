// Waits for a condition by asking again (never a fixed sleep): the answer once `done` holds, or a failure
// naming what was last seen when `timeoutMs` passes.
export async function waitFor<T>(ask: () => Promise<T>, done: (x: T) => boolean, { timeoutMs = 30_000, everyMs = 100 } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const x = await ask();
    if (done(x)) return x;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms; last seen: ${JSON.stringify(x).slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
