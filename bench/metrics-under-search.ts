// The metrics computed in the API's background while search keeps being timed (issue 10's goal: fresh within
// 2 minutes, search p95 ≤ 100 ms meanwhile). One procedure for `npm run bench -- metrics` and the metrics part
// of `npm run bench -- large`, so that their figures are the same measure.
import type { MetricsService } from '../server/metrics/service';
import type { ServedApp } from './serve-app';

export const pct = (ms: number[], p: number) => {
  const s = [...ms].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * p) - 1)];
};

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Samples the process's RSS (server + worker thread) until stopped; returns the peak. */
export function rssPeak(): () => number {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 200);
  return () => {
    clearInterval(timer);
    return peak;
  };
}

/** Times searches of names the generated graph holds (bench/large-graph.ts), the i-th of a fixed cycle. */
export function searcher(get: ServedApp['get'], actors: number): (i: number) => Promise<number> {
  return async (i: number) => {
    const q = ['credit', 'sante', `acteur ${(i * 7919) % actors}`, 'campus'][i % 4];
    const t = performance.now();
    await get(`/api/actors?q=${encodeURIComponent(q)}`);
    return performance.now() - t;
  };
}

/** Asks for the metrics, then searches without pause until they are fresh; prints the wall time, the worker's steps, RSS and search. */
export async function metricsUnderSearch(get: ServedApp['get'], metrics: MetricsService, actors: number): Promise<void> {
  const search = searcher(get, actors);
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
}
