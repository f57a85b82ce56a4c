// npm run bench -- metrics: the metrics of the large graph (bench/large-graph.ts, 100k actors / 1M ties by
// default) computed in the worker thread, alone (each step timed), then in the background of the API while
// search is timed before and during (the issue's goal: ≤ 2 min, search p95 ≤ 100 ms meanwhile).
// Sizes: MAILLAGE_BENCH_ACTORS, MAILLAGE_BENCH_TIES.
import type { Db } from '../server/db';
import { MetricsService, MetricsWorker } from '../server/metrics/service';
import { ensureLargeGraph } from './large-graph';
import type { Bench } from './run';
import { serveApp } from './serve-app';

const ACTORS = Number(process.env.MAILLAGE_BENCH_ACTORS ?? 100_000);
const TIES = Number(process.env.MAILLAGE_BENCH_TIES ?? 1_000_000);

const pct = (ms: number[], p: number) => {
  const s = [...ms].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * p) - 1)];
};
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Samples the process's RSS (server + worker thread) until stopped; returns the peak. */
function rssPeak(): () => number {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 200);
  return () => {
    clearInterval(timer);
    return peak;
  };
}

const bench: Bench = {
  name: `metrics — ${ACTORS.toLocaleString('en')} actors, ${TIES.toLocaleString('en')} ties: in the worker thread, alone and under search`,
  async run(db: Db) {
    const built = await ensureLargeGraph(db, { actors: ACTORS, ties: TIES });
    if (built.rebuilt) console.log(`  bulk generation ${s(built.ms)}`);

    console.log('  -- alone (MetricsWorker on the bench database, nothing else asked)');
    const worker = new MetricsWorker();
    const rss0 = process.memoryUsage().rss;
    const stopRss = rssPeak();
    const t0 = performance.now();
    const done = await worker.run({ type: 'compute', source: { db: db.config } });
    worker.stop();
    console.log(`  fresh after ${s(performance.now() - t0)}: reading ${s(done.readMs)}, computing ${s(done.computeMs)} ` +
      `(${Object.entries(done.phases).map(([k, v]) => `${k} ${s(v)}`).join(', ')})`);
    console.log(`  estimates: ${JSON.stringify(done.columns.parameters.estimates)}`);
    console.log(`  RSS ${(rss0 / 1e6).toFixed(0)} → peak ${(stopRss() / 1e6).toFixed(0)} MB`);

    console.log('  -- in the background of the API while search is timed (goals: ≤ 2 min, search p95 ≤ 100 ms)');
    const metrics = new MetricsService(db, { waitMs: 0 });
    const { server, get } = await serveApp(db, metrics);
    const search = async (i: number) => {
      const q = ['credit', 'sante', `acteur ${(i * 7919) % ACTORS}`, 'campus'][i % 4];
      const t = performance.now();
      await get(`/api/actors?q=${encodeURIComponent(q)}`);
      return performance.now() - t;
    };
    try {
      const before: number[] = [];
      for (let i = 0; i < 200; i++) before.push(await search(i));
      console.log(`  search before: n=${before.length}, median ${pct(before, 0.5).toFixed(1)} ms, p95 ${pct(before, 0.95).toFixed(1)} ms`);
      const start = performance.now();
      const rssBefore = process.memoryUsage().rss;
      const stop = rssPeak();
      await get('/api/metrics?limit=1');
      const during: number[] = [];
      let page: Record<string, unknown> = {};
      for (let status = 'computing'; status !== 'fresh';) {
        during.push(await search(during.length));
        if (during.length % 20 === 0) {
          page = await get('/api/metrics?limit=1');
          status = page.status as string;
          if (status === 'failed') throw new Error(`metrics failed: ${String(page.error)}`);
        }
      }
      const wall = performance.now() - start;
      const run = metrics.lastRun();
      console.log(`  fresh after ${s(wall)} (worker: ${s(page.durationMs as number)}; reading ${s(run?.readMs ?? NaN)}, computing ${s(run?.computeMs ?? NaN)}: ` +
        `${Object.entries(run?.phases ?? {}).map(([k, v]) => `${k} ${s(v)}`).join(', ')}${run?.crashes.length ? `; threads died and retried: ${run.crashes.join(' / ')}` : ''})`);
      console.log(`  parameters: ${JSON.stringify(page.parameters)}`);
      console.log(`  RSS (server + worker) ${(rssBefore / 1e6).toFixed(0)} → peak ${(stop() / 1e6).toFixed(0)} MB`);
      console.log(`  search meanwhile: n=${during.length}, median ${pct(during, 0.5).toFixed(1)} ms, p95 ${pct(during, 0.95).toFixed(1)} ms`);
    } finally {
      metrics.close();
      await new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); });
    }
  },
};
export default bench;
