// npm run bench -- large: the API on 100,000 actors / 1,000,000 ties (bench/large-graph.ts) — p95 of search,
// details, neighbourhood, paths, funding, overview, stats, element pages, streamed exports (time, bytes, the
// server's RSS); metrics computed in the background while search keeps being timed.
// Sizes: MAILLAGE_BENCH_ACTORS, MAILLAGE_BENCH_TIES. Parts: MAILLAGE_BENCH_LARGE=api,routes,pages,exports,metrics
// (default all; exports and metrics take ~10 minutes each on the shared machine).
import type { Db } from '../server/db';
import { MetricsService } from '../server/metrics/service';
import { Q } from '../server/queries';
import { actorId, ensureLargeGraph } from './large-graph';
import { metricsUnderSearch, pct } from './metrics-under-search';
import { time, type Bench } from './run';
import { serveApp } from './serve-app';

const ACTORS = Number(process.env.MAILLAGE_BENCH_ACTORS ?? 100_000);
const TIES = Number(process.env.MAILLAGE_BENCH_TIES ?? 1_000_000);

const PARTS = new Set((process.env.MAILLAGE_BENCH_LARGE ?? 'api,routes,pages,exports,metrics').split(','));

const bench: Bench = {
  name: `large graph — ${ACTORS.toLocaleString('en')} actors, ${TIES.toLocaleString('en')} ties: API p95, metrics in the background`,
  async run(db: Db) {
    const built = await ensureLargeGraph(db, { actors: ACTORS, ties: TIES });
    if (built.rebuilt) console.log(`  bulk generation (UNWIND CREATE, batches of 10k)                ${(built.ms / 1000).toFixed(1)} s`);
    const metrics = new MetricsService(db, { waitMs: 0 });
    const { server, base, get, hubs } = await serveApp(db, metrics);
    // What server/index.ts does after its warm-up: the hubs' details read in the background (server/graph/hub-details.ts).
    const tHubs = Date.now();
    await hubs.check();
    console.log(`  hubs' details kept: ${hubs.keptIds.length} actors in ${((Date.now() - tHubs) / 1000).toFixed(1)} s (the degree ranking's scan included)`);
    const id = (i: number) => actorId(i, ACTORS);
    const hub = id(0);
    const mid = id(Math.floor(ACTORS / 100));
    const leaf = id(ACTORS - 1);
    const leaf2 = id(ACTORS - 2);
    try {
      const details = await Promise.all([hub, mid, leaf, leaf2].map(async (a) => ({ id: a, ties: ((await get(`/api/actors/${a}`)).relationships as { id: string }[]) })));
      console.log(`  actors timed: ${details.map((d) => `${d.id} (${d.ties.length} ties)`).join(', ')}`);

      if (PARTS.has('api')) {
        console.log('  -- search, details, neighbourhood (goals: search ≤ 50 ms, details ≤ 50 ms, neighbourhood ≤ 100 ms)');
        await time('GET /api/actors?q=credit (1 name in 8)', 30, () => get('/api/actors?q=credit'));
        await time('GET /api/actors?q=acteur 4242 (two tokens)', 30, () => get(`/api/actors?q=${encodeURIComponent('acteur 4242')}`));
        await time('GET /api/actors?q=A77777 (alias)', 30, () => get('/api/actors?q=A77777'));
        await time('GET /api/actors?q=innovatoin (typo: fuzzy fallback)', 30, () => get('/api/actors?q=innovatoin'));
        await time(`GET /api/actors/${mid} (details)`, 30, () => get(`/api/actors/${mid}`));
        await time(`GET /api/actors/${leaf} (details)`, 30, () => get(`/api/actors/${leaf}`));
        await time(`GET /api/actors/${hub} (details of the biggest hub)`, 10, () => get(`/api/actors/${hub}`));
        // The hubs users click first (the overview's): each of the 20 first kept, once a round.
        const first = hubs.keptIds.slice(0, 20);
        if (first.length) {
          let i = 0;
          await time(`GET /api/actors/:id (details of the ${first.length} first hubs, in turn)`, 10 * first.length, () => get(`/api/actors/${first[i++ % first.length]}`));
        }
        await time('neighbourhood of the hub, depth 1 (500 nodes)', 20, () => get(`/api/actors/${hub}/neighborhood?depth=1`));
        await time('neighbourhood of a mid actor, depth 2 (≤ 500 nodes)', 20, () => get(`/api/actors/${mid}/neighborhood?depth=2`));
        await time('neighbourhood of a leaf, depth 2 (≤ 500 nodes)', 20, () => get(`/api/actors/${leaf}/neighborhood?depth=2`));

        console.log('  -- paths and funding chains (goals ≤ 300 ms)');
        for (const [label, qs] of [
          ['hub to mid, depth 4', `from=${hub}&to=${mid}`],
          ['hub to leaf, depth 6', `from=${hub}&to=${leaf}&maxDepth=6`],
          ['leaf to leaf, depth 6', `from=${leaf2}&to=${leaf}&maxDepth=6`],
          ['leaf to leaf, depth 6, FUNDS only', `from=${leaf2}&to=${leaf}&maxDepth=6&types=FUNDS`],
        ] as const) {
          const first = (await get(`/api/paths?${qs}`)) as { paths: unknown[]; truncated: boolean };
          await time(`GET /api/paths ${label} (${first.paths.length}${first.truncated ? '+' : ''})`, 10, () => get(`/api/paths?${qs}`));
        }
        for (const [label, url] of [
          ['funding upstream of a mid actor, depth 4', `/api/actors/${mid}/funding?direction=upstream`],
          ['funding downstream of the hub, depth 4', `/api/actors/${hub}/funding?direction=downstream`],
          ['funding upstream of a leaf, depth 6', `/api/actors/${leaf}/funding?direction=upstream&maxDepth=6`],
        ] as const) {
          const first = (await get(url)) as { chains: unknown[]; truncated: boolean };
          await time(`GET ${label} (${first.chains.length}${first.truncated ? ', capped' : ''} chains)`, 10, () => get(url));
        }
      }

      if (PARTS.has('routes')) {
        console.log('  -- large-graph routes (first call after the server starts, then warm)');
        const once = async (label: string, url: string) => {
          const t0 = performance.now();
          const body = await get(url);
          console.log(`  ${label.padEnd(58)} first  ${(performance.now() - t0).toFixed(1).padStart(8)} ms`);
          return body;
        };
        await once('GET /api/graph/stats', '/api/graph/stats');
        await time('GET /api/graph/stats (cached for the version)', 20, () => get('/api/graph/stats'));
        await once('GET /api/graph/overview (300 by degree)', '/api/graph/overview');
        await time('GET /api/graph/overview (300 by degree)', 10, () => get('/api/graph/overview'));
        const filtered = '/api/graph/overview?kinds=company,investor,public_body&types=FUNDS&year=2015&amountMin=100000';
        await once('GET /api/graph/overview, kinds + FUNDS + year + amount', filtered);
        await time('GET /api/graph/overview, kinds + FUNDS + year + amount', 10, () => get(filtered));
        await once('GET /api/graph/overview?limit=2000', '/api/graph/overview?limit=2000');
        await time('GET /api/graph/overview?limit=2000', 5, () => get('/api/graph/overview?limit=2000'));
        const tie = details[1].ties[0].id;
        await time('GET /api/relationships/:id (one tie with evidence)', 30, () => get(`/api/relationships/${encodeURIComponent(tie)}`));

        // A write makes a new graph version: what the first page opened after an edit waits for.
        await db.write(Q.bumpVersion);
        await once('after a write: GET /api/graph/stats', '/api/graph/stats');
        await once('after a write: GET /api/graph/overview (300)', '/api/graph/overview');
      }

      if (PARTS.has('pages')) {
        // The whole network of a selection under the 50k limit, page by page.
        const selection = 'kinds=company,investor,public_body,local_authority&types=FUNDS&year=2012';
        // Pages of actors come first, then pages of ties (each after both its ends): timed apart.
        const actorPages: number[] = [];
        const tiePages: number[] = [];
        let next: string | null = null;
        let elements = 0;
        const walk0 = performance.now();
        do {
          const t0 = performance.now();
          const page = (await get(`/api/graph/elements?size=5000&${selection}${next ? `&cursor=${next}` : ''}`)) as { nodes: unknown[]; edges: unknown[]; next: string | null; matching?: { actors: number; relationships: number } };
          (page.edges.length ? tiePages : actorPages).push(performance.now() - t0);
          if (page.matching) console.log(`  elements: ${selection} → ${page.matching.actors} actors, ${page.matching.relationships} ties`);
          elements += page.nodes.length + page.edges.length;
          next = page.next;
        } while (next);
        const walk = ((performance.now() - walk0) / 1000).toFixed(1);
        for (const [what, ms] of [['actor pages', actorPages], ['tie pages', tiePages]] as const) {
          if (ms.length) console.log(`  GET /api/graph/elements, ${ms.length} ${what} of ≤ 5,000: first ${ms[0].toFixed(0)} ms, median ${pct(ms, 0.5).toFixed(0)} ms, p95 ${pct(ms, 0.95).toFixed(0)} ms`);
        }
        console.log(`  whole walk: ${elements} elements in ${walk} s`);
      }

      if (PARTS.has('exports')) {
        console.log('  -- streamed exports of the whole graph (the server runs in this process: RSS is its memory)');
        for (const qs of ['format=json', 'format=csv&part=edges', 'format=graphml']) {
          const rss0 = process.memoryUsage().rss;
          let peak = rss0;
          const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 50);
          const t0 = performance.now();
          const res = await fetch(`${base}/api/export?${qs}`);
          if (res.status !== 200 || !res.body) throw new Error(`/api/export?${qs}: ${res.status}`);
          let bytes = 0;
          let firstByte = 0;
          const reader = res.body.getReader();
          for (let r = await reader.read(); !r.done; r = await reader.read()) {
            if (!bytes) firstByte = performance.now() - t0;
            bytes += r.value.byteLength;
          }
          clearInterval(sampler);
          console.log(`  GET /api/export?${qs.padEnd(22)} ${(bytes / 1e6).toFixed(0).padStart(5)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s ` +
            `(first byte ${firstByte.toFixed(0)} ms); RSS ${(rss0 / 1e6).toFixed(0)} → peak ${(peak / 1e6).toFixed(0)} MB`);
        }
      }

      if (PARTS.has('metrics')) {
        console.log('  -- metrics in the worker thread while search is timed (goals: ≤ 2 min, search p95 ≤ 100 ms)');
        await metricsUnderSearch(get, metrics, ACTORS);
        await time('GET /api/metrics?sort=betweenness&limit=100', 20, () => get('/api/metrics?sort=betweenness&limit=100'));
        await time('GET /api/metrics?sort=broker&kinds=programme,accelerator', 20, () => get('/api/metrics?sort=broker&kinds=programme,accelerator&limit=100'));
        await time('GET /api/graph/overview (300 by PageRank)', 10, () => get('/api/graph/overview'));
      }
    } finally {
      metrics.close();
      await new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); });
    }
  },
};
export default bench;
