// Soak: the real server process under 10 minutes (SOAK_MINUTES) of mixed traffic from 20 clients (SOAK_CLIENTS)
// on loopback — search, details, neighbourhood, paths, funding, console, one import — on the 10k/40k graph.
// Prints p50/p95/p99 per kind of request, answers by status, and the RSS of Node and Neo4j.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../server/db';
import { loadDataset, wipeGraph } from '../server/load';
import { BENCH_INSTANCE, type Bench } from './run';
import { rng, syntheticDataset } from './synthetic';

const ROOT = path.resolve(__dirname, '..');
const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const CLIENTS = Number(process.env.SOAK_CLIENTS ?? 20);
/** Memory is compared from the end of the warm-up (10 % of the run, at least 20 s) to the end. */
const WARMUP_MS = Math.max(20_000, MINUTES * 6_000);
const ACTORS = 10_000;

type Kind = 'search' | 'details' | 'neighbourhood' | 'paths' | 'funding' | 'console' | 'import';
/** Lookups: the requests the p95 ≤ 100 ms goal is about. */
const LOOKUPS: Kind[] = ['search', 'details', 'neighbourhood'];

const WORDS = ['acteur', 'fonds', 'region', 'cluster', 'label', 'programme', 'credit', 'banque', 'innov', 'tech'];

/** One request of the mix, by weight: mostly lookups, some analysis, a few console queries. */
function pick(r: () => number): { kind: Kind; method: string; url: string; body?: unknown } {
  const id = () => `actor-${Math.floor(r() * r() * ACTORS)}`; // hubs more often, like people do
  const x = r();
  if (x < 0.3) return { kind: 'search', method: 'GET', url: `/api/actors?q=${encodeURIComponent(`${WORDS[Math.floor(r() * WORDS.length)]} ${Math.floor(r() * 100)}`)}` };
  if (x < 0.55) return { kind: 'details', method: 'GET', url: `/api/actors/${id()}` };
  if (x < 0.75) return { kind: 'neighbourhood', method: 'GET', url: `/api/actors/${id()}/neighborhood?depth=${1 + Math.floor(r() * 2)}` };
  if (x < 0.85) return { kind: 'paths', method: 'GET', url: `/api/paths?from=${id()}&to=${id()}&maxDepth=4` };
  if (x < 0.95) return { kind: 'funding', method: 'GET', url: `/api/actors/${id()}/funding?direction=${r() < 0.5 ? 'upstream' : 'downstream'}` };
  return {
    kind: 'console', method: 'POST', url: '/api/cypher',
    body: { query: 'MATCH (a:Actor {id: $id})-[r]-(b) RETURN b.name AS name, type(r) AS type LIMIT 25', params: { id: id() } },
  };
}

/**
 * One import during the soak, half-way through: a CSV of 100 relationships among 50 new actors uploaded
 * (POST /api/imports, the preview), committed, and followed until it is written — the time of the whole.
 */
async function importOnce(base: string): Promise<{ status: number; ms: number }> {
  const r = rng(7);
  const lines = ['De;Vers;Type;Montant'];
  for (let i = 0; i < 100; i++) {
    const a = Math.floor(r() * 50);
    const b = (a + 1 + Math.floor(r() * 49)) % 50;
    lines.push(`Soak acteur ${a};Soak acteur ${b};${i % 3 === 0 ? 'finance' : 'partenaire'};${i % 3 === 0 ? `${1 + i} 000 €` : ''}`);
  }
  const form = new FormData();
  form.append('files', new Blob([`${lines.join('\r\n')}\r\n`], { type: 'text/csv' }), 'soak-relations.csv');
  form.append('defaultKind', 'entreprise');
  form.append('sourceTitle', 'Soak');
  const t0 = performance.now();
  const preview = await fetch(`${base}/api/imports`, { method: 'POST', body: form });
  const body = (await preview.json()) as { importId?: string };
  if (preview.status !== 201 || !body.importId) return { status: preview.status, ms: performance.now() - t0 };
  const commit = await fetch(`${base}/api/imports/${body.importId}/commit`, { method: 'POST' });
  await commit.arrayBuffer();
  if (commit.status !== 202) return { status: commit.status, ms: performance.now() - t0 };
  for (;;) {
    const st = await fetch(`${base}/api/imports/${body.importId}`);
    const { import: info } = (await st.json()) as { import: { state: string } };
    if (info.state !== 'running') return { status: info.state === 'committed' ? 200 : 500, ms: performance.now() - t0 };
    await new Promise((res) => setTimeout(res, 200)); // polling the import's progress, as the client does
  }
}

/** Resident memory of a process in MB (Linux /proc). */
function rssMb(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

function neo4jPid(): number | undefined {
  try {
    return Number(fs.readFileSync(path.join(ROOT, '.data', `${BENCH_INSTANCE.name}.pid`), 'utf8').trim()) || undefined;
  } catch {
    return undefined;
  }
}

const pct = (sorted: number[], p: number) => sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)] : NaN;
const f = (n: number | undefined, d = 1) => (n === undefined || Number.isNaN(n) ? '—' : n.toFixed(d));

/** Starts server/index.ts on the bench database, rate limits off (all clients share one loopback address). */
async function startServer(uri: string): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: ROOT,
    env: {
      ...process.env, NEO4J_URI: uri, PORT: '0', HOST: '127.0.0.1', MAILLAGE_AUTOLOAD: 'false',
      MAILLAGE_RATE_SEARCH: '0', MAILLAGE_RATE_CONSOLE: '0', MAILLAGE_RATE_IMPORTS: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /ready on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]);
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.once('exit', () => reject(new Error(`the server exited:\n${out}`)));
  });
  // Ready means the database answered and start-up work is done.
  for (let i = 0; i < 600; i++) {
    if ((await fetch(`${url}/api/health`).catch(() => undefined))?.status === 200) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    url,
    pid: proc.pid!,
    stop: () => new Promise((resolve) => { proc.once('exit', () => resolve()); proc.kill('SIGTERM'); }),
  };
}

const bench: Bench = {
  name: `soak — ${MINUTES} min, ${CLIENTS} clients, mixed traffic on 10,000 actors / 40,000 relationships`,
  async run(db: Db) {
    const [{ n }] = await db.read('MATCH (a:Actor) WHERE a.id STARTS WITH "actor-" RETURN count(a) AS n');
    if (n !== ACTORS) {
      await wipeGraph(db);
      await loadDataset(db, syntheticDataset(ACTORS, 40_000));
    }
    await db.write('MATCH (a:Actor) WHERE a.id STARTS WITH "soak-" DETACH DELETE a');
    const server = await startServer(process.env.BENCH_NEO4J_URI ?? `bolt://127.0.0.1:${BENCH_INSTANCE.port}`);
    const neo = process.env.BENCH_NEO4J_URI ? undefined : neo4jPid();
    const start = { node: rssMb(server.pid), neo4j: rssMb(neo) };
    let warm: { node?: number; neo4j?: number } | undefined;
    const latencies = new Map<Kind, number[]>();
    const statuses = new Map<string, number>();
    let importResult: Awaited<ReturnType<typeof importOnce>> | undefined;
    const t0 = Date.now();
    const end = t0 + MINUTES * 60_000;
    const record = (kind: Kind, status: string, ms: number, measured: boolean) => {
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (measured) (latencies.get(kind) ?? latencies.set(kind, []).get(kind)!).push(ms);
    };

    const client = async (seed: number) => {
      const r = rng(seed);
      while (Date.now() < end) {
        const q = pick(r);
        const t = performance.now();
        let status: string;
        try {
          const res = await fetch(server.url + q.url, {
            method: q.method,
            headers: q.body ? { 'Content-Type': 'application/json' } : undefined,
            body: q.body ? JSON.stringify(q.body) : undefined,
          });
          await res.arrayBuffer();
          status = String(res.status);
        } catch (e) {
          status = `network error (${(e as Error).message})`;
        }
        record(q.kind, status, performance.now() - t, Date.now() - t0 > WARMUP_MS);
      }
    };
    const sampler = setInterval(() => {
      if (!warm && Date.now() - t0 > WARMUP_MS) warm = { node: rssMb(server.pid), neo4j: rssMb(neo) };
    }, 1000);
    const importer = setTimeout(() => {
      importOnce(server.url).then((res) => { importResult = res; }, (e: Error) => { importResult = { status: 0, ms: 0 }; console.error(e); });
    }, MINUTES * 30_000);
    await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(1000 + i)));
    clearInterval(sampler);
    clearTimeout(importer);
    const last = { node: rssMb(server.pid), neo4j: rssMb(neo) };
    await server.stop();
    await db.write('MATCH (a:Actor) WHERE a.id STARTS WITH "soak-" DETACH DELETE a');

    const total = [...statuses.values()].reduce((a, b) => a + b, 0);
    console.log(`  ${total} requests in ${MINUTES} min (${(total / (MINUTES * 60)).toFixed(0)}/s); latencies after a ${Math.round(WARMUP_MS / 1000)} s warm-up`);
    console.log('  | request | n | p50 ms | p95 ms | p99 ms |\n  | --- | ---: | ---: | ---: | ---: |');
    const all: number[] = [];
    const lookups: number[] = [];
    for (const [kind, ms] of [...latencies].sort()) {
      ms.sort((a, b) => a - b);
      all.push(...ms);
      if (LOOKUPS.includes(kind)) lookups.push(...ms);
      console.log(`  | ${kind} | ${ms.length} | ${f(pct(ms, 0.5))} | ${f(pct(ms, 0.95))} | ${f(pct(ms, 0.99))} |`);
    }
    lookups.sort((a, b) => a - b);
    all.sort((a, b) => a - b);
    console.log(`  | lookups (search, details, neighbourhood) | ${lookups.length} | ${f(pct(lookups, 0.5))} | ${f(pct(lookups, 0.95))} | ${f(pct(lookups, 0.99))} |`);
    console.log(`  | all | ${all.length} | ${f(pct(all, 0.5))} | ${f(pct(all, 0.95))} | ${f(pct(all, 0.99))} |`);
    console.log(`  answers by status: ${[...statuses].sort().map(([s, c]) => `${s}: ${c}`).join(', ')}`);
    const fiveXX = [...statuses].filter(([s]) => !/^[1-4]\d\d$/.test(s)).reduce((a, [, c]) => a + c, 0);
    console.log(`  5xx or network errors: ${fiveXX}`);
    console.log(`  import once: ${importResult === undefined ? 'not reached' : `${importResult.status === 200 ? 'committed' : `failed (${importResult.status})`} in ${f(importResult.ms, 0)} ms (upload, preview, commit, written)`}`);
    const growth = (a?: number, b?: number) => (a && b ? `${(((b - a) / a) * 100).toFixed(1)} %` : '—');
    console.log(`  RSS Node   start ${f(start.node, 0)} MB, after warm-up ${f(warm?.node, 0)} MB, end ${f(last.node, 0)} MB (growth after warm-up ${growth(warm?.node, last.node)})`);
    console.log(`  RSS Neo4j  start ${f(start.neo4j, 0)} MB, after warm-up ${f(warm?.neo4j, 0)} MB, end ${f(last.neo4j, 0)} MB (growth after warm-up ${growth(warm?.neo4j, last.neo4j)})`);
  },
};

export default bench;
