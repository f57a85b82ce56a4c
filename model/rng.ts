// mulberry32: a small deterministic pseudo-random generator. The same seed gives the same numbers on every run and
// in every runtime (page, worker, server, tests, benches): a layout places new actors the same way each time, and a
// generated graph is the same graph.
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
