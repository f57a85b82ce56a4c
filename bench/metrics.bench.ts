// npm run bench -- metrics: the metrics of the large graph (bench/large-graph.ts, 100k actors / 1M ties by
// default) computed in the worker thread, alone (each step timed), then in the background of the API while
// search is timed before and during (the issue's goal: ≤ 2 min, search p95 ≤ 100 ms meanwhile).
// Sizes: MAILLAGE_BENCH_ACTORS, MAILLAGE_BENCH_TIES.
import type { Db } from '../server/db';
import { MetricsService, MetricsWorker } from '../server/metrics/service';
import { ensureLargeGraph } from './large-graph';
import { metricsUnderSearch, pct, rssPeak, searcher } from './metrics-under-search';
import type { Bench } from './run';
import { serveApp } from './serve-app';

const ACTORS = Number(process.env.MAILLAGE_BENCH_ACTORS ?? 100_000);
const TIES = Number(process.env.MAILLAGE_BENCH_TIES ?? 1_000_000);

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

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
    const search = searcher(get, ACTORS);
    try {
      const before: number[] = [];
      for (let i = 0; i < 200; i++) before.push(await search(i));
      console.log(`  search before: n=${before.length}, median ${pct(before, 0.5).toFixed(1)} ms, p95 ${pct(before, 0.95).toFixed(1)} ms`);
      await metricsUnderSearch(get, metrics, ACTORS);
    } finally {
      metrics.close();
      await new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); });
    }
  },
};
export default bench;
