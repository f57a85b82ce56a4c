// The real server process (server/index.ts) under faults: SIGTERM during a slow query, Neo4j down at start-up,
// Neo4j stopped and restarted under it. The restart uses a Neo4j instance of its own (free port, own folder),
// so the other test files' database is never disturbed.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensure, stop, type Instance } from '../../neo4j/ctl';
import type { Db } from '../../server/db';
import { resetTo, testDb } from '../support/db';
import { actor, dataset } from '../support/fixtures';
import { waitFor } from '../support/wait';
import { freePort } from '../support/ports';

const ROOT = path.resolve(__dirname, '..', '..');

interface Child {
  proc: ChildProcess;
  url: Promise<string>;
  exited: Promise<number | null>;
  output: () => string;
}

/** Starts `server/index.ts` as its own process (node + tsx), on a port of the system's choosing. */
function startServer(env: Record<string, string>): Child {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', MAILLAGE_AUTOLOAD: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const url = new Promise<string>((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /ready on (http:\/\/[^\s]+)/.exec(out);
      if (m) resolve(m[1]);
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.once('exit', () => reject(new Error(`the server exited before it was ready:\n${out}`)));
  });
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  return { proc, url, exited, output: () => out };
}

/** GET → status (0 when the connection is refused). */
async function status(url: string): Promise<number> {
  try {
    return (await fetch(url)).status;
  } catch {
    return 0;
  }
}

const children: Child[] = [];
afterAll(async () => {
  for (const c of children) if (c.proc.exitCode === null) c.proc.kill('SIGKILL');
});

describe('SIGTERM during a slow query', () => {
  let db: Db;
  beforeAll(async () => {
    db = testDb();
    await resetTo(db, dataset([actor('a')], []));
  });
  afterAll(async () => { await db.close(); });

  it('stops accepting, answers the request in flight, then exits 0', async () => {
    const child = startServer({ NEO4J_URI: process.env.TEST_NEO4J_URI!, MAILLAGE_CYPHER_TIMEOUT_MS: '120000', MAILLAGE_SHUTDOWN_GRACE_MS: '120000' });
    children.push(child);
    const url = await child.url;
    await waitFor(() => status(`${url}/api/health`), (s) => s === 200, { what: 'the server ready' });
    const query = "UNWIND range(1, 30000000) AS x WITH x WHERE x % 7 = 0 RETURN count(x) AS n, 'sigterm-marker' AS marker";
    const answer = fetch(`${url}/api/cypher`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query }),
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as { rows: { n: number }[] } }));
    // The query is running in Neo4j (not its EXPLAIN): a condition, not a sleep.
    await waitFor(async () => {
      const [row] = await db.read(
        'SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS "sigterm-marker" AND NOT currentQuery STARTS WITH "EXPLAIN" AND NOT currentQuery CONTAINS "SHOW" RETURN count(*) AS n');
      return row.n as number;
    }, (n) => n > 0, { what: 'the slow query running' });

    child.proc.kill('SIGTERM');
    // New connections are refused once the signal is handled, while the slow request is still running.
    await waitFor(() => status(`${url}/api/health`), (s) => s === 0, { what: 'new connections refused' });
    const res = await answer;
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual([{ n: Math.floor(30_000_000 / 7), marker: 'sigterm-marker' }]);
    expect(await child.exited).toBe(0);
    expect(child.output()).toContain('every request answered');
  });
});

describe('Neo4j down at start-up, then stopped and restarted under the running app', () => {
  let instance: Instance;
  beforeAll(async () => {
    const port = await freePort();
    // A test's graph is the seeds: the test profile's memory (1 GB heap), not the app's quarter of the RAM.
    instance = { name: `neo4j-lifecycle-${port}`, port, profile: 'test' };
  });
  afterAll(async () => {
    await stop(instance);
    fs.rmSync(path.join(ROOT, '.data', instance.name), { recursive: true, force: true });
    fs.rmSync(path.join(ROOT, '.data', `${instance.name}.log`), { force: true });
  });

  it('answers 503 with Retry-After while Neo4j is away, seeds once it is up, and recovers by itself after a restart', async () => {
    const child = startServer({ NEO4J_URI: `bolt://127.0.0.1:${instance.port}`, MAILLAGE_AUTOLOAD: 'true' });
    children.push(child);
    const url = await child.url; // listening although no database answers

    const down = await fetch(`${url}/api/actors?q=medinsoft`);
    expect(down.status).toBe(503);
    expect(Number(down.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await status(`${url}/api/health`)).toBe(503);

    await ensure(instance);
    // Start-up work runs once the database answers: the seeds are loaded, then health says ok.
    await waitFor(() => status(`${url}/api/health`), (s) => s === 200, { timeoutMs: 120_000, what: 'health ok after Neo4j started' });
    const found = await (await fetch(`${url}/api/actors?q=medinsoft`)).json() as { actors: { id: string }[] };
    expect([found.actors.map((a) => a.id), child.output()]).toEqual([expect.arrayContaining(['medinsoft']), expect.any(String)]);

    await stop(instance);
    const during = await fetch(`${url}/api/actors/medinsoft`);
    expect(during.status).toBe(503);
    expect(during.headers.get('retry-after')).not.toBeNull();

    await ensure(instance);
    await waitFor(() => status(`${url}/api/actors/medinsoft`), (s) => s === 200, { timeoutMs: 60_000, what: 'answers again after the restart' });

    child.proc.kill('SIGTERM');
    expect(await child.exited).toBe(0);
  }, 480_000); // two starts of a Neo4j of its own (slow on a busy 2-core machine)
});
