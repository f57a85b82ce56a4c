// npm run bench [-- name]: runs every bench/*.bench.ts (or the one named) on a private local Neo4j.
import fs from 'node:fs';
import path from 'node:path';
import { BENCH_INSTANCE, ensure, stop } from '../neo4j/ctl';
import { connect, type Db } from '../server/db';

export { BENCH_INSTANCE };

export interface Bench {
  name: string;
  /** `uri`: the bench database's address, for benches that run the CLI as a child process. */
  run(db: Db, uri?: string): Promise<void>;
}

/** Runs `fn` `n` times after one warm-up and prints median and p95 in ms. */
export async function time(label: string, n: number, fn: () => Promise<unknown>): Promise<{ median: number; p95: number }> {
  await fn();
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  ms.sort((a, b) => a - b);
  const median = ms[Math.floor(ms.length / 2)];
  const p95 = ms[Math.min(ms.length - 1, Math.ceil(ms.length * 0.95) - 1)];
  console.log(`  ${label.padEnd(58)} median ${median.toFixed(1).padStart(8)} ms   p95 ${p95.toFixed(1).padStart(8)} ms   (n=${n})`);
  return { median, p95 };
}

async function main(): Promise<void> {
  const only = process.argv[2];
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.bench.ts') && (!only || f.startsWith(only))).sort();
  const { uri, started } = process.env.BENCH_NEO4J_URI ? { uri: process.env.BENCH_NEO4J_URI, started: false } : await ensure(BENCH_INSTANCE);
  // Benches wipe and fill graphs of a million ties: the statements that do it outlast the app's 2-minute write timeout.
  const db = connect({ uri, writeTimeoutMs: 3_600_000 });
  try {
    for (const f of files) {
      const mod = (await import(path.join(__dirname, f))) as { default: Bench };
      console.log(`\n# ${mod.default.name} (${f})`);
      await mod.default.run(db, uri);
    }
  } finally {
    await db.close();
    if (started) await stop(BENCH_INSTANCE);
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
